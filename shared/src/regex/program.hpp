// The compiled form: instructions for a backtracking VM, character classes as sorted ranges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "greenapply/regex.hpp"
#include "greenapply/utf8.hpp"
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

// Whether a class holds cp: a bitmap for ASCII, a binary search of the ranges above it.
inline bool class_contains(const CharClass& c, char32_t cp) {
  if (cp < 128) return (c.ascii[cp >> 6] >> (cp & 63)) & 1;
  std::size_t lo = 0, hi = c.ranges.size();
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (cp < c.ranges[mid].lo) {
      hi = mid;
    } else if (cp > c.ranges[mid].hi) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

// The code point at s[i], moving i past it. Invalid UTF-8 (never from JSON text, possible from
// other callers) is read a byte at a time rather than past the end. Both matchers read this way.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  char32_t cp;
  const std::size_t len = decode_utf8(s, i, cp);
  if (len == 0) return static_cast<unsigned char>(s[i++]);
  i += len;
  return cp;
}

// What "." does not match: \n, \r, U+2028 and U+2029.
inline bool is_line_terminator(char32_t c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029; }

// One piece of a pattern that needs no backtracking (linear.hpp): a code point, a class or
// "." matched between min and max times.
struct LinearPiece {
  enum Kind : std::uint8_t { character, klass, any } kind;
  std::uint32_t value = 0;  // the code point, or the class index
  std::uint32_t min = 1, max = 1;  // max kUnbounded: no upper bound
  static constexpr std::uint32_t kUnbounded = 0xFFFFFFFFu;
};

// Whether a piece's matcher accepts cp (the one-pass matcher and the automaton read this way).
inline bool piece_accepts(const LinearPiece& piece, const std::vector<CharClass>& classes, char32_t cp) {
  switch (piece.kind) {
    case LinearPiece::character: return cp == piece.value;
    case LinearPiece::klass: return class_contains(classes[piece.value], cp);
    case LinearPiece::any: break;
  }
  return !is_line_terminator(cp);
}

// A position automaton (automaton.hpp): position i is bit i; each position reads one code
// point (a LinearPiece's kind and value; its counts unused).
struct Automaton {
  std::vector<LinearPiece> positions;     // at most 64
  std::vector<std::uint64_t> follow;      // per position: the positions that may read next
  std::uint64_t ascii[128] = {};          // per ASCII code point: the positions that accept it
  std::uint64_t first_anywhere = 0;       // positions a match may begin with, at any start
  std::uint64_t first_at_start = 0;       // ... only at the subject's start ("^")
  std::uint64_t last_anywhere = 0;        // positions a match may end with, anywhere
  std::uint64_t last_at_end = 0;          // ... only at the subject's end ("$")
  bool empty_anywhere = false;            // an alternative without "^" may match nothing
  bool empty_at_start = false;            // "^…" around one that may (a start is needed)
  bool matches_empty_subject = false;     // "^…$" around one that may
};

struct RegexProgram {
  std::vector<Code> programs;  // [0] = main; others: lookaround bodies
  std::vector<CharClass> classes;
  std::uint32_t groups = 1;     // capture groups including group 0
  std::uint32_t registers = 0;  // loop registers
  bool anchored = false;        // starts with ^: only try position 0
  bool captures = false;        // has back-references: capture groups must be recorded
  bool linear_ok = false;       // matched by linear_search over `linear`, not by the VM
  bool anchored_end = false;    // (linear only) ends with $
  std::vector<LinearPiece> linear;
  bool automaton_ok = false;    // matched by automaton_search, not by the VM
  Automaton automaton;
};

}  // namespace greenapply::regex
