#!/usr/bin/env python3
"""The application's e-mail (.eml) as somebody else's MIME parser reads it: Python's `email`.

usage:
  eml_check.py cli GREENAPPLY_CLI SOURCE_DIR WORK_DIR
      `greenapply export --eml` of the Bluetech company worked example with three attached files
      (one with a Chinese name), then `check` of the result; also: a file the answers do not
      record is refused (exit 2), and the same inputs give the same bytes.
  eml_check.py check FILE.eml [ATTACHED_FILE...]
      Checks one message (the browser test calls this on the page's download) and prints a JSON
      summary: headers, the parts, the package's file records each matched to a part whose
      SHA-256 and size are the recorded ones; each ATTACHED_FILE must be one of the parts,
      byte for byte. Exit 0 when all hold, 1 otherwise (the failures on stderr).
Standard library only.
"""
import email
import email.policy
import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, file=sys.stderr)


def records_of(answers):
    """Every file record ({name, size, sha256}) in the answers, by its JSON pointer."""
    out = {}

    def walk(value, pointer):
        if isinstance(value, dict):
            if isinstance(value.get("name"), str) and isinstance(value.get("sha256"), str):
                out[pointer] = value
                return
            for k, v in value.items():
                walk(v, pointer + "/" + k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, pointer + "/" + str(i))

    walk(answers, "")
    return out


def check(path, attached_files):
    raw = open(path, "rb").read()
    if b"\n" in raw.replace(b"\r\n", b""):
        fail("a line ends in a bare LF")
    if any(b >= 0x80 for b in raw):
        fail("the message is not 7-bit ASCII")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    if msg.defects:
        fail("parser defects: %r" % msg.defects)
    summary = {"to": str(msg["To"] or ""), "subject": str(msg["Subject"] or ""), "x_unsent": msg["X-Unsent"],
               "date": str(msg["Date"] or ""), "message_id": str(msg["Message-ID"] or ""),
               "content_type": msg.get_content_type(), "parts": []}
    if summary["content_type"] != "multipart/mixed":
        fail("not multipart/mixed: " + summary["content_type"])
    if msg["X-Unsent"] != "1":
        fail("no X-Unsent: 1")
    if "@" not in summary["to"]:
        fail("no To address")
    if msg["Date"] is None or msg["Date"].datetime is None:
        fail("no Date a parser understands")
    parts = list(msg.iter_parts())
    if not parts or parts[0].get_content_type() != "text/plain" or parts[0].get_content_charset() != "utf-8":
        fail("the first part is not UTF-8 text")
        return summary
    body = parts[0].get_content()
    summary["body"] = body
    by_name = {}
    for p in parts[1:]:
        if p.get_content_disposition() != "attachment":
            fail("a part that is not an attachment: %s" % p.get_content_type())
        payload = p.get_payload(decode=True)
        for part_defect in p.defects:
            fail("defect in %s: %r" % (p.get_filename(), part_defect))
        name = p.get_filename()
        by_name[name] = payload
        summary["parts"].append({"filename": name, "type": p.get_content_type(), "size": len(payload),
                                 "sha256": hashlib.sha256(payload).hexdigest()})
    packages = [n for n in by_name if n and n.endswith(".json")]
    xmls = [n for n in by_name if n and n.endswith(".xml")]
    if len(packages) != 1 or len(xmls) != 1:
        fail("expected one JSON and one XML package, got %r" % list(by_name))
        return summary
    package = json.loads(by_name[packages[0]].decode("utf-8"))
    if package.get("format") != "greenapply-application":
        fail("the JSON part is not an application package")
    ET.fromstring(by_name[xmls[0]])  # raises when the XML part is not XML
    if package.get("answers_sha256") not in body:
        fail("the body does not give the answers' SHA-256")
    summary["records"] = []
    for pointer, record in sorted(records_of(package.get("answers", {})).items()):
        payload = by_name.get(record["name"])
        matched = payload is not None and hashlib.sha256(payload).hexdigest() == record["sha256"] \
            and ("size" not in record or record["size"] == len(payload))
        summary["records"].append({"pointer": pointer, "name": record["name"], "attached": payload is not None,
                                   "digest_matches": matched})
        if payload is not None and not matched:
            fail("%s (%s): the attached bytes are not the recorded ones" % (record["name"], pointer))
    for f in attached_files:
        data = open(f, "rb").read()
        if data not in by_name.values():
            fail("%s is not attached byte for byte" % f)
    return summary


