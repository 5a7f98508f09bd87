// Where a JSON pointer lands in a JSON text: the line and column an editor, a CI annotation or
// a SARIF region needs. The core reports problems by pointer (it never sees the text); the CLI
// maps them back over the file as read from disk.
#pragma once

#include <cstddef>
#include <string>

namespace greenapply::cli {

struct TextPosition {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in Unicode code points
};

// The position of what `pointer` names in `text` (valid JSON): an object member's key (the line
// an editor shows), an array item's first character, or the whole value for "". When the pointer
// goes further than the text (a missing member, a pointer into the answers rather than this
// file), the deepest part that exists; line 1 column 1 when nothing does.
TextPosition locate_pointer(const std::string& text, const std::string& pointer);

// The line and column of a byte offset.
TextPosition position_of_offset(const std::string& text, std::size_t offset);

}  // namespace greenapply::cli
