#!/usr/bin/env python3
"""The lint-forms action and reusable workflow (.github/), tried outside GitHub.

usage: lint_forms_action_test.py GREENAPPLY_CLI SOURCE_DIR WORK_DIR

- the action's lint step (lint-forms.sh) run from a programme repository's root, as the runner
  runs it: clean packages exit 0 with warnings as ::warning; a broken package exits 1 with
  ::error annotations naming files relative to the repository root, and writes the SARIF log
  and the step output;
- the YAML: the reusable workflow is `on: workflow_call` with inputs path and lang and uses the
  action; the project's own CI calls the reusable workflow (skipped when PyYAML is absent).
Exit 0 when all hold.
"""
import json
import os
import shutil
import subprocess
import sys

cli, source, work = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
script = os.path.join(source, ".github", "actions", "lint-forms", "lint-forms.sh")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


shutil.rmtree(work, ignore_errors=True)
repo = os.path.join(work, "programme-repo")
forms = os.path.join(repo, "forms")
os.makedirs(forms)
schemas = os.path.join(source, "schemas")
shutil.copytree(os.path.join(schemas, "ip-clinic"), os.path.join(forms, "ip-clinic"))
shutil.copytree(os.path.join(schemas, "common"), os.path.join(forms, "common"))
shutil.copy(os.path.join(schemas, "form-package.schema.json"), forms)


def lint(sarif=""):
    out_file = os.path.join(work, "github_output")
    open(out_file, "w").close()
    env = dict(os.environ, GREENAPPLY=cli, LINT_PATH="forms", LINT_LANG="en", LINT_SARIF=sarif,
               GITHUB_OUTPUT=out_file)
    r = subprocess.run(["bash", script], cwd=repo, env=env, capture_output=True, text=True)
    return r, open(out_file).read()


r, _ = lint()
check(r.returncode == 0, f"clean packages: exit {r.returncode}\n{r.stdout}{r.stderr}")
check("::error" not in r.stdout, f"clean packages gave errors:\n{r.stdout}")
check("::warning file=forms/ip-clinic/form.json,line=" in r.stdout,
      f"the shipped placeholder address is not a warning annotation:\n{r.stdout}")

eligibility = os.path.join(forms, "ip-clinic", "eligibility.json")
with open(eligibility, encoding="utf-8") as f:
    e = json.load(f)
e["checks"][0]["assert"] = "answers.nope +"
with open(eligibility, "w", encoding="utf-8") as f:
    json.dump(e, f, indent=2, ensure_ascii=False)
r, outputs = lint(sarif="lint.sarif")
check(r.returncode == 1, f"broken package: exit {r.returncode}\n{r.stdout}{r.stderr}")
check("::error file=forms/ip-clinic/eligibility.json,line=" in r.stdout,
      f"no error annotation on eligibility.json:\n{r.stdout}")
check(os.path.exists(os.path.join(repo, "lint.sarif")), "no SARIF log written")
check("sarif=lint.sarif" in outputs, f"step output: {outputs!r}")

try:
    import yaml
except ImportError:
    yaml = None
    print("PyYAML absent: the workflow files' structure is not checked")
if yaml:
    gh = os.path.join(source, ".github")
    wf = yaml.safe_load(open(os.path.join(gh, "workflows", "lint-forms.yml")))
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads the key `on` as true
    inputs = on["workflow_call"]["inputs"]
    check("path" in inputs and "lang" in inputs, f"workflow_call inputs: {list(inputs)}")
    steps = wf["jobs"]["lint"]["steps"]
    check(any(str(s.get("uses", "")).endswith(".github/actions/lint-forms") for s in steps),
          "the reusable workflow does not use the action")
    action = yaml.safe_load(open(os.path.join(gh, "actions", "lint-forms", "action.yml")))
    check(any("lint-forms.sh" in s.get("run", "") for s in action["runs"]["steps"]),
          "the action does not run lint-forms.sh")
    ci = yaml.safe_load(open(os.path.join(gh, "workflows", "ci.yml")))
    check(any(j.get("uses") == "./.github/workflows/lint-forms.yml" for j in ci["jobs"].values()),
          "ci.yml does not call the reusable workflow")

for f in failures:
    print("FAIL:", f)
print("lint_forms_action_test:", "FAILED" if failures else "the action's lint step and the workflows hold")
sys.exit(1 if failures else 0)
