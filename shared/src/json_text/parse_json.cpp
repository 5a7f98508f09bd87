#include "greenapply/json_text.hpp"

#include <cstring>
#include <utility>

namespace greenapply {

namespace {

struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};

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

// The offset of the quote that ends the string whose text starts at `i`, or npos. memchr runs
// wide, and a string is most of an application's bytes. Each search starts past the one before
// (an escaped quote restarts the quote search after it), so a text of escapes stays linear.
std::size_t closing_quote(std::string_view text, std::size_t i) {
  const char* const base = text.data();
  const std::size_t n = text.size();
  auto find = [&](char c, std::size_t from, std::size_t to) {
    const void* at = from < to ? std::memchr(base + from, c, to - from) : nullptr;
    return at ? static_cast<std::size_t>(static_cast<const char*>(at) - base) : std::string_view::npos;
  };
  std::size_t quote = find('"', i, n);
  for (;;) {
    const std::size_t escape = find('\\', i, quote == std::string_view::npos ? n : quote);
    if (escape == std::string_view::npos) return quote;
    i = escape + 2;  // past the backslash and the character it escapes
    if (quote != std::string_view::npos && i > quote) quote = find('"', i, n);  // it escaped that quote
  }
}

// Returns the offset of the first bracket that exceeds max_depth, or npos. Strings are skipped
// (with their escapes) so brackets inside text do not count. Malformed input is left to the
// parser, which reports it precisely.
std::size_t find_depth_violation(std::string_view text, std::size_t max_depth) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    switch (text[i]) {
      case '"':
        i = closing_quote(text, i + 1);
        if (i == std::string_view::npos) return i;  // an unterminated string: the parser says so
        break;
      case '[':
      case '{':
        if (++depth > max_depth) return i;
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default:
        break;
    }
  }
  return std::string_view::npos;
}

}  // namespace

nlohmann::json parse_json(std::string_view text, std::size_t max_depth) {
  const std::size_t too_deep = find_depth_violation(text, max_depth);
  if (too_deep != std::string_view::npos) {
    const Position p = position_of(text, too_deep);
    throw JsonTextError("json.depth", too_deep, p.line, p.column,
                        "nesting deeper than " + std::to_string(max_depth) + " levels");
  }
  try {
    return nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's byte is 1-based and points just past the offending character.
    const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
    const Position p = position_of(text, offset);
    std::string what = e.what();
    // Drop nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix.
    const auto colon = what.find(": ");
    if (colon != std::string::npos) what = what.substr(colon + 2);
    throw JsonTextError(text.empty() ? "json.empty" : "json.syntax", offset, p.line, p.column,
                        what);
  } catch (const nlohmann::json::exception& e) {
    // out_of_range 406: a number beyond what a double holds (1e+616). Position unknown.
    std::string what = e.what();
    const auto bracket = what.find("] ");
    if (bracket != std::string::npos) what = what.substr(bracket + 2);
    throw JsonTextError("json.number_out_of_range", 0, 1, 1, what);
  }
}

}  // namespace greenapply
