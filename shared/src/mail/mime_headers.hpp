// Internal to the mail module: a header block and the parameters of a structured header.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace greenapply::mail::detail {

struct Headers {
  std::vector<std::pair<std::string, std::string>> fields;  // lower-case name, unfolded raw value
  std::string_view body;                                    // what follows the blank line
  bool found = false;                                       // at least one "Name: value" line
  bool too_long = false;
  // The first field of that (lower-case) name, or "".
  std::string get(std::string_view name) const;
};

// Splits a message or MIME part into its header block and body. Folded lines are joined
// (RFC 5322 §2.2.3); a header block longer than max_bytes is cut there and marked too_long.
Headers split_headers(std::string_view raw, std::size_t max_bytes);

// "type/subtype; a=1; b*=utf-8''%E4%B8%AD" → value "type/subtype" (lower case) and parameters
// by lower-case name, RFC 2231 continuations and charsets joined and decoded to UTF-8.
struct Structured {
  std::string value;
  std::map<std::string, std::string> params;
};
Structured parse_structured(std::string_view header, std::vector<std::string>& problems);

}  // namespace greenapply::mail::detail
