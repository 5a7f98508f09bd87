// greenapply/json_text.hpp — strict, bounded parsing of JSON text from strangers, and writing it.
//
// Every JSON text the core reads from outside (answers, packages, received files, schemas) comes
// through parse_json(): nlohmann's grammar and tree, read by our own reader (src/json_text/
// reader.hpp says why), which also bounds nesting depth (a 10^6-deep array is valid JSON, and
// every later recursive walk over it would overflow the stack) and says where a text goes wrong.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"

namespace greenapply {

constexpr std::size_t kMaxJsonDepth = 256;

// json.syntax | json.depth | json.empty | json.number_out_of_range, with the position.
struct JsonTextError : TextError {
  using TextError::TextError;
};

// Parses text as one JSON value; throws JsonTextError. Depth counts nested arrays/objects.
greenapply::json parse_json(std::string_view text, std::size_t max_depth = kMaxJsonDepth);

// The text of `j`, byte for byte what j.dump(indent) gives (compact when indent < 0; UTF-8 as
// it is; a string that is not UTF-8 throws nlohmann's type_error 316), written without nlohmann's
// serializer (src/json_text/write_json.cpp says why).
std::string write_json(const greenapply::json& j, int indent = -1);

}  // namespace greenapply
