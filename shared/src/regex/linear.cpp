// The one-pass matcher (linear.hpp): greedy, one step per code point. Hot: compiled for speed in
// the wasm, where deciding which patterns it takes (linear_build.cpp) is compiled for size.
#include "linear.hpp"

#include <cstdint>

namespace greenapply::regex {

namespace {

// Greedy reading of the pieces from `start`: a match when they all got their minimum (and, with
// anchored_end, reached the end). Each code point read is one step of `steps`.
Regex::Result run_from(const RegexProgram& p, std::string_view s, std::size_t start, std::size_t& steps,
              std::size_t budget) {
  std::size_t at = start;
  for (const LinearPiece& piece : p.linear) {
    std::uint32_t count = 0;
    while (count < piece.max && at < s.size()) {
      if (++steps > budget) return Regex::Result::step_limit;
      std::size_t next = at;
      const char32_t cp = next_code_point(s, next);
      if (!piece_accepts(piece, p.classes, cp)) break;
      at = next;
      ++count;
    }
    if (count < piece.min) return Regex::Result::no_match;
  }
  return !p.anchored_end || at == s.size() ? Regex::Result::match : Regex::Result::no_match;
}

}  // namespace

Regex::Result linear_search(const RegexProgram& p, std::string_view subject, std::size_t step_budget) {
  std::size_t steps = 0;
  for (std::size_t start = 0; start <= subject.size(); ++start) {
    if (p.anchored && start > 0) break;  // "^": position 0 only (as the VM: not even past a stray byte)
    if (start < subject.size() && (static_cast<unsigned char>(subject[start]) & 0xC0) == 0x80) continue;
    const Regex::Result r = run_from(p, subject, start, steps, step_budget);
    if (r != Regex::Result::no_match) return r;
  }
  return Regex::Result::no_match;
}

}  // namespace greenapply::regex
