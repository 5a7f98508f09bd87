// greenapply/issue.hpp — the one shape every error and warning of the core takes.
// Text never lives here: a message_key plus params is translated by the caller
// (schemas/common/i18n for core keys, the package's i18n for package keys).
#pragma once

#include <string>

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

inline const char* to_string(Severity s) { return s == Severity::error ? "error" : "warning"; }

}  // namespace greenapply
