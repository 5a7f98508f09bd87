#!/usr/bin/env python3
"""Every message key the code can produce has an English and a Chinese text, and docs/errors.md
lists exactly those keys (#19, "one error record"; nlohmann/json's table of error ids is the model).

usage: message_keys_test.py SOURCE_DIR           the checks; exit 0 when all hold
       message_keys_test.py SOURCE_DIR --list    every key with where the code writes it

The keys are read from the source, not from a list kept by hand: every string literal of the C++
(shared/src, shared/include, cli, wasm) and of wasm/*.js that is shaped like a key
("schema.minLength", "json.syntax", "xml.wrong_root"), comments and raw strings left out, plus the
common texts the page asks for by name (www/js: t.shared('match.ui.…')). File names that look the
same ("form.json", "io.hpp") are not keys. A literal that ends in "." is the start of a key built
at run time ("date.month." + month); each such prefix must be in DYNAMIC below, which says how it
is completed: from values written in the source (checked to still be there), from the packages'
data, or by the package itself, whose texts `greenapply lint` already requires (need() in
shared/src/form/lint/texts.cpp). A new prefix fails the test until DYNAMIC says how it expands.

The texts are the engine's common texts, merged as the CLI and the site merge them
(schemas/common/i18n/<lang>.json and *.<lang>.json). A Chinese text that is the English one
copied fails, unless it has no words at all ("{title}: {score}").
"""
import json
import os
import re
import sys

source = sys.argv[1]
failures = []

KEY = re.compile(r"[a-z][a-z_]*(\.[A-Za-z0-9_]+)+|[a-z][a-z_]*(\.[A-Za-z0-9_]+)*\.")
FILE_SUFFIXES = {"json", "hpp", "cpp", "h", "xml", "mbox", "js", "mjs", "html", "eml", "csv", "com", "net", "org"}


def read(*parts):
    with open(os.path.join(source, *parts), encoding="utf-8") as f:
        return f.read()


def literals(text, js=False):
    """(string, line) for every string literal outside comments; raw strings (C++ R"(…)") skipped."""
    out, i, line, n = [], 0, 1, len(text)
    quotes = "\"'`" if js else "\""
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
        elif text.startswith("//", i):
            i = text.find("\n", i) if "\n" in text[i:] else n
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
        elif not js and c == "R" and text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            delim = text[i + 2:text.index("(", i)]
            end = text.index(")" + delim + '"', i) + len(delim) + 2
            line += text.count("\n", i, end)
            i = end
        elif c in quotes or (not js and c == "'"):
            # u"", U"", L"", u8"": text for a purpose other than keys (chinese_text.cpp's U"www.")
            wide = not js and re.search(r"(?<![A-Za-z0-9_])(u8|u|U|L)$", text[max(0, i - 3):i])
            j, buf = i + 1, []
            while j < n and text[j] != c:
                if text[j] == "\\":
                    buf.append(text[j:j + 2])
                    j += 2
                    continue
                if c == "`" and text.startswith("${", j):  # a template's static start only
                    buf.append("${")
                    break
                buf.append(text[j])
                j += 1
            if c == "`":
                while j < n and text[j] != "`":
                    j += 1
            if (c != "'" or js) and not wide:
                out.append(("".join(buf), line))
            line += text.count("\n", i, j)
            i = j + 1
        else:
            i += 1
    return out


def keys_in(s):
    """The key (or key prefix, ending in ".") a literal is, or None."""
    if s.endswith("${"):
        s = s[:-2]
    if not KEY.fullmatch(s):
        return None
    if s.rsplit(".", 1)[-1] in FILE_SUFFIXES:
        return None
    return s


def source_files():
    for top in ("shared/src", "shared/include", "cli", "wasm"):
        for dirpath, _, names in os.walk(os.path.join(source, top)):
            for name in sorted(names):
                if name.endswith((".cpp", ".hpp", ".js")):
                    yield os.path.relpath(os.path.join(dirpath, name), source)


