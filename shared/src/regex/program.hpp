// The compiled form: instructions for a backtracking VM, character classes as sorted ranges.
#pragma once

#include <cstdint>
#include <vector>

#include "greenapply/regex.hpp"
#include "unicode_tables.hpp"

namespace greenapply::regex {

enum class Op : std::uint8_t {
  character,   // a: code point
  klass,       // a: class index
  any,         // . (not a line terminator)
  split,       // try a first, then b
  jump,        // a
  save,        // a: slot (captures, then loop registers)
  mark,        // a: register = position (loop entry)
  progress,    // a: fail unless position moved since mark a
  line_start,  // ^
  line_end,    // $
  word_boundary,
  not_word_boundary,
  backref,     // a: group
  look,        // a: sub-program, b: flags (1 = behind, 2 = negative)
  match
};

struct Instr {
  Op op;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
};

struct CharClass {
  std::vector<Range> ranges;  // sorted, merged; negation already applied
  std::uint64_t ascii[2] = {0, 0};  // membership of U+0000..U+007F, filled from ranges at compile
};

struct Code {
  std::vector<Instr> code;
};

struct RegexProgram {
  std::vector<Code> programs;  // [0] = main; others: lookaround bodies
  std::vector<CharClass> classes;
  std::uint32_t groups = 1;     // capture groups including group 0
  std::uint32_t registers = 0;  // loop registers
  bool anchored = false;        // starts with ^: only try position 0
  bool captures = false;        // has back-references: capture groups must be recorded
};

}  // namespace greenapply::regex
