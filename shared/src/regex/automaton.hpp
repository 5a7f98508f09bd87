// Patterns without back-references, lookaround or word boundaries, and with "^"/"$" only at the
// ends of their top-level alternatives ("^[0-9]{6}\.(SH|SZ|BJ)$|^[0-9]{4,5}\.HK$",
// "^(CN|US|EP)[0-9]{6,12}(\.[0-9X])?$"), of at most 64 code-point matchers once counts are
// spelled out: matched by a position automaton (Glushkov's construction) whose states are the
// bits of one 64-bit word, one step per code point, whatever the pattern. Whether a pattern
// matches does not depend on how a backtracking matcher would have found the match, so for
// `search` (RegExp.prototype.test) this is exact; and it cannot backtrack catastrophically,
// so "^(a+)+$" is decided instead of running out of steps. The one-pass matcher (linear.hpp)
// takes the simplest patterns first; the rest run on the VM (match.cpp).
#pragma once

#include <cstddef>
#include <string_view>

#include "ast.hpp"
#include "program.hpp"

namespace greenapply::regex {

// Fills p.automaton (and sets p.automaton_ok) when the pattern is of that kind.
void build_automaton(const Ast& pattern, RegexProgram& p);

// Like Regex::search, for a program with automaton_ok.
Regex::Result automaton_search(const RegexProgram& p, std::string_view subject, std::size_t step_budget);

}  // namespace greenapply::regex
