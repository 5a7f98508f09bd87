#!/usr/bin/env python3
"""The live preview for package maintainers (issue #17): serves the built page with the form
packages read live from where they are edited, and tells the page when one changes.

  python3 scripts/preview-server.py [--package DIR]... [--port 8080] [--site build/site]

- Everything under /schemas/ is read from disk on every request (no copy that goes stale): a
  watched package from its own folder (which may be outside schemas/, under its folder's
  name), the other packages and common/ from the repository's schemas/. The index files the
  page lists forms from (index.json, catalogue.json, common/texts.*.json, common/schemas.json)
  are written by scripts/package-index.mjs again whenever a package changes.
- /__preview/events is a Server-Sent Events stream. Every ~300 ms the watched folders' files
  are compared by modification time and size (polling: no inotify dependency, and editors that
  replace a file on save are seen too). On a change the native `greenapply lint --format json`
  runs on the changed package, in English and in Chinese, and an event carries both results;
  a new connection gets the current state at once. The page listens only when opened with
  ?preview=1 (www/js/preview.js).
- Responses say Cache-Control: no-store, so a reload never gets an old file from the cache.

Python's standard library only. Stop it with Ctrl+C.
"""
import argparse
import atexit
import http.server
import json
import os
import posixpath
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVENTS_PATH = '/__preview/events'
LANGS = ('en', 'zh')
KEEPALIVE_SECONDS = 15


def parse_args():
    p = argparse.ArgumentParser(description='Serve the page with form packages live, and lint them on every save.')
    p.add_argument('--package', action='append', default=[], metavar='DIR',
                   help='a package folder to watch (repeatable); default: every package in --schemas')
    p.add_argument('--schemas', default=os.path.join(ROOT, 'schemas'), help='the repository\'s schemas folder')
    p.add_argument('--site', default=os.path.join(ROOT, 'build', 'site'), help='the built site (scripts/build-web.sh)')
    p.add_argument('--greenapply', default=os.path.join(ROOT, 'build', 'native-debug', 'cli', 'greenapply'),
                   help='the native CLI that lints')
    p.add_argument('--port', type=int, default=8080)
    p.add_argument('--bind', default='127.0.0.1')
    p.add_argument('--interval', type=float, default=0.3, help='seconds between two looks at the files')
    return p.parse_args()


def is_package(folder):
    return os.path.isfile(os.path.join(folder, 'form.json'))


def shown_path(folder):
    """A path as lint should print it: relative to the working folder when inside it."""
    rel = os.path.relpath(folder)
    return folder if rel.startswith('..') else rel


