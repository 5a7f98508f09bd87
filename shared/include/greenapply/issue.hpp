// greenapply/issue.hpp — the one shape every error and warning of the core takes, and the one
// exception that carries it (modelled on nlohmann/json's one exception base with an id, and on
// JSON Schema's output format). Text never lives here: a message_key plus params is translated by
// the caller (schemas/common/i18n for core keys, the package's i18n for package keys).
// issue_json.hpp writes an Issue as JSON, the one shape the CLI, the wasm boundary and the page share.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "greenapply/json.hpp"

namespace greenapply {

enum class Severity { error, warning };

struct Issue {
  std::string location;     // RFC 6901 pointer into whatever was checked ("" = root)
  std::string message_key;  // stable key, e.g. "schema.minLength" (docs/errors.md lists them)
  greenapply::json params = greenapply::json::object();
  Severity severity = Severity::error;

  // Optional parts, empty (or 0) unless the producer has them:
  // (Each has an initializer, so a short Issue{location, key} is complete to the compiler.)
  std::string file = {};                       // the package file `location` points into ("rules.json")
  std::string keyword_location = {};           // schema errors: pointer into the schema, or the rule id
  std::string absolute_keyword_location = {};  // schema errors: absolute URI with fragment
  std::size_t offset = 0;                 // parsed text: byte offset of the problem
  std::size_t line = 0;                   // parsed text: 1-based line; 0 = no position
  std::size_t column = 0;                 // parsed text: 1-based column; 0 = no position
};

// Every failure of the core: what() is the English detail for logs and the CLI, `issues` (never
// empty) say the same for the page, by key. Callers that only report a failure catch this one
// type; the derived names (TextError, SchemaError, PackageError …) are for callers that treat one
// kind specially.
struct Failure : std::runtime_error {
  Failure(const std::string& what, std::vector<Issue> list) : std::runtime_error(what), issues(std::move(list)) {}
  Failure(const std::string& what, Issue one) : std::runtime_error(what), issues{std::move(one)} {}
  const Issue& issue() const { return issues.front(); }  // the first (for most failures, the only) issue
  std::vector<Issue> issues;
};

// A problem found while reading a text (JSON, XML): the key, where it is, and the parser's own
// words. One type for every reader, so the CLI and the wasm boundary report positions one way;
// each reader derives its own name (JsonTextError, xml::XmlError) so a caller can tell them apart.
struct TextError : Failure {
  TextError(std::string key, std::size_t off, std::size_t ln, std::size_t col, std::string what)
      // line 0: a problem of writing, which has no position in a text.
      : Failure(ln == 0 ? what : "line " + std::to_string(ln) + ", column " + std::to_string(col) + ": " + what,
                Issue{"", std::move(key), greenapply::json::object(), Severity::error, "", "", "", off, ln, col}),
        detail(std::move(what)) {}
  std::string detail;  // the parser's own words (English, for logs and the CLI)
};

inline const char* to_string(Severity s) { return s == Severity::error ? "error" : "warning"; }

}  // namespace greenapply