def run_cli(cli, source, work):
    os.makedirs(work, exist_ok=True)
    pkg = os.path.join(source, "schemas", "bluetech-2023-company")
    example = json.load(open(os.path.join(pkg, "examples", "01-worked-example.json"), encoding="utf-8"))
    files = {
        "att_business_plan": ("北京创蓝储能科技有限公司 商业计划书（2023 年版，最终稿）.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"),
        "att_financials": ("financials 2021-2022.xlsx",
                           b"PK\x03\x04" + b"[Content_Types].xml xl/workbook.xml" + bytes(1000)),
        "att_carbon_calc": ("Carbon \"calc\".pdf", b"%PDF-1.4\ncarbon\n"),
    }
    answers = example["answers"]
    paths = []
    for field, (name, data) in files.items():
        path = os.path.join(work, field + os.path.splitext(name)[1])
        open(path, "wb").write(data)
        paths.append(path)
        answers["attachments"][field] = {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    answers_path = os.path.join(work, "answers.json")
    json.dump(answers, open(answers_path, "w", encoding="utf-8"), ensure_ascii=False)
    eml = os.path.join(work, "application.eml")
    base = [cli, "export", "--form", pkg, answers_path, "--now", example["now"], "--lang", "zh"]
    attach = [a for p in paths for a in ("--attach", p)]
    r = subprocess.run(base + ["--eml", eml, "--json", os.path.join(work, "application.json")] + attach,
                       capture_output=True)
    if r.returncode != 0:
        fail("export --eml exited %d: %s" % (r.returncode, r.stderr.decode()))
        return
    summary = check(eml, paths)
    names = [p["filename"] for p in summary["parts"]]
    want = ["application.json", "application.xml", "北京创蓝储能科技有限公司 商业计划书（2023 年版，最终稿）.pdf", "financials 2021-2022.xlsx",
            "Carbon \"calc\".pdf"]
    if names != want:
        fail("parts %r, expected %r" % (names, want))
    attached = {r["name"] for r in summary.get("records", []) if r["attached"] and r["digest_matches"]}
    if attached != {n for n, _ in files.values()}:
        fail("records matched: %r" % attached)
    if summary["to"] != "applications@bluetech-award.example":
        fail("To: %r" % summary["to"])
    if answers["company"]["company_name_en"] not in summary["subject"] or "2023" not in summary["subject"]:
        fail("Subject: %r" % summary["subject"])
    body = summary.get("body", "")
    if body.find("申报单位") < 0 or body.find("Applicant:") < body.find("申报单位"):
        fail("the body is not Chinese first, then English")
    # The JSON part is what export --json wrote.
    wrote = open(os.path.join(work, "application.json"), "rb").read()
    msg = email.message_from_bytes(open(eml, "rb").read(), policy=email.policy.default)
    json_part = [p for p in msg.iter_attachments() if p.get_filename() == "application.json"][0]
    if json_part.get_payload(decode=True) != wrote:
        fail("the JSON part differs from export --json")
    # Same inputs, same bytes.
    again = os.path.join(work, "again", "application.eml")
    os.makedirs(os.path.dirname(again), exist_ok=True)
    subprocess.run(base + ["--eml", again] + attach, check=True)
    if open(again, "rb").read() != open(eml, "rb").read():
        fail("two runs with the same inputs wrote different messages")
    # A file the answers do not record (changed after it was chosen) is refused.
    changed = os.path.join(work, "changed.pdf")
    open(changed, "wb").write(files["att_business_plan"][1] + b"x")
    r = subprocess.run(base + ["--eml", os.path.join(work, "bad.eml"), "--attach", changed], capture_output=True)
    if r.returncode != 2 or b"mail.file_not_recorded" not in r.stderr:
        fail("an unrecorded file: exit %d, %s" % (r.returncode, r.stderr.decode()))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "check":
        summary = check(sys.argv[2], sys.argv[3:])
        summary.pop("body", None)
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    elif len(sys.argv) == 5 and sys.argv[1] == "cli":
        run_cli(*sys.argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
