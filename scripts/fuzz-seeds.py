#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets from the project's own data: JSON Schema Test
Suite cases (schema NUL instance), the packages' expressions and worked examples, and XML."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
jsts = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None
root = pathlib.Path(__file__).resolve().parent.parent
for t in ['fuzz_json_schema', 'fuzz_expression', 'fuzz_regex', 'fuzz_xml', 'fuzz_form', 'fuzz_match']:
    (out / t).mkdir(parents=True, exist_ok=True)

def put(target, name, data):
    (out / target / name).write_bytes(data if isinstance(data, bytes) else data.encode())

n = 0
if jsts and (jsts / 'tests/draft2020-12').is_dir():
    for f in sorted((jsts / 'tests/draft2020-12').glob('*.json'))[:60]:
        for group in json.loads(f.read_text()):
            for case in group['tests'][:2]:
                put('fuzz_json_schema', f'jsts{n}', json.dumps(group['schema']) + '\0' + json.dumps(case['data']))
                n += 1
            if 'pattern' in json.dumps(group['schema']):
                for p in [group['schema'].get('pattern')] + list(group['schema'].get('patternProperties', {}).keys()):
                    if isinstance(p, str):
                        put('fuzz_regex', f'p{n}', p + '\0' + 'abc北京')
                        n += 1
for pkg in sorted(root.glob('schemas/*/form.json')):
    d = pkg.parent
    for part in ['rules.json', 'eligibility.json', 'rubric.json']:
        if (d / part).exists():
            text = (d / part).read_text()
            for i, e in enumerate(sorted(set(__import__('re').findall(r'"(?:expr|when|assert|points|required_when)":\s*"((?:[^"\\]|\\.)*)"', text)))):
                put('fuzz_expression', f'{d.name}-{part}-{i}', json.loads('"' + e + '"'))
    # fuzz_form: the first byte picks the package (its index in fuzz_form.cpp's list).
    order = ['bluetech-2023-company', 'bluetech-2023-team', 'wipo-green-technology', 'wipo-green-need', 'ip-clinic']
    for ex in sorted(d.glob('examples/*.json')):
        answers = json.loads(ex.read_text()).get('answers', {})
        pick = bytes([order.index(d.name) if d.name in order else 0])
        put('fuzz_form', f'{d.name}-{ex.stem}', pick + json.dumps(answers, ensure_ascii=False).encode())
        put('fuzz_xml', f'{d.name}-{ex.stem}', '<application xmlns="urn:greenapply:application:1" format-version="1"><object><string name="a">x</string><array name="b"><number>1</number><null/></array></object></application>')
for i, e in enumerate(['count_if(a.t, it.x) + a.n', "years_between(a.d, date('2023-04-30'))", "steps(a.n, [1, 2], [0, 1, 2])", "'北' in a.s ? len(a.s) : 0"]):
    put('fuzz_expression', f'basic{i}', e)
put('fuzz_regex', 'han', '^\\p{Script=Han}+$\0北京')
put('fuzz_form', 'empty', b'\0{}')
# fuzz_match: the real spec with worked needs and technologies.
need_dir, tech_dir = root / 'schemas/wipo-green-need', root / 'schemas/wipo-green-technology'
if (need_dir / 'match.json').exists():
    spec = json.loads((need_dir / 'match.json').read_text())
    techs = [json.loads(f.read_text())['answers'] for f in sorted((tech_dir / 'examples').glob('*.json'))]
    for i, f in enumerate(sorted((need_dir / 'examples').glob('*.json'))):
        need = json.loads(f.read_text())['answers']
        put('fuzz_match', f'need{i}', json.dumps({'spec': spec, 'need': need, 'technologies': techs[i % len(techs):][:3]}, ensure_ascii=False))
print(f'seeds written to {out}')