class Preview:
    """The watched packages, their last lint results, and the version the page compares."""

    def __init__(self, args):
        self.args = args
        self.schemas = os.path.abspath(args.schemas)
        dirs = args.package or [os.path.join(self.schemas, d) for d in sorted(os.listdir(self.schemas))
                                if is_package(os.path.join(self.schemas, d))]
        self.packages = {}  # name (the folder's name, as the page's #form= names it) -> folder
        for d in dirs:
            folder = os.path.abspath(d)
            if not is_package(folder):
                sys.exit(f'preview: {d}: not a form package folder (no form.json)')
            self.packages[os.path.basename(folder)] = folder
        self.generated = tempfile.mkdtemp(prefix='greenapply-preview-')
        atexit.register(shutil.rmtree, self.generated, ignore_errors=True)
        self.changed = threading.Condition()
        self.version = 0
        self.last_changed = []
        self.index_error = None
        self.lint = {}
        self.snapshot = self.look()
        self.write_index()
        for name in self.packages:
            self.lint[name] = self.run_lint(name)

    # --- what is on disk ------------------------------------------------------------------------
    def watched(self):
        # common/ is read by every form (shared schemas, the engine's texts).
        yield None, os.path.join(self.schemas, 'common')
        yield from self.packages.items()

    def look(self):
        """(mtime, size) of every file under each watched folder, by package name."""
        seen = {}
        for name, folder in self.watched():
            files = {}
            for base, _, names in os.walk(folder):
                for n in names:
                    path = os.path.join(base, n)
                    try:
                        st = os.stat(path)
                    except OSError:
                        continue  # removed between the listing and the look (an editor's save)
                    files[path] = (st.st_mtime_ns, st.st_size)
            seen[name] = files
        return seen

    def write_index(self):
        """The page's index files, with the watched packages listed under their names."""
        out = tempfile.mkdtemp(prefix='index-', dir=self.generated)
        # --keep-going: a package that does not parse is still listed (by name), so the page
        # opened on it says it cannot open it, beside lint's banner, instead of losing the form.
        cmd = ['node', os.path.join(ROOT, 'scripts', 'package-index.mjs'), self.schemas, out, '--keep-going']
        for folder in self.packages.values():
            cmd += ['--package', folder]
        result = subprocess.run(cmd, capture_output=True, text=True)
        if result.returncode != 0:
            # Only if common/ itself is broken: the page keeps the last index; lint says what is wrong.
            shutil.rmtree(out, ignore_errors=True)
            self.index_error = result.stderr.strip().splitlines()[-1:] or ['package-index failed']
            return
        self.index_error = None
        current = os.path.join(self.generated, 'schemas')
        old = os.path.join(self.generated, f'old-{time.monotonic_ns()}')
        if os.path.exists(current):
            os.rename(current, old)
        os.rename(out, current)
        shutil.rmtree(old, ignore_errors=True)

    def run_lint(self, name):
        """lint's JSON result in each language: {lang: {errors, warnings, problems}}."""
        results = {}
        for lang in LANGS:
            cmd = [self.args.greenapply, 'lint', '--format', 'json', '--lang', lang, shown_path(self.packages[name])]
            done = None
            try:
                done = subprocess.run(cmd, capture_output=True, text=True)
                report = json.loads(done.stdout)
                results[lang] = {k: report.get(k) for k in ('errors', 'warnings', 'problems')}
            except (OSError, ValueError) as error:
                # No CLI, or it failed before writing its report: said on the page, not hidden.
                detail = (done.stderr.strip() if done else '') or str(error)
                results[lang] = {'errors': 1, 'warnings': 0, 'problems': [
                    {'severity': 'error', 'file': cmd[0], 'message': detail,
                     'message_key': 'preview.lint_failed', 'pointer': '', 'params': {}}]}
        return results

    def state(self, changed=()):
        return {'version': self.version, 'changed': sorted(changed), 'lint': self.lint}

    # --- the watcher ------------------------------------------------------------------------------
    def watch(self):
        while True:
            time.sleep(self.args.interval)
            now = self.look()
            changed = [name for name in now if now[name] != self.snapshot.get(name)]
            if not changed:
                continue
            self.snapshot = now
            names = list(self.packages) if None in changed else changed
            self.write_index()
            lint = {name: self.run_lint(name) for name in names}
            with self.changed:
                self.lint.update(lint)
                self.version += 1
                self.last_changed = names
                self.changed.notify_all()
            problems = sum(lint[n]['en']['errors'] or 0 for n in names)
            print(f'preview: {", ".join(names)} changed; lint: {problems} error(s)', flush=True)

    def translate(self, url_path):
        """The file an URL path names: /schemas/ live from disk, everything else from the site."""
        path = urllib.parse.unquote(url_path.split('?', 1)[0].split('#', 1)[0], errors='surrogatepass')
        trailing = path.endswith('/')
        # As http.server does: no '..', no '.', no empty part can leave the folder served.
        words = [w for w in posixpath.normpath(path).split('/')
                 if w and w not in (os.curdir, os.pardir) and not os.path.dirname(w)]
        root = self.args.site
        if words[:1] == ['schemas'] and len(words) > 1:
            rest = words[1:]
            generated = os.path.join(self.generated, 'schemas')
            if os.path.isfile(os.path.join(generated, *rest)):
                root, words = generated, rest
            elif rest[0] in self.packages:
                root, words = self.packages[rest[0]], rest[1:]
            else:
                root, words = self.schemas, rest
        full = os.path.join(root, *words)
        return full + '/' if trailing else full


def make_handler(preview):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path):
            return preview.translate(path)

        def end_headers(self):
            self.send_header('Cache-Control', 'no-store')
            super().end_headers()

        def log_message(self, fmt, *args):
            pass  # one line per file would bury the lint lines

        def do_GET(self):
            if self.path.split('?', 1)[0] == EVENTS_PATH:
                self.events()
            else:
                super().do_GET()

        def send_event(self, payload):
            data = json.dumps(payload, ensure_ascii=False)
            self.wfile.write(f'event: package\ndata: {data}\n\n'.encode('utf-8'))
            self.wfile.flush()

        def events(self):
            self.send_response(200)
            self.send_header('Content-Type', 'text/event-stream; charset=utf-8')
            self.end_headers()
            try:
                with preview.changed:
                    sent = preview.version
                    payload = preview.state()
                self.send_event(payload)
                while True:
                    with preview.changed:
                        preview.changed.wait_for(lambda: preview.version != sent, timeout=KEEPALIVE_SECONDS)
                        if preview.version == sent:
                            payload = None
                        else:
                            sent = preview.version
                            payload = preview.state(preview.last_changed)
                    if payload is None:
                        self.wfile.write(b': keep-alive\n\n')  # a comment: finds a closed tab
                        self.wfile.flush()
                    else:
                        self.send_event(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def main():
    args = parse_args()
    if not os.path.isfile(os.path.join(args.site, 'index.html')):
        sys.exit(f'preview: no site in {args.site}: run bash scripts/build-web.sh first')
    preview = Preview(args)
    # SIGTERM (a test ending) exits like Ctrl+C, so the generated index is removed.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    threading.Thread(target=preview.watch, daemon=True).start()
    server = http.server.ThreadingHTTPServer((args.bind, args.port), make_handler(preview))
    server.daemon_threads = True
    first = next(iter(preview.packages))
    print(f'preview: watching {", ".join(shown_path(f) for f in preview.packages.values())}', flush=True)
    print(f'preview: http://{args.bind}:{server.server_port}/?preview=1#form={urllib.parse.quote(first)}', flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == '__main__':
    main()