def found_keys():
    """{key or prefix: [file:line, …]} from the code."""
    found = {}
    for rel in source_files():
        for s, line in literals(read(rel), js=rel.endswith(".js")):
            k = keys_in(s)
            if k:
                found.setdefault(k, []).append(f"{rel}:{line}")
    # The page asks the common texts for these by name.
    for dirpath, _, names in os.walk(os.path.join(source, "www", "js")):
        for name in sorted(names):
            if not name.endswith(".js"):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), source)
            text = read(rel)
            for m in re.finditer(r"\.shared\(\s*['`]([^'`$]*)", text):
                k = keys_in(m.group(1))
                if k:
                    found.setdefault(k, []).append(f"{rel}:{text.count(chr(10), 0, m.start()) + 1}")
    return found


def values_in(rel, pattern, expected):
    """Values a dynamic key is completed with, as the source writes them; fails when they moved."""
    text = read(rel)
    got = sorted(set(re.findall(pattern, text)))
    for v in expected:
        if v not in got:
            failures.append(f"DYNAMIC is out of date: {rel} no longer writes {v!r} ({pattern})")
    return sorted(set(got) | set(expected))


def time_zones():
    zones = set()
    for name in os.listdir(os.path.join(source, "schemas")):
        path = os.path.join(source, "schemas", name, "eligibility.json")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                r = json.load(f).get("round")
            if isinstance(r, dict) and isinstance(r.get("time_zone"), str):
                zones.add(r["time_zone"])
    return sorted(zones)


def page_match_problems():
    # www/js/render/match.js reads match.ui.<problem> for the files it could not read itself and,
    # with "match." cut off, for the core's ranking problems (match.not_answers, match.wrong_form).
    rel = "www/js/render/match.js"
    text = read(rel)
    if "match.ui.${r.problem.replace(/^match\\./, '')}" not in text:
        failures.append(f"{rel} no longer reads the core's match.<problem> as match.ui.<problem>: update ALIASES")
    return sorted(set(re.findall(r"problem: '([a-z_]+)'", text)))


# prefix → (how its keys are named in docs/errors.md, the completions; None = the package's own
# texts, which lint requires of every package).
PACKAGE = None
DYNAMIC = {
    "date.month.": ("date.month.<n>", [str(m) for m in range(1, 13)]),
    "eligibility.window.": ("eligibility.window.<window>",
                            values_in("shared/src/form/evaluation.cpp", r'"(before|open|closed)"', ["before", "open", "closed"])),
    "eligibility.verdict.": ("eligibility.verdict.<verdict>",
                             values_in("shared/src/form/evaluation.cpp", r'"(ineligible|eligible_with_warnings|eligible|closed)"',
                                       ["eligible", "eligible_with_warnings", "ineligible", "closed"])),
    "round.flag.": ("round.flag.<flag>",
                    sorted(set(re.findall(r'flags\.push_back\("([a-z_0-9]+)"\)', read("shared/src/round/check_round.cpp")))
                           | set(re.findall(r'add_flag\([^,]+, "([a-z_0-9]+)"\)', read("shared/src/round/resubmissions.cpp"))))),
    "time_zone.": ("time_zone.<zone>", time_zones()),
    "match.ui.": ("match.ui.<problem>", page_match_problems()),
    # The validator's keys are written in full (json_schema/evaluator.cpp, keywords/*.cpp);
    # "schema." is the prefix the form strips to find a field's own text for one (evaluation.cpp).
    "schema.": ("", []),
    # The package's own texts: rules.<id>, eligibility.<check id>, rubric.<id>.title|advice,
    # rubric.band.<id>, match.<component>.title|explain, <field>.option.<value>.
    "rules.": ("", PACKAGE), "eligibility.": ("", PACKAGE), "rubric.": ("", PACKAGE),
    "rubric.band.": ("", PACKAGE), "match.": ("", PACKAGE), "applicant.track.option.": ("", PACKAGE),
    # A shared list's option labels, "<prefix>.<value>" in the common texts, prefix named by the
    # list's x-greenapply-texts (taxonomy.<code>): lint requires them for every value it lists.
    "taxonomy.": ("", PACKAGE),
}
# Texts lint requires of every package (need("form.title", …) in lint/texts.cpp): not the engine's.
lint_cpp = read("shared/src/form/lint/texts.cpp")
PACKAGE_KEYS = {s for line in lint_cpp.splitlines() if "need(" in line for s, _ in literals(line) if keys_in(s)}
if ".option." not in lint_cpp:
    failures.append("lint/texts.cpp no longer requires <field>.option.<value>: update DYNAMIC")
