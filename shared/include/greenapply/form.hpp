// greenapply/form.hpp — form packages: load once, evaluate on every change, lint in CI.
//
// A package arrives as one JSON "bundle" assembled by the caller (the CLI reads the files named
// in form.json, the page fetches them), so the core never touches files:
//   {"form": <form.json>, "data_schema": ..., "layout": ..., "rules": ..., "eligibility": ...,
//    "rubric": ..., "i18n": {"en": {...}, "zh": {...}},
//    "common_i18n": {"en": {...}, "zh": {...}},          // schemas/common/i18n
//    "examples": [{"file": "examples/01.json", "content": {...}}, ...]}   // lint only
//
//   auto pkg = greenapply::form::FormPackage::load(bundle);          // throws PackageError
//   greenapply::json out = greenapply::form::evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
//
// evaluate() is pure and deterministic: the same inputs give the same output, byte for byte,
// natively and in WebAssembly. Its output shape is documented in docs/architecture.md.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"

namespace greenapply::form {

// A problem with a package is an Issue whose `file` is the package file ("rules.json",
// "i18n/zh.json", "examples/01-strong.json", …) and whose location is a pointer inside it.
// PackageError's issues are every error found, in the order found.
struct PackageError : Failure {
  explicit PackageError(std::vector<Issue> problems);
};

struct PackageData;  // compiled package (schema validator, expressions, rubric …)

class FormPackage {
 public:
  // Compiles everything once. Throws PackageError listing every error found (warnings are
  // kept and available through warnings()). The package keeps the bundle: pass a temporary (or
  // std::move) and it is moved in, not copied, which is a third of a load's work (the page's).
  static FormPackage load(greenapply::json bundle);

  const std::string& id() const;
  const std::string& version() const;
  // The bundle it was loaded from (form.json under "form", the texts under "i18n" …), for
  // callers that read a package's own data (the organiser's round: applicant_id, track).
  const greenapply::json& bundle() const;
  const std::vector<Issue>& warnings() const;
  const PackageData& data() const { return *data_; }

