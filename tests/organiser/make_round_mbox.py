#!/usr/bin/env python3
"""Builds a mailbox of a Bluetech company round, as an organiser's mail program exports it.

    python3 tests/organiser/make_round_mbox.py CLI OUT_DIR

writes OUT_DIR/inbox.mbox (mboxrd, the e-mails as the applicant's page and ordinary mail
programs send them) and OUT_DIR/intent.json (what each message is meant to test, for the
checks). Packages are made by the real engine (`CLI export`), so their self-assessment and
digests are what an applicant's page would have sent.

The round (Bluetech 2023, window 1 March - 30 April 2023, Beijing time):
  * 52 applicants from the worked examples (eligible strong/typical/weak, foreign, ineligible),
    each its own company name and a valid USCC (GB 32100-2015 check character);
  * Chinese subjects and file names (RFC 2047 / RFC 2231 as Python's email package writes them);
  * resubmissions: applicants 1-5 send again later in the window with a changed answer,
    applicant 6 three times, applicant 7 sends again after the deadline (the in-window one counts);
  * late: applicants 8 and 9 send only after the deadline;
  * attachments: every application records its business plan's SHA-256; applicant 10 sends an
    altered plan, applicant 11 forgets it; some messages also carry the XML package;
  * applicant 12's name is HTML ("<script>…"), which the report must escape;
  * a malformed message (truncated, no package) and a message as a Chinese mail program writes
    it: a GB2312 subject and a GBK file name (read), plus a KOI8-R word (a charset problem).
Only the standard library; deterministic (no clock, no randomness).
"""
import urllib.parse
import copy
import email.policy
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from email.message import EmailMessage

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PKG = os.path.join(ROOT, "schemas", "bluetech-2023-company")
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(n):
    """A valid Unified Social Credit Code numbered n."""
    body = "91110108MA" + "".join(USCC_CHARS[(n // 31 ** k) % 31] for k in range(6, -1, -1))
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    return body + USCC_CHARS[(31 - total % 31) % 31]


def example(name):
    with open(os.path.join(PKG, "examples", name), encoding="utf-8") as f:
        return json.load(f)["answers"]


BASES = ["01-worked-example.json", "02-strong.json", "03-weak.json", "09-foreign-other-track.json",
         "06-invalid-uscc.json"]


def plan_bytes(i, version=0):
    return b"%PDF-1.4\n% business plan of applicant " + str(i).encode() + b" v" + str(version).encode() + b"\n%%EOF\n"


def answers_for(i):
    a = copy.deepcopy(example(BASES[i % len(BASES)]))
    company = a.setdefault("company", {})
    company["company_name_en"] = f"Greentech Applicant {i:02d} Co., Ltd."
    company["company_name_zh"] = f"绿色科技申请人{i:02d}有限公司"
    if i == 12:
        company["company_name_en"] = "<script>alert('x')</script> & Sons Co., Ltd."
    if company.get("uscc") and BASES[i % len(BASES)] != "06-invalid-uscc.json":
        company["uscc"] = uscc(1000 + i)
    plan = plan_bytes(i)
    a.setdefault("attachments", {})["att_business_plan"] = {
        "name": "商业计划书.pdf", "size": len(plan), "sha256": hashlib.sha256(plan).hexdigest()}
    return a


def export(cli, answers, now, work, xml=False):
    src = os.path.join(work, "answers.json")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(answers, f, ensure_ascii=False)
    out_json, out_xml = os.path.join(work, "p.json"), os.path.join(work, "p.xml")
    args = [cli, "export", "--form", PKG, src, "--now", now, "--json", out_json]
    if xml:
        args += ["--xml", out_xml]
    subprocess.run(args, check=True, capture_output=True)
    with open(out_json, "rb") as f:
        package = f.read()
    xml_bytes = None
    if xml:
        with open(out_xml, "rb") as f:
            xml_bytes = f.read()
    return package, xml_bytes


def message(i, date, subject, parts):
    m = EmailMessage(policy=email.policy.SMTP)
    m["From"] = f"申请人 {i:02d} <applicant{i:02d}@example.com>"
    m["To"] = "applications@bluetech-award.example"
    m["Subject"] = subject
    m["Date"] = date
    m["Message-ID"] = f"<app{i:02d}-{hashlib.sha256(date.encode()).hexdigest()[:8]}@example.com>"
    m.set_content(f"申请人 {i:02d} 的申请。\nApplication of applicant {i:02d}.\nFrom the start of a line: ok\n")
    for name, maintype, subtype, data in parts:
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(m)


def mboxrd(messages):
    """mboxrd: a From_ line before each message, body lines ">*From " quoted with one more ">"."""
    out = []
    for raw in messages:
        out.append(b"From applicant@example.com Sat Apr 01 00:00:00 2023\n")
        text = raw.replace(b"\r\n", b"\n")
        lines = text.split(b"\n")
        if text.endswith(b"\n"):
            lines = lines[:-1]
        for line in lines:
            stripped = line.lstrip(b">")
            if stripped.startswith(b"From "):
                line = b">" + line
            out.append(line + b"\n")
        out.append(b"\n")
    return b"".join(out)


def main():
    cli, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    messages, intent = [], {"applicants": 52, "messages": [], "superseded": [], "late": [], "altered": [],
                            "missing": [], "unreadable": [], "changed_pointer": "/market/target_customers",
                            "resubmitted": [], "html_name": 12, "charset_problem": None}
    with tempfile.TemporaryDirectory() as work:
        def add(i, date, parts, subject=None, note=""):
            messages.append(message(i, date, subject or f"Bluetech 2023 申请 — applicant {i:02d}", parts))
            n = len(messages)  # 1-based index in the mailbox
            intent["messages"].append({"index": n, "applicant": i, "note": note})
            return n

        def application(i, date, now, answers=None, plan=None, xml=False, with_plan=True, note=""):
            a = answers if answers is not None else answers_for(i)
            package, xml_bytes = export(cli, a, now, work, xml=xml)
            parts = [(f"申请-{i:02d}.json", "application", "json", package)]
            if xml_bytes:
                parts.append((f"申请-{i:02d}.xml", "application", "xml", xml_bytes))
            if with_plan:
                parts.append(("商业计划书.pdf", "application", "pdf", plan if plan is not None else plan_bytes(i)))
            return add(i, date, parts, note=note)

        first = {}
        for i in range(1, 53):
            day = 1 + i % 28
            date = f"{['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i % 7]}, {day:02d} Apr 2023 10:{i % 60:02d}:00 +0800"
            now = f"2023-04-{day:02d}T10:{i % 60:02d}:00+08:00"
            if i in (8, 9):  # late only
                date = f"Mon, 01 May 2023 0{i - 7}:00:00 +0800"
                now = f"2023-05-01T0{i - 7}:00:00+08:00"
                intent["late"].append(i)
            kwargs = {}
            if i == 10:
                kwargs["plan"] = plan_bytes(10, version=9)  # same name, other bytes
                intent["altered"].append(i)
            if i == 11:
                kwargs["with_plan"] = False
                intent["missing"].append(i)
            first[i] = application(i, date, now, xml=(i % 4 == 0), note="first", **kwargs)
        # Resubmissions inside the window: a changed answer, later the same day.
        for i in (1, 2, 3, 4, 5, 6):
            a = answers_for(i)
            a.setdefault("market", {})["target_customers"] = f"Revised target customers of applicant {i:02d}: utilities."
            day = 1 + i % 28
            n = application(i, f"Sat, {day:02d} Apr 2023 18:00:00 +0800", f"2023-04-{day:02d}T18:00:00+08:00",
                            answers=a, note="resubmission")
            intent["superseded"].append({"superseded": first[i], "by": n, "applicant": i})
            intent["resubmitted"].append(i)
            if i == 6:  # a third time
                a["market"]["target_customers"] = "Third version: wind and solar plant owners, utilities and industrial parks in North China."
                n3 = application(i, f"Sun, {day + 1:02d} Apr 2023 09:00:00 +0800",
                                 f"2023-04-{day + 1:02d}T09:00:00+08:00", answers=a, note="third")
                intent["superseded"][-1]["by"] = n3
                intent["superseded"].append({"superseded": n, "by": n3, "applicant": i})
        # Applicant 7 sends again after the deadline: the in-window one counts.
        a = answers_for(7)
        a.setdefault("market", {})["target_customers"] = "A change sent too late: wind and solar plant owners and utilities in all of China."
        late7 = application(7, "Tue, 02 May 2023 09:00:00 +0800", "2023-05-02T09:00:00+08:00", answers=a,
                            note="late resubmission")
        intent["superseded"].append({"superseded": late7, "by": first[7], "applicant": 7})
        # A malformed message: cut off in the middle of its package.
        raw = message(60, "Tue, 18 Apr 2023 10:00:00 +0800", "broken",
                      [("申请-60.json", "application", "json", b"{" + b"\"x\": 1, " * 3000 + b"\"y\": 2}")])
        messages.append(raw[: len(raw) // 2])
        intent["messages"].append({"index": len(messages), "applicant": None, "note": "truncated"})
        intent["unreadable"].append(len(messages))
        # An e-mail as a Chinese mail program writes it: a GB2312-encoded subject and the package's
        # file name in GBK (RFC 2231), both read; one word of the subject in KOI8-R, which the
        # reader does not know, is reported as a charset problem and the package is still read.
        package, _ = export(cli, answers_for(53), "2023-04-20T10:00:00+08:00", work)
        m = EmailMessage()
        m["From"] = "applicant53@example.com"
        m["To"] = "applications@bluetech-award.example"
        m["Date"] = "Thu, 20 Apr 2023 10:00:00 +0800"
        m["Subject"] = "SUBJECT-PLACEHOLDER"
        m.set_content("GB2312 subject")
        m.add_attachment(package, maintype="application", subtype="json", filename="GBK-PLACEHOLDER.json")
        m.add_attachment(plan_bytes(53), maintype="application", subtype="pdf", filename="plan.pdf")
        # (Both set as bytes: Python's email package would re-encode them as UTF-8.)
        raw = bytes(m).replace(b"SUBJECT-PLACEHOLDER", b"=?GB2312?B?yerH6w==?= =?KOI8-R?B?8NLJ18XU?=")
        gbk_name = "申请-53.json".encode("gbk")
        raw = raw.replace(b'filename="GBK-PLACEHOLDER.json"', b"filename*=GBK''" + urllib.parse.quote_from_bytes(gbk_name).encode())
        if b"GBK-PLACEHOLDER" in raw:
            raise SystemExit("make_round_mbox: the GBK file name was not placed")
        messages.append(raw)
        intent["messages"].append({"index": len(messages), "applicant": 53, "note": "gb2312 subject"})
        intent["charset_problem"] = len(messages)
        intent["applicants"] = 53
    with open(os.path.join(out_dir, "inbox.mbox"), "wb") as f:
        f.write(mboxrd(messages))
    with open(os.path.join(out_dir, "intent.json"), "w", encoding="utf-8") as f:
        json.dump(intent, f, ensure_ascii=False, indent=2)
    print(f"{len(messages)} messages, {intent['applicants']} applicants -> {out_dir}/inbox.mbox")


if __name__ == "__main__":
    main()
