// The automaton's run: the set of positions that read the last code point, one 64-bit word,
// advanced one code point at a time (built by automaton_build.cpp). Hot: compiled for speed in
// the wasm, where the construction is compiled for size.
#include "automaton.hpp"

#include <cstdint>

namespace greenapply::regex {

namespace {

std::uint64_t accepting(const Automaton& a, const RegexProgram& p, char32_t cp) {
  if (cp < 128) return a.ascii[cp];
  std::uint64_t m = 0;
  for (std::size_t i = 0; i < a.positions.size(); ++i) {
    if (piece_accepts(a.positions[i], p.classes, cp)) m |= std::uint64_t{1} << i;
  }
  return m;
}

}  // namespace

Regex::Result automaton_search(const RegexProgram& p, std::string_view s, std::size_t step_budget) {
  const Automaton& a = p.automaton;
  // An empty match: anywhere (the subject's end is always a start); at the start, unless a
  // stray UTF-8 byte is there (the VM starts no match on one); or of the whole subject.
  const bool may_start_at_0 = s.empty() || (static_cast<unsigned char>(s[0]) & 0xC0) != 0x80;
  if (a.empty_anywhere || (a.empty_at_start && may_start_at_0) || (a.matches_empty_subject && s.empty()))
    return Regex::Result::match;
  std::uint64_t read = 0;  // the positions that read the last code point
  std::size_t steps = 0;
  for (std::size_t i = 0; i < s.size();) {
    // A match starts at a code point, never inside one (as the VM: not at a stray byte either).
    const bool may_start = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
    std::uint64_t next = may_start ? a.first_anywhere | (i == 0 ? a.first_at_start : 0) : 0;
    for (std::uint64_t r = read; r != 0; r &= r - 1) next |= a.follow[static_cast<std::size_t>(__builtin_ctzll(r))];
    if (next == 0 && a.first_anywhere == 0) return Regex::Result::no_match;
    if (++steps > step_budget) return Regex::Result::step_limit;
    read = next & accepting(a, p, next_code_point(s, i));
    if ((read & a.last_anywhere) != 0) return Regex::Result::match;
  }
  return (read & a.last_at_end) != 0 ? Regex::Result::match : Regex::Result::no_match;
}

}  // namespace greenapply::regex