 private:
  explicit FormPackage(std::shared_ptr<const PackageData> data) : data_(std::move(data)) {}
  std::shared_ptr<const PackageData> data_;
};

// What an evaluation is for. `full`: everything evaluate() below describes, for the applicant.
// `decisions`: only what the organiser's round ranks on, with no text looked up and no layout
// walked (the batch evaluates thousands of applications and reads none of that):
//   {"engine", "form", "lang", "now", "valid", "issue_count" (errors and warnings: the length
//    "errors" has in full), "hidden", "applicant_name", "submitted",
//    "eligibility": {"window", "criteria_verdict", "verdict", "reasons": [{"id", "message_key",
//                    "severity"}], "seconds_to_open", "seconds_to_close" (a dated round)},
//    "score": {"total", "band", "dimensions": [{"id", "points", "max", "weight", "score",
//              "needs_work"}], "indicators": (the same)} or null}
// Every value there is the one full gives: the same code computes it (a test holds them equal
// for every worked example).
enum class Detail { full, decisions };

// Everything the applicant sees for these answers at this time in this language.
// `now` is RFC 3339 with an offset; an unusable `now` or `lang` throws std::invalid_argument.
// Among it: "eligibility" {"verdict": eligible | eligible_with_warnings | ineligible | closed
// (after the window), "criteria_verdict" (the answers' own verdict, in any window), ...};
// "score" {"total", "band", "dimensions", "indicators" (in_total false: 0-100, with a "note"
// and their own "advice"), ...}; "after_sending" {"contact", "steps"} from form.json.
// The answers are taken by value because they become the evaluation's "submitted" data: a caller
// done with them (the page's parsed text, the round's received file) moves them in and spares a
// copy of the whole application.
greenapply::json evaluate(const FormPackage& package, greenapply::json answers, std::string_view now,
                        std::string_view lang, Detail detail = Detail::full);

// What the data schema says about answers, asked by the page so that it never walks the schema
// itself (the one walk is the core's, form/schema_types.cpp):
//   {"fresh_answers": the answers a fresh draft starts with: each layout field's schema "default"
//                     (JSON Schema 2020-12 §9.2: an annotation form tools show as the starting
//                     answer); the nearest along the field's "$ref" chain wins,
//    "item_defaults": {"<repeat group pointer>": the starting answers of an item just added},
//                     groups whose fields have no default left out,
//    "text_lists":    {"<field pointer>": "<prefix>"}: fields whose options are a shared list's
//                     values, labelled by the common texts "<prefix>.<value>" ("x-greenapply-texts"),
//    "fields":        {"<field pointer>": {"schema": its subschema, "$ref"s followed,
//                                          "options": the values a choice offers ([] for others)}}
//                     for every layout field but repeat groups}
// A field's own node counts, and "allOf" branches (always applied); a property that only
// "then", "else", "anyOf" or "oneOf" declare depends on other answers, so its default is not one
// for a fresh draft.
greenapply::json schema_facts(const FormPackage& package);

// Takes out of `answers` every member the data schema has no field for (a draft from an older
// version of the form), in key order, as [{"pointer", "value"}]. Items of a repeat group
// are kept as they are: their members are the items' own business.
greenapply::json drop_unknown_answers(const FormPackage& package, greenapply::json& answers);

// The application package an applicant downloads and e-mails, made by the core so that the
// page and the CLI produce identical packages:
//   {"format": "greenapply-application", "format_version": 1,
//    "package": {"id", "version"}, "engine", "created": now, "lang", "applicant_name",
//    "answers": <submitted answers: hidden fields left out>,
//    "answers_sha256": <SHA-256 of the canonical JSON of "answers">,
//    "self_assessment": {"valid", "error_count", "eligibility": {"verdict", "window", "reasons": [ids]},
//                        "score": {"total", "band", "dimensions": {id: score},
//                                  "indicators": {id: score} (only when the form has any)}}}
greenapply::json make_application_package(const FormPackage& package, const greenapply::json& answers,
                                        std::string_view now, std::string_view lang);
// The self_assessment block of a package, from an evaluate() result.
greenapply::json self_assessment_of(const greenapply::json& evaluation);

// What the e-mail needs beyond the answers; the core has no clock and no randomness.
struct EmailOptions {
  std::string date;        // RFC 3339, the message's Date header; "" = now
  std::string message_id;  // local@domain, unique per message (the page: a random UUID)
  std::string json_name;   // the two package files' names, as the download buttons name them
  std::string xml_name;
};

// The application as one e-mail message file (.eml, RFC 5322 + MIME; see greenapply/mail_compose.hpp):
// To the programme's address (form.json submission.to), the package's subject, X-Unsent: 1, a
// text body in `lang` and then the other language (when the bundle has its texts): applicant,
// form, verdict, problems, self-score, the answers' SHA-256, the files and what happens next
// (common texts mail.*); attached: the package as JSON (exactly what export --json writes) and
// XML, then every file in `files`, each matched to the file field that records its SHA-256 and
// named as recorded. Files the answers record but `files` lacks are listed in the body as still
// to be sent. Throws mail::MailError ("mail.file_not_recorded") for a file no record matches
// (changed or damaged since it was chosen), or for a bad date or message id; std::invalid_argument
// for a bad now or lang.
std::string make_application_email(const FormPackage& package, const greenapply::json& answers, std::string_view now,
                                   std::string_view lang, const std::vector<std::string_view>& files,
                                   const EmailOptions& options);

// How well each technology fits the need in `need_answers` (a need form with a match.json):
// the need's submitted answers (hidden fields left out, as everywhere) against each technology
// (an application package of the matcher's technology form, or bare answers), best first:
//   {"technology_form", "need_title", "components": [{"id", "kind", "weight", "title", "explain"}],
//    "results": [{"index", "title", "owner", "score", "components": [...]} | {"index", "problem"}]}
// Throws std::invalid_argument when the package has no match.json, or on a bad now/lang.
greenapply::json match_technologies(const FormPackage& package, const greenapply::json& need_answers,
                                  const greenapply::json& technologies, std::string_view now, std::string_view lang);
// The same ranking for a need that has just been evaluated: `submitted_need` is the "submitted"
// member of evaluate(package, need_answers, now, lang), the need already pruned, so a caller that
// evaluates the need anyway (the page, on every keystroke) does not have it evaluated twice.
// match_technologies(p, a, t, now, lang) is exactly
// match_submitted(p, evaluate(p, a, now, lang)["submitted"], t, lang).
// Throws std::invalid_argument when the package has no match.json, or on a bad lang.
greenapply::json match_submitted(const FormPackage& package, const greenapply::json& submitted_need,
                               const greenapply::json& technologies, std::string_view lang);
bool has_matcher(const FormPackage& package);

// The English text of a problem (for lint output and logs).
std::string describe(const Issue& problem, const greenapply::json& common_i18n);
// The same in `lang` ("en" or "zh"; English where a text is missing), for `lint --lang`.
std::string describe(const Issue& problem, const greenapply::json& common_i18n, const std::string& lang);

// Every problem of a package: format (against package_schema, the JSON Schema of package
// files, when given), data schema against its meta-schema, references, expressions, texts in
// every language, rubric arithmetic, placeholders, and every worked example's expectations.
std::vector<Issue> lint(const greenapply::json& bundle, const greenapply::json* package_schema);

}  // namespace greenapply::form
