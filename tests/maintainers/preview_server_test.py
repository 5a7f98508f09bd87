#!/usr/bin/env python3
"""The live preview's server (scripts/preview-server.py, #17) without a browser: what it serves and
what it tells the page. tests/e2e/preview.spec.mjs drives the page with it.

usage: preview_server_test.py GREENAPPLY_CLI SOURCE_DIR WORK_DIR

A copy of one package kept outside schemas/ (with common/ beside it, as lint wants) is served on a
free port. Checked: its files are read live from that folder (an edit is served at once, with
Cache-Control: no-store), the index lists it under its folder's name, nothing outside the served
folders can be reached with '..'; the event stream sends the current lint result on connecting,
then on every save of a file of the package an event naming the package with lint's problems in
English and Chinese (file, line, column), and a clean result once the file is fixed; started on a
package that does not parse, the index still lists it by name. Exit 0 when all hold.
"""
import http.client
import json
import os
import shutil
import subprocess
import sys

cli, source, work = (os.path.abspath(a) for a in sys.argv[1:4])
NAME = 'preview-pkg'
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
shutil.copytree(os.path.join(source, 'schemas', 'wipo-green-technology'), os.path.join(work, NAME))
shutil.copytree(os.path.join(source, 'schemas', 'common'), os.path.join(work, 'common'))
site = os.path.join(work, 'site')  # the built page is not needed here, only its index.html
os.makedirs(site)
with open(os.path.join(site, 'index.html'), 'w', encoding='utf-8') as f:
    f.write('<!doctype html><title>site</title>\n')
texts = os.path.join(work, NAME, 'i18n', 'en.json')
with open(texts, encoding='utf-8') as f:
    good = f.read()


def start():
    """The server on a free port, and that port (printed once the first lint is done)."""
    proc = subprocess.Popen(
        [sys.executable, os.path.join(source, 'scripts', 'preview-server.py'), '--package', NAME, '--port', '0',
         '--site', site, '--greenapply', cli, '--schemas', os.path.join(source, 'schemas')],
        cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in proc.stdout:
        if '?preview=1' in line:
            check(line.rstrip().endswith(f'#form={NAME}'), f'the address opens the package: {line!r}')
            return proc, int(line.split('127.0.0.1:')[1].split('/')[0])
    sys.exit(f'the server did not start: {proc.stderr.read()}')


def get(path):
    c = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    c.request('GET', path)
    r = c.getresponse()
    return r.status, r.getheader('Cache-Control'), r.read().decode('utf-8', 'replace')


server, port = start()
try:
    status, cache, body = get(f'/schemas/{NAME}/i18n/en.json')
    check(status == 200 and body == good, f'the package file is served from its folder ({status})')
    check(cache == 'no-store', f'Cache-Control: {cache}')
    status, _, body = get('/schemas/index.json')
    check(status == 200 and NAME in [p['path'] for p in json.loads(body)['packages']], 'index.json lists the package')
    status, _, body = get('/schemas/wipo-green-need/form.json')
    check(status == 200 and '"wipo-green-need"' in body, 'other packages come from the repository\'s schemas/')
    for path in [f'/schemas/{NAME}/../../../../etc/passwd', f'/schemas/{NAME}/..%2f..%2f..%2fetc%2fpasswd',
                 '/../../etc/passwd', '/schemas/%2e%2e/%2e%2e/etc/passwd']:
        status, _, body = get(path)
        check(status == 404 and 'root:' not in body, f'{path}: {status}')

    events = http.client.HTTPConnection('127.0.0.1', port, timeout=120)
    events.request('GET', '/__preview/events')
    stream = events.getresponse()
    check(stream.getheader('Content-Type', '').startswith('text/event-stream'), 'an event stream')

    def next_event():
        name, data = None, []
        while True:
            line = stream.fp.readline().decode('utf-8')
            if line == '':
                raise SystemExit('the event stream ended')
            line = line.rstrip('\n')
            if line == '' and data:
                return name, json.loads('\n'.join(data))
            if line.startswith('event: '):
                name = line[7:]
            elif line.startswith('data: '):
                data.append(line[6:])

    name, first = next_event()
    check(name == 'package' and first['changed'] == [], f'first event: {name} {first.get("changed")}')
    check(set(first['lint'][NAME]) == {'en', 'zh'}, 'lint in both languages')

    # A comma lost at the end of a line: lint's JSON error names the file and the next line.
    lines = good.split('\n')
    at = next(i for i, l in enumerate(lines) if '"technology.title.label"' in l)
    lines[at] = lines[at].rstrip().rstrip(',')
    with open(texts, 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines))
    name, broken = next_event()
    check(broken['version'] > first['version'] and broken['changed'] == [NAME], f'changed: {broken["changed"]}')
    for lang in ('en', 'zh'):
        report = broken['lint'][NAME][lang]
        problem = (report['problems'] or [{}])[0]
        check(report['errors'] >= 1, f'{lang}: errors {report["errors"]}')
        check(problem.get('file') == os.path.join(NAME, 'i18n', 'en.json') and problem.get('line') == at + 2
              and problem.get('column', 0) > 0, f'{lang}: {problem}')
    status, _, body = get(f'/schemas/{NAME}/i18n/en.json')
    check(body == '\n'.join(lines), 'the broken file is what is served: nothing stale')

    with open(texts, 'w', encoding='utf-8') as f:
        f.write(good.replace('"Technology title"', '"Technology name"'))
    name, fixed = next_event()
    check(fixed['changed'] == [NAME], 'the fix is an event')
    check(fixed['lint'][NAME]['en']['errors'] == 0, f'fixed: {fixed["lint"][NAME]["en"]}')
    status, _, body = get('/schemas/index.json')
    check(status == 200, 'the index is written again after the fix')
    events.close()
finally:
    server.terminate()
    server.wait(timeout=60)

# Started on a package whose form.json does not parse: it is still listed, by its name, so the
# page opened on it says it cannot open it (beside lint's banner) instead of losing the form.
form = os.path.join(work, NAME, 'form.json')
with open(form, encoding='utf-8') as f:
    text = f.read()
with open(form, 'w', encoding='utf-8') as f:
    f.write(text.replace('{', '{,', 1))
server, port = start()
try:
    status, _, body = get('/schemas/index.json')
    listed = [p for p in json.loads(body)['packages'] if p['path'] == NAME] if status == 200 else []
    check(listed == [{'path': NAME, 'titles': {}, 'form': {'id': NAME}}], f'a broken package is listed by name: {listed}')
finally:
    server.terminate()
    server.wait(timeout=60)

if failures:
    print('\n'.join(failures))
    sys.exit(1)
print('preview server: live files, index, no path out, lint events on save and fix')
