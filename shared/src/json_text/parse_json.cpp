#include "greenapply/json_text.hpp"

#include <utility>

#include "reader.hpp"

namespace greenapply {

namespace {

struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};

// Line and column (in bytes, from 1) of a byte offset: only ever computed for an error.
Position position_of(std::string_view text, std::size_t offset) {
  Position p;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else {
      ++p.column;
    }
  }
  return p;
}

}  // namespace

greenapply::json parse_json(std::string_view text, std::size_t max_depth) {
  greenapply::json value;
  json_text_detail::ReadFailure failure;
  if (json_text_detail::read_json(text, max_depth, value, failure)) return value;
  const Position p = position_of(text, failure.offset);
  throw JsonTextError(text.empty() ? "json.empty" : failure.key, failure.offset, p.line, p.column,
                      std::move(failure.detail));
}

}  // namespace greenapply
