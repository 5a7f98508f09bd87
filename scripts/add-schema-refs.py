#!/usr/bin/env python3
"""Names each shipped package file's JSON Schema with a "$schema" key, so that editors
(VS Code, JetBrains) complete and check the file while it is typed.

usage: python3 scripts/add-schema-refs.py [SCHEMAS_DIR] [--check]

For every package folder under SCHEMAS_DIR (default schemas/; a folder with a form.json) the
manifest's files get the schema of their kind, as a path relative to the file:
  form.json -> meta/form.schema.json, layout -> meta/layout.schema.json, rules, eligibility,
  rubric, match -> meta/<kind>.schema.json, i18n/<lang>.json -> meta/texts.schema.json,
  examples/*.json -> meta/example.schema.json;
and schemas/common/i18n/*.json get meta/common-texts.schema.json (their keys may hold '/'). data.schema.json is left alone: its
"$schema" is already its dialect (JSON Schema 2020-12), which is what an editor needs.

The key is inserted as the file's first member, in the file's own indentation; nothing else in
the file changes, so the script can be run again after merges (idempotent: a file that already
names the right schema is untouched; a wrong "$schema" value is corrected in place).
--check changes nothing and exits 1 when some file lacks its "$schema" (for CI).
"""
import json
import os
import re
import sys

KINDS = {"layout": "layout", "rules": "rules", "eligibility": "eligibility", "rubric": "rubric", "match": "match"}


def wanted(schemas_dir):
    """(file, schema file) for every shipped file that should name a schema."""
    out = []
    meta = os.path.join(schemas_dir, "meta")
    for name in sorted(os.listdir(schemas_dir)):
        pkg = os.path.join(schemas_dir, name)
        manifest = os.path.join(pkg, "form.json")
        if not os.path.isfile(manifest):
            continue
        with open(manifest, encoding="utf-8") as f:
            files = json.load(f).get("files", {})
        out.append((manifest, os.path.join(meta, "form.schema.json")))
        for part, kind in KINDS.items():
            if isinstance(files.get(part), str):
                out.append((os.path.join(pkg, files[part]), os.path.join(meta, kind + ".schema.json")))
        for file in (files.get("i18n") or {}).values():
            out.append((os.path.join(pkg, file), os.path.join(meta, "texts.schema.json")))
        for file in files.get("examples") or []:
            out.append((os.path.join(pkg, file), os.path.join(meta, "example.schema.json")))
    common = os.path.join(schemas_dir, "common", "i18n")
    if os.path.isdir(common):
        for name in sorted(os.listdir(common)):
            if name.endswith(".json"):
                out.append((os.path.join(common, name), os.path.join(meta, "common-texts.schema.json")))
    return out


def reference(file, schema):
    return os.path.relpath(schema, os.path.dirname(file)).replace(os.sep, "/")


EXISTING = re.compile(r'^(\{\s*"\$schema"\s*:\s*)("(?:[^"\\]|\\.)*")')


def with_schema(text, ref):
    """The text with "$schema": ref as its first member (None when it already is)."""
    m = EXISTING.match(text)
    if m:
        if json.loads(m.group(2)) == ref:
            return None
        return text[: m.start(2)] + json.dumps(ref) + text[m.end(2):]
    if not text.startswith("{"):
        raise ValueError("does not start with '{'")
    rest = text[1:]
    body = rest.lstrip(" \t\r\n")
    if body.startswith("}"):
        return "{" + '"$schema": ' + json.dumps(ref) + rest
    # Keep the file's layout: the first member's own line break and indentation.
    gap = rest[: len(rest) - len(body)]
    return "{" + gap + '"$schema": ' + json.dumps(ref) + "," + gap + body


def main(argv):
    check = "--check" in argv
    args = [a for a in argv if a != "--check"]
    schemas_dir = args[0] if args else "schemas"
    missing, changed = [], []
    for file, schema in wanted(schemas_dir):
        if not os.path.isfile(schema):
            raise SystemExit(f"{schema}: no such schema")
        with open(file, encoding="utf-8", newline="") as f:
            text = f.read()
        new = with_schema(text, reference(file, schema))
        if new is None:
            continue
        json.loads(new)  # never write a file that is not JSON
        if check:
            missing.append(file)
        else:
            with open(file, "w", encoding="utf-8", newline="") as f:
                f.write(new)
            changed.append(file)
    for f in missing:
        print(f"{f}: no \"$schema\" naming its schema (run scripts/add-schema-refs.py)")
    if changed:
        print(f"add-schema-refs: {len(changed)} file(s) now name their schema")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
