#!/usr/bin/env python3
"""Every shipped package file is valid against the JSON Schema of its kind (schemas/meta/),
checked with `greenapply validate`: the schema an editor uses to complete and flag the file.

usage: package_file_schemas_test.py GREENAPPLY_CLI SOURCE_DIR WORK_DIR

Which file has which schema is scripts/add-schema-refs.py's list (form, layout, rules,
eligibility, rubric, match, texts, examples; the common texts too). data.schema.json files are
JSON Schema 2020-12 documents, checked against that meta-schema by `greenapply lint`, not here.
Controls: a layout with an unknown key and rules with a number for an expression are refused,
so the check cannot pass by checking nothing. Exit 0 when all hold.
"""
import importlib.util
import json
import os
import re
import subprocess
import sys

cli, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
schemas = os.path.join(source, "schemas")
os.makedirs(work, exist_ok=True)
spec = importlib.util.spec_from_file_location("add_schema_refs", os.path.join(source, "scripts", "add-schema-refs.py"))
refs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(refs)
failures = []


def validate(schema, instance):
    return subprocess.run([cli, "validate", "--schema", schema, "--refs", schemas, "--instance", instance,
                           "--output", "basic"], capture_output=True, text=True)


pairs = refs.wanted(schemas)
kinds = {os.path.basename(s) for _, s in pairs}
for expected in ("form", "layout", "rules", "eligibility", "rubric", "match", "texts", "example"):
    if f"{expected}.schema.json" not in kinds:
        failures.append(f"no shipped file is checked against meta/{expected}.schema.json")
for file, schema in pairs:
    r = validate(schema, file)
    if r.returncode != 0:
        failures.append(f"{file} against {schema}: exit {r.returncode}\n{r.stdout[:1500]}{r.stderr}")

# Every shipped file names its schema (scripts/add-schema-refs.py --check).
r = subprocess.run([sys.executable, os.path.join(source, "scripts", "add-schema-refs.py"), schemas, "--check"],
                   capture_output=True, text=True)
if r.returncode != 0:
    failures.append("files without their \"$schema\":\n" + r.stdout[:2000] + r.stderr)

# The editor association (.vscode/settings.json): every file gets exactly its kind's schema.
def glob_regex(pattern):
    out = ""
    i = 0
    while i < len(pattern):
        if pattern.startswith("**", i):
            out += ".*"
            i += 2
        elif pattern[i] == "*":
            out += "[^/]*"
            i += 1
        else:
            out += re.escape(pattern[i])
            i += 1
    return re.compile(out + "$")


with open(os.path.join(source, ".vscode", "settings.json"), encoding="utf-8") as f:
    associations = json.load(f)["json.schemas"]
for file, schema in pairs:
    rel = os.path.relpath(file, source).replace(os.sep, "/")
    urls = set()
    for a in associations:
        positive = [p for p in a["fileMatch"] if not p.startswith("!")]
        negative = [p[1:] for p in a["fileMatch"] if p.startswith("!")]
        if any(glob_regex(p).match(rel) for p in positive) and not any(glob_regex(p).match(rel) for p in negative):
            urls.add(os.path.normpath(os.path.join(source, a["url"])))
    if urls != {os.path.normpath(schema)}:
        failures.append(f".vscode/settings.json gives {rel} the schemas {sorted(urls)}, not {schema}")

# Controls: what an editor must flag while the file is typed.
with open(os.path.join(schemas, "ip-clinic", "layout.json"), encoding="utf-8") as f:
    layout = json.load(f)
layout["sections"][0]["fields"][0]["widgit"] = "text"
bad_layout = os.path.join(work, "layout.json")
with open(bad_layout, "w", encoding="utf-8") as f:
    json.dump(layout, f)
r = validate(os.path.join(schemas, "meta", "layout.schema.json"), bad_layout)
if r.returncode != 1 or "/sections/0/fields/0" not in r.stdout:
    failures.append(f"an unknown key in a layout field was not flagged: exit {r.returncode} {r.stdout[:800]}")
bad_rules = os.path.join(work, "rules.json")
with open(bad_rules, "w", encoding="utf-8") as f:
    json.dump({"computed": [{"id": "x", "expr": 3}]}, f)
r = validate(os.path.join(schemas, "meta", "rules.schema.json"), bad_rules)
if r.returncode != 1:
    failures.append(f"a number where an expression belongs was not flagged: exit {r.returncode}")

for f in failures:
    print("FAIL:", f)
print("package_file_schemas_test:", "FAILED" if failures else f"{len(pairs)} shipped files valid against their schemas")
sys.exit(1 if failures else 0)
