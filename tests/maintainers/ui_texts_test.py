#!/usr/bin/env python3
"""The pages' own texts (www/i18n/<surface>.<lang>.json: "ui", the applicant's page, whose
lookup is Texts.ui in www/js/i18n.js; "organiser", the organiser's page, say() in
www/js/organiser/texts.js) are whole in both languages, and every key the page code asks for is
there (#19; message_keys_test.py does the same for the engine's common texts).

usage: ui_texts_test.py SOURCE_DIR         exit 0 when all hold, else 1 with one line a problem

- every key of a surface is in its English and its Chinese table;
- no Chinese text is the English one copied (but for SAME, below);
- every key the code names is in the English table: texts.ui('key') / t.ui("key") anywhere in
  www/js, t('key') and say(lang, 'key') in www/js/organiser (where t is say in the page's language);
- a key the code builds (texts.ui(`kind.${k}`)) has its pattern in DYNAMIC, which says where
  the values come from; a new pattern fails until it is listed there;
- every key of a table is used: named in the code, in a list of the code's, or fitting a pattern
  of DYNAMIC (a text nobody shows is dead weight on every visit).
"""
import json
import os
import re
import sys

source = sys.argv[1]
www = os.path.join(source, "www")
SURFACES = ("ui", "organiser")
# Texts the same in both languages on purpose, (surface, key) → why: none today (a brand name
# would be one).
SAME = {}


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def js_files(folder):
    for base, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".js"):
                yield os.path.join(base, name)


def quoted(text):
    """The plain string literals of some JS ('…', "…", `…` without ${})."""
    return set(m.group(2) for m in re.finditer(r"(['\"`])((?:(?!\1)[^\\\n$])*)\1", text))


def values(path, name):
    """The strings of a `const NAME = [...]` list in a source file."""
    m = re.search(r"\bconst " + name + r" = \[([^\]]*)\]", read(os.path.join(www, "js", path)))
    if not m:
        raise SystemExit(f"ui_texts_test: no list {name} in www/js/{path}: update DYNAMIC")
    return re.findall(r"'([^']+)'", m.group(1))


# Keys the code builds at run time, by the pattern its template makes (${…} → *), and the values
# that complete it; None where the values are data (a row's flag, the core's verdict: listed in
# the table itself, so only the table's own keys of that shape are checked against the rest).
DYNAMIC = {
    "ui": {
        "kind.*": lambda: values("render/filetype.js", "KINDS"),
        "*Title": None,  # notices.js: a drafts' notice's id (storageOff, storageFull, …)
        "*Body": None,
    },
    "organiser": {
        "flag.*": None,  # the core's round flags (docs/errors.md round.flag.<flag>)
        "verdict.*": lambda: values("organiser/table.js", "VERDICTS"),
        "receivedFrom.*": None,  # the core's received_at_from
        "from.*": None,  # the core's received_from
        "att.*": None,  # the core's attachment status
    },
}

failures = []
tables = {}
for surface in SURFACES:
    for lang in ("en", "zh"):
        tables[surface, lang] = json.loads(read(os.path.join(www, "i18n", f"{surface}.{lang}.json")))
    en, zh = tables[surface, "en"], tables[surface, "zh"]
    for key in en.keys() - zh.keys():
        failures.append(f"{surface}.zh.json: no Chinese text for {key!r}")
    for key in zh.keys() - en.keys():
        failures.append(f"{surface}.en.json: no English text for {key!r} (its Chinese one is in {surface}.zh.json)")
    for key in en.keys() & zh.keys():
        if en[key] == zh[key] and (surface, key) not in SAME:
            failures.append(f"{surface}.zh.json: {key!r} is the English text copied: {en[key]!r}")

# What the code names, by surface.
named = {s: {} for s in SURFACES}       # key → first file that names it
templates = {s: {} for s in SURFACES}   # pattern → first file
literals = set()
for path in js_files(os.path.join(www, "js")):
    text = read(path)
    rel = os.path.relpath(path, source)
    literals |= quoted(text)
    calls = [("ui", r"\.ui\(\s*")]
    if os.sep + "organiser" + os.sep in path:
        calls += [("organiser", r"\bt\(\s*"), ("organiser", r"\bsay\([^,()]+,\s*")]
    for surface, call in calls:
        for m in re.finditer(call + r"(['\"])([^'\"\n]+)\1", text):
            named[surface].setdefault(m.group(2), rel)
        for m in re.finditer(call + r"`([^`]*)`", text):
            if "${" in m.group(1):
                templates[surface].setdefault(re.sub(r"\$\{[^}]*\}", "*", m.group(1)), rel)
            else:
                named[surface].setdefault(m.group(1), rel)

for surface in SURFACES:
    en = tables[surface, "en"]
    for key, where in sorted(named[surface].items()):
        if key not in en:
            failures.append(f"{where}: asks for {surface} text {key!r}, which {surface}.en.json does not have")
    patterns = DYNAMIC[surface]
    for pattern, where in sorted(templates[surface].items()):
        if pattern not in patterns:
            failures.append(f"{where}: builds {surface} keys {pattern!r}: say in DYNAMIC where the values come from")
    for pattern, complete in patterns.items():
        if pattern not in templates[surface]:
            failures.append(f"DYNAMIC: no code builds {surface} keys {pattern!r} any more: take it out")
        for value in (complete() if complete else []):
            key = pattern.replace("*", value)
            if key not in en:
                failures.append(f"{surface}.en.json: no text for {key!r}, which the code builds from {pattern!r}")
    regexes = [re.compile("^" + re.escape(p).replace(r"\*", ".+") + "$") for p in patterns]
    for key in en:
        if key not in literals and not any(r.match(key) for r in regexes):
            failures.append(f"{surface}.en.json: {key!r} is not used by www/js: take it out")

for line in failures:
    print(line)
sys.exit(1 if failures else 0)
