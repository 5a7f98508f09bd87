#!/usr/bin/env python3
"""`greenapply new-round` writes the next round's package, lint-clean with its worked examples
passing (#17; tests/golden/new_round_test.cpp shows the same change made by hand).

usage: new_round_cli_test.py GREENAPPLY_CLI SOURCE_DIR WORK_DIR

In a copy of schemas/: the 2024 round of bluetech-2023-company (1 March - 30 April 2024, the
issue's example) and rounds that are not the old one a year on (a later, an earlier-in-the-year
and a three-day window, for the company and the team forms); each is linted by `greenapply
lint` (worked examples included) and the moved data is checked. Rolling forms, an existing
target and bad dates are refused with exit 2. Exit 0 when all hold.
"""
import json
import os
import shutil
import subprocess
import sys

cli, source, work = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([cli, *args], cwd=work, capture_output=True, text=True)


def load(*parts):
    with open(os.path.join(work, "schemas", *parts), encoding="utf-8") as f:
        return json.load(f)


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
shutil.copytree(os.path.join(source, "schemas"), os.path.join(work, "schemas"))

r = run("new-round", "schemas/bluetech-2023-company", "--id", "bluetech-2024-company",
        "--opens", "2024-03-01", "--closes", "2024-04-30")
check(r.returncode == 0, f"new-round 2024: exit {r.returncode}\n{r.stdout}{r.stderr}")
lint = run("lint", "schemas/bluetech-2024-company")
check(lint.returncode == 0 and "0 error(s)" in lint.stdout, f"the 2024 package is not lint-clean:\n{lint.stdout}{lint.stderr}")
if r.returncode == 0:
    form = load("bluetech-2024-company", "form.json")
    check(form["id"] == "bluetech-2024-company" and form["version"] == "2.0.0", f"form.json: {form['id']} {form['version']}")
    rnd = load("bluetech-2024-company", "eligibility.json")["round"]
    check(rnd == {"id": "2024", "opens": "2024-03-01T00:00:00+08:00", "closes_before": "2024-05-01T00:00:00+08:00",
                  "deadline": "2024-04-30", "time_zone": "Asia/Shanghai"}, f"round: {rnd}")
    schema = load("bluetech-2024-company", "data.schema.json")
    check("/bluetech-2024-company/" in schema["$id"], f"data schema $id: {schema['$id']}")
    en, zh = load("bluetech-2024-company", "i18n", "en.json"), load("bluetech-2024-company", "i18n", "zh.json")
    check("2024" in en["form.title"] and "2024" in zh["form.title"], f"titles: {en['form.title']} / {zh['form.title']}")
    check("(30 April 2024)" in en["rules.founded_before_deadline"], en["rules.founded_before_deadline"])
    check("2024年4月30日" in zh["rules.founded_before_deadline"], zh["rules.founded_before_deadline"])
    check("(2023, CNY)" in en["market.revenue_last_fy.label"], en["market.revenue_last_fy.label"])
    check("MEE 2022" in en["carbon.emission_factor_source.help"], "a cited fact (help text) was changed")
    check("text left as it was" in r.stdout, "the texts left as they were are not listed for review")
    rules = json.dumps(load("bluetech-2024-company", "rules.json"))
    check("date('2023-01-01')" in rules and "date('2022-01-01')" not in rules, "rules' date literals not moved by a year")
    # Late and in-window moments a year on; before the window, as many days before the opening
    # as before (9 days: 2023 was not a leap year, 2024 is).
    for name, now in (("04-late.json", "2024-04-30T16:00:00Z"), ("01-worked-example.json", "2024-04-15T10:00:00+08:00"),
                      ("05-before-opening.json", "2024-02-21T09:00:00+08:00")):
        new = load("bluetech-2024-company", "examples", name)
        check(new["now"] == now, f"{name}: now {new['now']}, expected {now}")
    late = load("bluetech-2024-company", "examples", "04-late.json")
    check("1 May 2024" in late["title"], f"example title: {late['title']}")

for pkg in ("company", "team"):
    for opens, closes in (("2024-03-15", "2024-05-15"), ("2025-01-10", "2025-02-20"), ("2026-09-01", "2026-09-03")):
        new_id = f"bluetech-{opens}-{pkg}"
        r = run("new-round", f"schemas/bluetech-2023-{pkg}", "--id", new_id, "--opens", opens, "--closes", closes,
                "--version", "3.1.0", "--out", f"schemas/{new_id}")
        check(r.returncode == 0, f"new-round {new_id}: exit {r.returncode}\n{r.stdout}{r.stderr}")
        lint = run("lint", f"schemas/{new_id}")
        check(lint.returncode == 0, f"{new_id} is not lint-clean:\n{lint.stdout}")

for args in (["schemas/ip-clinic", "--id", "x", "--opens", "2024-01-01", "--closes", "2024-02-01"],
             ["schemas/bluetech-2023-company", "--id", "bluetech-2024-company", "--opens", "2024-03-01", "--closes", "2024-04-30"],
             ["schemas/bluetech-2023-company", "--id", "y", "--opens", "2024-02-30", "--closes", "2024-04-30"],
             ["schemas/bluetech-2023-company", "--id", "y", "--opens", "2024-05-01", "--closes", "2024-04-30"],
             ["schemas/bluetech-2023-company", "--id", "Bad Id", "--opens", "2024-03-01", "--closes", "2024-04-30"]):
    r = run("new-round", *args)
    check(r.returncode == 2 and r.stderr.count("\n") == 1, f"new-round {' '.join(args)}: exit {r.returncode} {r.stderr}")
check(not os.path.exists(os.path.join(work, "schemas", "y")), "a refused new-round left a folder behind")

for f in failures:
    print("FAIL:", f)
print("new_round_cli_test:", "FAILED" if failures else "new rounds written, lint-clean, worked examples pass")
sys.exit(1 if failures else 0)
