#!/usr/bin/env python3
"""`greenapply lint --format sarif` writes a log that is valid SARIF 2.1.0.

usage: sarif_schema_test.py GREENAPPLY_CLI SOURCE_DIR WORK_DIR

A test repository (a copy of one shipped package with an expression broken, plus the
common folder) is linted; the log is validated with `greenapply validate` against the
SARIF 2.1.0 schema kept beside this script. A log made invalid on purpose must fail, so the
check cannot pass by checking nothing. Exit 0 when all hold.
"""
import json
import os
import shutil
import subprocess
import sys

cli, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []
here = os.path.dirname(os.path.abspath(__file__))
shutil.rmtree(work, ignore_errors=True)
repo = os.path.join(work, "forms")
os.makedirs(repo)
schemas = os.path.join(source, "schemas")
shutil.copytree(os.path.join(schemas, "bluetech-2023-company"), os.path.join(repo, "broken"))
shutil.copytree(os.path.join(schemas, "common"), os.path.join(repo, "common"))
shutil.copy(os.path.join(schemas, "form-package.schema.json"), repo)
rules_path = os.path.join(repo, "broken", "rules.json")
with open(rules_path, encoding="utf-8") as f:
    rules = json.load(f)
rules["computed"][0]["expr"] = "1 +"
with open(rules_path, "w", encoding="utf-8") as f:
    json.dump(rules, f, indent=2, ensure_ascii=False)

log_path = os.path.join(work, "lint.sarif")
for lang in ("en", "zh"):
    r = subprocess.run([cli, "lint", "--format", "sarif", "--lang", lang, "--output", log_path, repo],
                       capture_output=True, text=True)
    if r.returncode != 1:
        failures.append(f"lint --lang {lang} exit {r.returncode} (expected 1): {r.stderr}")

    # The schema as draft-07: drop the draft-04 "$schema" and rename the root "id".
    with open(os.path.join(here, "sarif-2.1.0-rtm.5.json"), encoding="utf-8") as f:
        schema = json.load(f)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"
    schema["$id"] = schema.pop("id")
    # The published "language" pattern has a lone "]" (a typo for "(-...)?"): legal in old
    # non-Unicode JavaScript regexes, a syntax error in the Unicode-mode ECMA-262 regexes JSON
    # Schema validators compile (ajv refuses it too). Escape it so the pattern means what it says.
    text = json.dumps(schema).replace("[a-zA-Z]{2}]?$", "[a-zA-Z]{2}\\\\]?$")
    if text.count("[a-zA-Z]{2}\\\\]?$") != 2:
        failures.append("the SARIF schema's language pattern is not the one this test repairs")
    schema = json.loads(text)
    schema_path = os.path.join(work, "sarif-2.1.0.draft-07.json")
    with open(schema_path, "w", encoding="utf-8") as f:
        json.dump(schema, f)

    def validate(instance_path):
        return subprocess.run([cli, "validate", "--schema", schema_path, "--instance", instance_path,
                               "--output", "basic"], capture_output=True, text=True)

    r = validate(log_path)
    if r.returncode != 0:
        failures.append(f"--lang {lang}: the SARIF log does not validate: {r.stdout[:2000]} {r.stderr}")
    with open(log_path, encoding="utf-8") as f:
        log = json.load(f)
    results = log["runs"][0]["results"]
    if not any(res["ruleId"] == "expr.syntax" or "rules.json" in res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
               for res in results):
        failures.append(f"--lang {lang}: no result for the broken rules.json: {json.dumps(results)[:2000]}")
    # The control: a level SARIF does not have must be refused.
    log["runs"][0]["results"][0]["level"] = "fatal"
    bad_path = os.path.join(work, "bad.sarif")
    with open(bad_path, "w", encoding="utf-8") as f:
        json.dump(log, f)
    if validate(bad_path).returncode != 1:
        failures.append("a SARIF log with level 'fatal' was accepted: the check checks nothing")

for f in failures:
    print("FAIL:", f)
print("sarif_schema_test:", "FAILED" if failures else "the SARIF logs (en, zh) validate against SARIF 2.1.0")
sys.exit(1 if failures else 0)
