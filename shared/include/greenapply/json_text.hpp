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

namespace greenapply {

constexpr std::size_t kMaxJsonDepth = 256;

struct JsonTextError : std::runtime_error {
  JsonTextError(std::string key, std::size_t offset, std::size_t line, std::size_t column,
                std::string detail);
  std::string message_key;  // json.syntax | json.depth | json.empty
  std::size_t offset;       // byte offset of the problem
  std::size_t line;         // 1-based
  std::size_t column;       // 1-based, in bytes
  std::string detail;       // parser's own words (English, for logs and the CLI)
};

// Parses text as one JSON value; throws JsonTextError. Depth counts nested arrays/objects.
nlohmann::json parse_json(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace greenapply
