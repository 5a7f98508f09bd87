#!/usr/bin/env python3
"""Writes seed corpora for the fuzz targets from the project's own data: JSON Schema Test
Suite cases (schema NUL instance), the packages' expressions and worked examples, and XML;
the minimised inputs of past findings (tests/regressions/<target>-<what>), so every smoke
re-runs them; and one libFuzzer dictionary per target, <out>/<target>.dict: the static one in
tests/fuzz/ plus, for the JSON targets, the packages' field names and enum values."""
import json
import pathlib
import sys

out = pathlib.Path(sys.argv[1])
jsts = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else None
root = pathlib.Path(__file__).resolve().parent.parent
for t in ['fuzz_json_schema', 'fuzz_expression', 'fuzz_regex', 'fuzz_xml', 'fuzz_form', 'fuzz_match', 'fuzz_mail', 'fuzz_json_text']:
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
# fuzz_mail: e-mails as the applicant's page and mail programs write them (multipart, base64,
# quoted-printable, RFC 2047 and RFC 2231 names, an mbox of two).
mail_seed = ('From: =?UTF-8?B?546L5piO?= <a@b>\r\nDate: Tue, 25 Apr 2023 09:30:00 +0800\r\n'
             'Subject: =?UTF-8?Q?=E7=94=B3=E8=AF=B7?=\r\nContent-Type: multipart/mixed; boundary="b1"\r\n\r\n'
             '--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
             'caf=C3=A9 =\r\nsoft\r\n--b1\r\nContent-Type: multipart/alternative; boundary=b2\r\n\r\n--b2\r\n'
             'Content-Type: application/json\r\nContent-Disposition: attachment;\r\n filename*0*=UTF-8\'\'%E7%94%B3;\r\n'
             ' filename*1=".json"\r\nContent-Transfer-Encoding: base64\r\n\r\neyJhbnN3ZXJzIjoge319\r\n--b2--\r\n--b1--\r\n')
put('fuzz_mail', 'message', mail_seed)
put('fuzz_mail', 'mbox', 'From a@b Sat Apr 01 00:00:00 2023\n' + mail_seed.replace('\r\n', '\n') +
    '\n>From quoted\n\nFrom c@d Sat Apr 01 00:00:00 2023\nSubject: =?GB2312?B?yerH6w==?=\n\nx\n')
# fuzz_json_text: the packages' own JSON files as they are on disk (the smaller ones), and texts
# at the edges of the number and string rules.
for f in sorted(root.glob('schemas/*/*.json')) + sorted(root.glob('schemas/*/examples/*.json')):
    if f.stat().st_size <= 16384:
        put('fuzz_json_text', f'{f.parent.name}-{f.name}', f.read_bytes())
for i, t in enumerate(['-0', '18446744073709551616', '-9223372036854775809', '1e-400', '1e309', '0.1e+2',
                       '"\\ud83d\\ude00 \\u00e9 \\/"', '{"a":1,"a":[true,null]}', '\ufeff[]', '[1,2,]']):
    put('fuzz_json_text', f'edge{i}', t)
# Minimised inputs of past findings: each once crashed, hung or tripped a sanitizer.
for f in sorted((root / 'tests/regressions').glob('fuzz_*-*')):
    target = f.name.split('-', 1)[0]
    if (out / target).is_dir():
        put(target, f'regression-{f.name}', f.read_bytes())

# Dictionaries. JSON targets get '"name":' for every property of the packages' schemas and
# '"value"' for every string enum/const, so byte-level mutations splice real field names.
def dict_entry(text):
    out = ''
    for b in text.encode():
        out += '\\' + chr(b) if b in (0x22, 0x5c) else chr(b) if 0x20 <= b < 0x7f else '\\x%02X' % b
    return '"' + out + '"\n'

def schema_words(node, names, values):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == 'properties' and isinstance(v, dict):
                names.update(v.keys())
            if k in ('enum', 'const'):
                values.update(x for x in (v if isinstance(v, list) else [v]) if isinstance(x, str) and len(x) <= 64)
            schema_words(v, names, values)
    elif isinstance(node, list):
        for v in node:
            schema_words(v, names, values)

names, values = set(), set()
for f in sorted(root.glob('schemas/*/data.schema.json')) + sorted(root.glob('schemas/common/*.schema.json')):
    schema_words(json.loads(f.read_text()), names, values)
json_tokens = ['{', '}', '[', ']', ':', ',', 'true', 'false', 'null', '""', '0', '-1', '1e308', '0.5',
               '"2023-04-30"', '"2023-04-30T23:59:59+08:00"', '"\\u0000"', '"\\ud800"', '"北京"']
match_keys = ['spec', 'need', 'technologies', 'technology_form', 'need_title', 'technology_title', 'technology_owner',
              'components', 'id', 'kind', 'weight', 'technology', 'group_credit', 'groups_without_credit',
              'levels_to_zero', 'map', 'need_terms', 'need_text', 'enough', 'ignore', 'format', 'package', 'answers']
generated = {
    'fuzz_form': json_tokens + [f'"{n}":' for n in sorted(names)] + [f'"{v}"' for v in sorted(values)],
    'fuzz_json_text': json_tokens + ['\\"', '\\\\', '\\/', '\\b', '\\u00e9', '\\uDBFF\\uDFFF', '\\udc00', '1E+2', '-0.0e-0',
                                     '18446744073709551615', '\ufeff', '😀'],
    'fuzz_match': json_tokens + [f'"{k}":' for k in match_keys] + [f'"{n}":' for n in sorted(names)] +
                  [f'"{v}"' for v in sorted(values)] + ['"taxonomy"', '"at_least"', '"mapped"', '"member"', '"keywords"'],
}
for t in ['fuzz_json_schema', 'fuzz_expression', 'fuzz_regex', 'fuzz_xml', 'fuzz_form', 'fuzz_match', 'fuzz_mail',
          'fuzz_json_text']:
    static = root / 'tests/fuzz' / f'{t}.dict'
    text = static.read_text() if static.exists() else ''
    text += ''.join(dict_entry(w) for w in generated.get(t, []))
    (out / f'{t}.dict').write_text(text)
print(f'seeds written to {out}')
