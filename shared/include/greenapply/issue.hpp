// greenapply/issue.hpp — the one shape every error and warning of the core takes.
// Text never lives here: a message_key plus params is translated by the caller
// (schemas/common/i18n for core keys, the package's i18n for package keys).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include <utility>

#include <nlohmann/json.hpp>

namespace greenapply {

enum class Severity { error, warning };

struct Issue {
  std::string instance_location;          // RFC 6901 pointer into the instance / answers ("" = root)
  std::string keyword_location;           // pointer into the schema, or the rule id for rules
  std::string absolute_keyword_location;  // absolute URI with fragment (schema errors only)
  std::string message_key;                // stable key, e.g. "schema.minLength"
  nlohmann::json params = nlohmann::json::object();
  Severity severity = Severity::error;
};

// A problem found while reading a text (JSON, XML): the key, where it is, and the parser's own
// words. One type for every reader, so the CLI and the wasm boundary report positions one way;
// each reader derives its own name (JsonTextError, xml::XmlError) so a caller can tell them apart.
struct TextError : std::runtime_error {
  TextError(std::string key, std::size_t off, std::size_t ln, std::size_t col, std::string what)
      // line 0: a problem of writing, which has no position in a text.
      : std::runtime_error(ln == 0 ? what
                                   : "line " + std::to_string(ln) + ", column " + std::to_string(col) + ": " + what),
        message_key(std::move(key)),
        offset(off),
        line(ln),
        column(col),
        detail(std::move(what)) {}
  std::string message_key;  // e.g. json.syntax, xml.doctype
  std::size_t offset;       // byte offset of the problem in the input
  std::size_t line;         // 1-based; 0 for a problem of writing
  std::size_t column;       // 1-based, in bytes; 0 for a problem of writing
  std::string detail;       // the parser's own words (English, for logs and the CLI)
};

inline const char* to_string(Severity s) { return s == Severity::error ? "error" : "warning"; }

}  // namespace greenapply
