#!/usr/bin/env python3
"""Exported XML packages pass standard XML tools, not only greenapply's own reader.

usage: xml_standard_tools.py GREENAPPLY_CLI SOURCE_DIR [WORK_DIR]

For every worked example of every form package (schemas/*/examples/*.json), in English and
Chinese, `greenapply export` writes the package as XML and as JSON; then
  - the XML has exactly one XML declaration, and it starts the document;
  - Python's two standard parsers (xml.dom.minidom, xml.etree) read it;
  - a decoder written here from docs/xml.md alone turns the XML into the same value as the
    JSON export (so the typed encoding is what the documentation says, read by expat);
  - `xmllint --noout --schema docs/application-package.xsd` validates every file.
It does the same for a package of awkward strings (Chinese, emoji, <, &, ]]>, control
characters, U+FFFE, CR, white space only) exported by the CLI. Exit 0 when all hold.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom
import xml.etree.ElementTree as ET

NS = "{urn:greenapply:application:1}"
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
failures = []


def fail(what):
    failures.append(what)
    print("FAIL: " + what, file=sys.stderr)


def decode(el):
    """One value element to its JSON value, as docs/xml.md describes the encoding."""
    tag = el.tag[len(NS):] if el.tag.startswith(NS) else "?" + el.tag
    text = el.text or ""
    if tag == "object":
        out = {}
        for child in el:
            name = child.get("name")
            if child.get("name-encoding") == "json":
                name = json.loads(name)
            if name is None or name in out:
                raise ValueError("member without a name or named twice: %r" % name)
            out[name] = decode(child)
        return out
    if tag == "array":
        return [decode(child) for child in el]
    if tag == "string":
        return json.loads(text) if el.get("encoding") == "json" else text
    if tag == "number":
        return json.loads(text)
    if tag == "boolean":
        return {"true": True, "false": False}[text]
    if tag == "null":
        return None
    raise ValueError("unknown element " + el.tag)


def check_xml(path, expected):
    """Declaration, both standard parsers, and the decoded value against `expected`."""
    data = open(path, "rb").read()
    text = data.decode("utf-8")
    if not text.startswith(DECLARATION) or text.count("<?xml") != 1:
        fail("%s: expected exactly one XML declaration, at the start; it begins %r" % (path, text[:90]))
    try:
        xml.dom.minidom.parseString(data)
        root = ET.fromstring(data)
    except Exception as e:  # expat's ExpatError / ParseError: not well-formed
        fail("%s: not well-formed for Python's parser: %s" % (path, e))
        return
    if root.tag != NS + "application" or root.get("format-version") != "1" or len(root) != 1:
        fail("%s: not an <application format-version=\"1\"> with one value" % path)
        return
    try:
        value = decode(root[0])
    except Exception as e:
        fail("%s: Python's decoding failed: %s" % (path, e))
        return
    if value != expected:
        fail("%s: decoded with Python, the value differs from the JSON package" % path)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        fail("%s exited %d: %s" % (" ".join(cmd), r.returncode, r.stderr.strip()))
    return r.returncode == 0


# Strings an applicant may type or paste, and what XML 1.0 cannot carry as text.
AWKWARD = [
    "高效液流储能系统（第二代）：成本降低３０％。", "emoji 😀🌱 and 𝄞", "a < b && c > d", "]]>", "x]]>y<![CDATA[z]]>",
    "<!-- not a comment -->", "<?pi not a pi?>", "&amp; &#0; &lt;", "\"quotes\" and 'apostrophes'",
    "\u0001 start of heading", "nul\u0000inside", "bell\u0007 esc\u001b del\u007f", "\u0080\u009f C1 controls",
    "line\r\nbreak", "cr\ronly", "tab\there", "   ", "\n", "", " lead and trail ",
    "\ufffe and \uffff", "\ufffd replacement", "\U0010ffff last", "\ud7ff\ue000",
]


def awkward_package():
    strings = {"s%02d" % i: s for i, s in enumerate(AWKWARD)}
    names = {s: i for i, s in enumerate(AWKWARD)}  # the same texts as member names
    return {"format": "greenapply-application", "format_version": 1, "strings": strings,
            "names": names, "list": AWKWARD, "numbers": [0, -1, 1.5, 1e300, -0.0, 12345678901234567890]}


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    cli, source = sys.argv[1], sys.argv[2]
    xsd = os.path.join(source, "docs", "application-package.xsd")
    xmllint = shutil.which("xmllint")
    if not xmllint:
        print("FAIL: xmllint is missing (Debian package libxml2-utils; scripts/setup.sh installs it)", file=sys.stderr)
        return 1
    work = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="greenapply-xml-")
    os.makedirs(work, exist_ok=True)

    written = []
    schemas = os.path.join(source, "schemas")
    for form in sorted(os.listdir(schemas)):
        pkg = os.path.join(schemas, form)
        examples = os.path.join(pkg, "examples")
        if not os.path.isfile(os.path.join(pkg, "form.json")) or not os.path.isdir(examples):
            continue
        for name in sorted(os.listdir(examples)):
            if not name.endswith(".json"):
                continue
            example = os.path.join(examples, name)
            now = json.load(open(example, encoding="utf-8"))["now"]
            for lang in ("en", "zh"):
                stem = os.path.join(work, "%s--%s--%s" % (form, name[:-5], lang))
                if not run([cli, "export", "--form", pkg, example, "--now", now, "--lang", lang,
                            "--xml", stem + ".xml", "--json", stem + ".json"]):
                    continue
                check_xml(stem + ".xml", json.load(open(stem + ".json", encoding="utf-8")))
                written.append(stem + ".xml")

    # The awkward strings: a package JSON converted by the CLI (no form needed).
    awkward = os.path.join(work, "awkward")
    package = awkward_package()
    with open(awkward + ".json", "w", encoding="utf-8") as f:
        json.dump(package, f, ensure_ascii=False)
    if run([cli, "export", awkward + ".json", "--xml", awkward + ".xml"]):
        check_xml(awkward + ".xml", package)
        written.append(awkward + ".xml")
        # and back through greenapply's reader: the same value again
        if run([cli, "export", awkward + ".xml", "--json", awkward + ".back.json"]):
            if json.load(open(awkward + ".back.json", encoding="utf-8")) != package:
                fail("awkward.xml read back by greenapply differs from the package")

    if len(written) < 32:
        fail("only %d packages exported; expected every worked example in two languages" % len(written))
    if written:
        # One xmllint run for all files: well-formed and valid against the XSD.
        r = subprocess.run([xmllint, "--noout", "--schema", xsd] + written, capture_output=True, text=True)
        if r.returncode != 0:
            fail("xmllint --schema: " + "\n".join(l for l in r.stderr.splitlines() if "validates" not in l)[:4000])
    print("%d XML packages checked with xmllint (XSD), xml.dom.minidom and xml.etree; %d failures"
          % (len(written), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
