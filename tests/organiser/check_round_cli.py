#!/usr/bin/env python3
"""`greenapply batch` on a mailbox of a whole round (tests/organiser/make_round_mbox.py):
the ranking, the flags and the superseded list are what each message was made to test, the CSV
reads back with Python's csv module as Excel would (UTF-8 with BOM, CRLF, quoted), and the
report parses with html.parser with nothing that would make a request.

    python3 tests/organiser/check_round_cli.py CLI OUT_DIR

Leaves OUT_DIR/inbox.mbox and OUT_DIR/round.json (the ranking `batch` gives at
NOW = 2023-06-01T10:00:00+08:00) for the organiser's page test, which must show the same.
"""
import csv
import email
import email.policy
import io
import json
import mailbox
import os
import subprocess
import sys
from html.parser import HTMLParser

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PKG = os.path.join(ROOT, "schemas", "bluetech-2023-company")
NOW = "2023-06-01T10:00:00+08:00"
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def flags(row):
    return set(row.get("flags", []))


class Report(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.requests, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "poster", "data") and value:
                self.requests.append((tag, name, value))
            if name == "style" and value and "url(" in value:
                self.requests.append((tag, name, value))

    def handle_data(self, data):
        self.text.append(data)


def main():
    cli, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    subprocess.run([sys.executable, os.path.join(ROOT, "tests", "organiser", "make_round_mbox.py"), cli, out],
                   check=True, capture_output=True)
    with open(os.path.join(out, "intent.json"), encoding="utf-8") as f:
        intent = json.load(f)
    run = subprocess.run([cli, "batch", "--form", PKG, "inbox.mbox", "--now", NOW, "--json", "round.json",
                          "--csv", "round.csv", "--report", "report.html"], cwd=out, capture_output=True)
    check(run.returncode == 0, f"batch exit {run.returncode}: {run.stderr.decode()}")
    with open(os.path.join(out, "round.json"), encoding="utf-8") as f:
        result = json.load(f)
    ranking, superseded = result["ranking"], result["superseded"]
    rows = {r["file"]: r for r in ranking + superseded}
    name = lambda n: f"inbox.mbox#{n}"  # noqa: E731

    # Every message is a row; one ranked row per applicant plus the unreadable message.
    check(len(rows) == len(intent["messages"]), f"{len(rows)} rows for {len(intent['messages'])} messages")
    check(len(ranking) == intent["applicants"] + len(intent["unreadable"]),
          f"{len(ranking)} ranked, expected {intent['applicants']} applicants + {len(intent['unreadable'])} unreadable")
    check(len(superseded) == len(intent["superseded"]), f"{len(superseded)} superseded, expected {len(intent['superseded'])}")
    check([r["rank"] for r in ranking] == list(range(1, len(ranking) + 1)), "ranks are not 1..n")
    order = {"eligible": 0, "eligible_with_warnings": 1, "ineligible": 2, "unreadable": 3}
    keys = [(order[r["verdict"]], -(r.get("total") or -1)) for r in ranking]
    check(keys == sorted(keys), "ranking not ordered by verdict then total")

    for s in intent["superseded"]:
        row = rows.get(name(s["superseded"]), {})
        check(row.get("superseded_by") == name(s["by"]) and "superseded" in flags(row),
              f"message {s['superseded']} should be superseded by {s['by']}: {row.get('superseded_by')}")
        check("rank" not in row, f"superseded message {s['superseded']} is ranked")
    for i in intent["resubmitted"]:
        counted = [r for r in ranking if r.get("applicant") == f"Greentech Applicant {i:02d} Co., Ltd."]
        check(len(counted) == 1 and "resubmitted" in flags(counted[0]), f"applicant {i}: one counted resubmission")
        if counted:
            changed = [c["pointer"] for c in counted[0].get("changes", {}).get("fields", [])]
            check(intent["changed_pointer"] in changed, f"applicant {i}: changes {changed}")
    by_applicant = {m["applicant"]: name(m["index"]) for m in intent["messages"] if m["note"] == "first"}
    for i in intent["late"]:
        check("late" in flags(rows[by_applicant[i]]), f"applicant {i} should be late")
    late_count = sum("late" in flags(r) for r in ranking)
    check(late_count == len(intent["late"]), f"{late_count} ranked rows late, expected {len(intent['late'])}")
    for i in intent["altered"]:
        row = rows[by_applicant[i]]
        check("attachment_altered" in flags(row) and row["attachments"][0]["status"] == "altered", f"applicant {i} altered")
    for i in intent["missing"]:
        row = rows[by_applicant[i]]
        check("attachment_missing" in flags(row) and row["attachments"][0]["status"] == "missing", f"applicant {i} missing")
    verified = sum(1 for r in ranking if r.get("attachments") and all(a["status"] == "verified" for a in r["attachments"]))
    check(verified == intent["applicants"] - len(intent["altered"]) - len(intent["missing"]),
          f"{verified} ranked rows with every attachment verified")
    for n in intent["unreadable"]:
        row = rows[name(n)]
        check(row["verdict"] == "unreadable" and row.get("problem_key", "").startswith("mail.") and row.get("problem"),
              f"message {n} should be unreadable with a mail problem: {row}")
    gb = rows[name(intent["charset_problem"])]
    check(gb["verdict"] != "unreadable" and "mail.charset_unsupported" in gb.get("mail_problems", []),
          f"KOI8-R word: readable with a charset problem: {gb.get('mail_problems')}")
    check(gb.get("source", {}).get("part") == "申请-53.json", f"GBK file name read as {gb.get('source')}")
    for m in intent["messages"]:
        row = rows[name(m["index"])]
        if m["applicant"] and m["applicant"] <= 52:
            check(row.get("source", {}).get("part") == f"申请-{m['applicant']:02d}.json",
                  f"message {m['index']}: Chinese file name read as {row.get('source')}")
            check(row.get("received_at_from") == "email_date", f"message {m['index']}: time from the Date header")

    # Without output files, stdout is the ranking, as before.
    plain = subprocess.run([cli, "batch", "--form", PKG, "inbox.mbox", "--now", NOW], cwd=out, capture_output=True)
    check(json.loads(plain.stdout) == ranking, "stdout ranking differs from --json's")

    # Threads change nothing: the mailbox, and a folder of the packages it carries (read in
    # parallel, a broken one among them), give the same bytes on one thread and on four.
    folder = os.path.join(out, "packages")
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(out, "inbox.mbox"), "rb") as f:
        box = mailbox.mbox(f.name, factory=lambda m: email.message_from_binary_file(m, policy=email.policy.default))
        written = 0
        for k, msg in enumerate(box):
            for part in msg.iter_attachments():
                name = part.get_filename() or ""
                if name.endswith((".json", ".xml")):
                    with open(os.path.join(folder, f"{k:02d}-{written:03d}{name[-5:] if name.endswith('.json') else '.xml'}"), "wb") as g:
                        g.write(part.get_payload(decode=True))
                    written += 1
    with open(os.path.join(folder, "zz-broken.json"), "w", encoding="utf-8") as g:
        g.write('{"answers": ')
    check(written > 50, f"only {written} packages taken out of the mailbox")
    for source in ("inbox.mbox", "packages"):
        outputs = []
        for jobs in ("1", "4"):
            done = subprocess.run([cli, "batch", "--form", PKG, source, "--now", NOW, "--jobs", jobs,
                                   "--json", f"jobs{jobs}.json", "--csv", f"jobs{jobs}.csv"], cwd=out, capture_output=True)
            check(done.returncode == 0, f"batch --jobs {jobs} {source}: exit {done.returncode} {done.stderr.decode()}")
            outputs.append([open(os.path.join(out, f"jobs{jobs}.{ext}"), "rb").read() for ext in ("json", "csv")])
        check(outputs[0] == outputs[1], f"{source}: --jobs 4 gives other outputs than --jobs 1")
        if source == "packages":
            parallel = json.loads(outputs[1][0])
            check(len(parallel["ranking"]) + len(parallel["superseded"]) == written + 1, "a package went missing")
            check(any(r.get("problem_key") == "json.syntax" for r in parallel["ranking"]), "the broken package is not a row")
    bad_jobs = subprocess.run([cli, "batch", "--form", PKG, "inbox.mbox", "--jobs", "0"], cwd=out, capture_output=True)
    check(bad_jobs.returncode == 2 and b"--jobs" in bad_jobs.stderr, "--jobs 0 must be refused with exit 2")

    # CSV as Excel reads it.
    with open(os.path.join(out, "round.csv"), "rb") as f:
        raw = f.read()
    check(raw.startswith(b"\xef\xbb\xbf"), "CSV has no UTF-8 byte order mark")
    check(raw.count(b"\r\n") == raw.count(b"\n"), "CSV lines must end in CRLF")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = table[0]
    old = ["rank", "file", "applicant", "form", "version", "verdict", "window", "reasons", "errors"]
    check(header[:9] == old, f"CSV header changed: {header[:9]}")
    check(header[9:9 + len(result["dimensions"])] == result["dimensions"], "CSV dimension columns")
    check(len(table) == 1 + len(ranking) + len(superseded), f"CSV has {len(table) - 1} rows")
    col = {h: k for k, h in enumerate(header)}
    for line, r in zip(table[1:], ranking + superseded):
        check(line[col["file"]] == r["file"] and line[col["applicant"]] == (r.get("applicant") or "")
              and line[col["total"]] == ("" if r.get("total") is None else json.dumps(r["total"])),
              f"CSV row {line[:3]} differs from {r['file']}")
    check(all(l.startswith(b'"') for l in raw[3:].split(b"\r\n")[1:-1]), "CSV cells must be quoted")
    check("superseded_by" in header and "received_at" in header, "CSV lacks the round's columns")

    # The report: one file, nothing fetched, applicant text escaped.
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        page = f.read()
    p = Report()
    p.feed(page)
    check(not p.requests, f"report requests something: {p.requests[:3]}")
    check("script" not in p.tags and "iframe" not in p.tags and "link" not in p.tags, "report has script/iframe/link")
    check(p.tags.count("svg") >= 3 + len(result["dimensions"]), f"{p.tags.count('svg')} charts")
    text = "".join(p.text)
    check("<script>alert('x')</script> & Sons Co., Ltd." in text, "applicant 12's name is not shown as text")
    check("Content-Security-Policy" in page and "default-src 'none'" in page, "report has no CSP")
    check('lang="zh"' in page and "排名" in page and "Ranking" in page, "report is not in both languages")

    for f in failures:
        print("FAIL:", f)
    print(f"round: {len(rows)} messages, {len(ranking)} ranked, {len(superseded)} superseded; "
          f"{'ok' if not failures else str(len(failures)) + ' failure(s)'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
