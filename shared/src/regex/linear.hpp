// Patterns that need no backtracking: a plain sequence of one-code-point matchers, each with a
// count ("^[A-Z]{2}$", "^[a-zA-Z][-_a-zA-Z0-9]{5,19}$", "\S"), where every piece with a
// variable count accepts nothing that the pieces which may follow it accept. Greedy matching
// then decides such a pattern exactly, in one pass and one step per code point, instead of the
// VM's several instructions and a choice point per code point. Most form patterns are of this
// kind; the rest run on the VM (match.cpp).
#pragma once

#include <cstddef>
#include <string_view>

#include "ast.hpp"
#include "program.hpp"

namespace greenapply::regex {

// Fills p.linear (and sets p.linear_ok, p.anchored_end) when the pattern is of that kind.
void linearise(const Ast& pattern, RegexProgram& p);

// Like Regex::search, for a program with linear_ok.
Regex::Result linear_search(const RegexProgram& p, std::string_view subject, std::size_t step_budget);

}  // namespace greenapply::regex