# The core's ranking problems are shown by the page as match.ui.<problem> (page_match_problems).
ALIASES = {"match.not_answers": "match.ui.not_answers", "match.wrong_form": "match.ui.wrong_form"}


def engine_keys():
    """{key: [where]} of every key the code can produce whose text is the engine's; the docs
    name of each dynamic family."""
    keys, families = {}, {}
    for k, where in sorted(found_keys().items()):
        if k in PACKAGE_KEYS or ".option." in k:
            continue
        if k.endswith("."):
            if k not in DYNAMIC:
                failures.append(f"{k} (a key built at run time, {where[0]}): say in DYNAMIC how it is completed")
                continue
            name, values = DYNAMIC[k]
            if values is None or not name:
                continue
            families[name] = [k + v for v in values]
            for v in values:
                keys.setdefault(k + v, []).extend(where)
            continue
        keys.setdefault(k, []).extend(where)
    return keys, families


def common_texts(lang):
    d = os.path.join(source, "schemas", "common", "i18n")
    merged = {}
    for name in sorted(os.listdir(d)):
        if name == f"{lang}.json" or name.endswith(f".{lang}.json"):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                merged.update(json.load(f))
    return merged


def documented():
    """Every key docs/errors.md names in the first cell of a table row: `a.b`, or `a.<x>` for a family."""
    rows = set()
    for line in read("docs", "errors.md").splitlines():
        if line.startswith("| `"):
            rows.update(re.findall(r"`([^`]+)`", line.split("|")[1]))
    return rows


keys, families = engine_keys()
if "--list" in sys.argv:
    for k, where in sorted(keys.items()):
        print(k, " ".join(sorted(set(where))[:3]))
    sys.exit(0)

en, zh = common_texts("en"), common_texts("zh")
for k in sorted(keys):
    t = ALIASES.get(k, k)
    where = keys[k][0]
    if t not in en:
        failures.append(f"{k} ({where}): no English text in schemas/common/i18n")
    if t not in zh:
        failures.append(f"{k} ({where}): no Chinese text in schemas/common/i18n")
    elif t in en and zh[t] == en[t] and re.search(r"[A-Za-z]", re.sub(r"\{[a-z_]+\}", "", en[t])):
        failures.append(f"{k}: the Chinese text is the English one copied: {zh[t]!r}")

# docs/errors.md: every key in a row of its own or in its family's row, and no row for a key the
# code cannot produce.
rows = documented()
covered = set(rows) | {k for name in rows & set(families) for k in families[name]}
for k in sorted(keys):
    if k not in covered:
        failures.append(f"{k} ({keys[k][0]}): not in docs/errors.md")
for r in sorted(rows):
    if r not in keys and r not in families:
        failures.append(f"docs/errors.md lists {r}, which the code does not produce")

if len(keys) < 200:  # the sources were read, not skipped
    failures.append(f"only {len(keys)} keys found: is SOURCE_DIR the repository?")
for f in failures:
    print("FAIL:", f)
print(f"{len(keys)} keys checked in English, Chinese and docs/errors.md: {len(failures)} failed")
sys.exit(1 if failures else 0)
