// greenapply/round.hpp — the organiser's round: every file received (application packages in
// JSON or XML, e-mails, mailbox exports, attached files) re-checked with the current package
// and engine, ranked, with resubmissions, late arrivals and attachments sorted out. The CLI
// (`greenapply batch`) and the organiser's page (wasm) both call these, so they agree byte for
// byte. Pure: the caller reads the files and gives the time.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/form.hpp"

namespace greenapply::round {

// A file as received: its name (a path relative to the folder the organiser gave, "/"
// separated; the folder decides which loose files are "beside" a package) and its bytes.
struct ReceivedFile {
  std::string name;
  std::string bytes;
  // A package file's bytes given later (is_package_name): when set, check_round calls it on
  // the thread that checks that package, just before (and again should a resubmission's changes
  // need its answers), and `bytes` is not read. A round's packages then need not all be in
  // memory at once. An exception from it makes that file's row unreadable, with its message.
  std::function<std::string()> read = nullptr;
};

// Whether a file of this name is taken for an application package (*.json, *.xml, any case):
// the files whose bytes ReceivedFile::read may give later. Every other file is looked into
// (a mailbox is known by its first bytes) or hashed when the files are listed.
bool is_package_name(std::string_view name);

// What each file is taken to be, by its name and then its first bytes:
//   *.json → an application package (JSON), *.xml → the same as XML (docs/xml.md),
//   *.eml → one e-mail, *.mbox / *.mbx / text starting "From " → a mailbox export,
//   anything else → an attached file (PDF, …), matched to packages in the same folder by SHA-256.
//
// Returns (keys in this order when dumped, since nlohmann sorts them):
//   {"form", "version", "engine", "now",
//    "dimensions": [dimension ids in rubric order as met],
//    "ranking": [row, …],      ranked, "rank" from 1
//    "superseded": [row, …]}   earlier submissions of an applicant, not ranked
// A row:
//   {"file": name, or "name#N" for the N-th message of a mailbox (1-based),
//    "source": {"file", "message"?: N, "part"?: name of the attachment in the e-mail},
//    "received_from": "package" | "email",  how it arrived
//    "received_at": RFC 3339, the time it is judged at: the package's "received_at", else the
//                   e-mail's Date header, else `now`,
//    "received_at_from": "package" | "email_date" | "now",
//    "applicant", "form", "version", "verdict", "window", "reasons", "errors", "total", "band",
//    "dimensions": {id: score}, "track"?: answer at form.json's "track" pointer,
//    "attachments": [{"name", "sha256", "status": "verified" | "missing" | "altered"}],
//    "flags": [...], "problem"?: text, "problem_key"?: message key, "mail_problems"?: [keys],
//    "changes"?: {"previous": file, "fields": [{"pointer", "before", "after"}], "more": n},
//    "superseded_by"?: file, "rank"?}
// Verdict "unreadable" (with problem and problem_key) for a file or message that holds no
// readable package: never an exception for bad input.
// Flags: score_differs, answers_sha256_mismatch, package_version_differs,
// engine_version_differs, not_a_package, duplicate_applicant (same applicant, same received
// time: which one counts cannot be told), late (received after the window closed),
// attachment_missing, attachment_altered, superseded, resubmitted (the counted one of several).
//
// `for_each` runs body(0) … body(count - 1) in any order, on any threads, and returns when all
// have returned: each body reads or evaluates one application and touches nothing another one
// does. The core has no threads of its own; the CLI gives one that spreads the applications over
// the machine's cores, and without one (the page) they run in turn. The result is the same
// either way, byte for byte: everything order-dependent is done after, in file order.
using ForEach = std::function<void(std::size_t count, const std::function<void(std::size_t)>& body)>;

greenapply::json check_round(const form::FormPackage& package, const std::vector<ReceivedFile>& files,
                           const std::string& now, const ForEach& for_each = {});

// The ranking as CSV for Excel: UTF-8 with a byte order mark, CRLF line ends, every cell quoted,
// a cell starting = + - @ neutralised. Columns: rank,file,applicant,form,version,verdict,window,
// reasons,errors,<dimensions…>,total,band,flags,problem, then received_at,received_from,track,
// attachments,superseded_by. Ranked rows first, then the superseded ones (rank empty).
std::string round_csv(const greenapply::json& round);

// One self-contained HTML file of the round in English and Chinese: the ranking, superseded
// submissions, and inline SVG charts (distribution of totals and of each dimension, counts per
// track and per verdict, an eligibility funnel). No script, no external request; every text
// from an applicant is HTML-escaped. `bundle` is the form package bundle (greenapply/form.hpp)
// for the form's title and the dimensions' and tracks' names.
std::string round_report_html(const greenapply::json& round, const greenapply::json& bundle);

}  // namespace greenapply::round
