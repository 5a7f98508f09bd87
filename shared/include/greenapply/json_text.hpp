// greenapply/json_text.hpp — strict, bounded parsing of JSON text from strangers.
//
// nlohmann/json already rejects malformed JSON and invalid UTF-8; what it does not do is bound
// nesting depth (a 10^6-deep array is valid JSON, and every later recursive walk over it would
// overflow the stack). parse_json() scans the depth first, then parses.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "greenapply/issue.hpp"

namespace greenapply {

constexpr std::size_t kMaxJsonDepth = 256;

// json.syntax | json.depth | json.empty, with the position.
struct JsonTextError : TextError {
  using TextError::TextError;
};

// Parses text as one JSON value; throws JsonTextError. Depth counts nested arrays/objects.
nlohmann::json parse_json(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace greenapply
