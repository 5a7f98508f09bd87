// greenapply/regex.hpp — ECMA-262 regular expressions (as JSON Schema's "pattern" means
// them, with the u flag: code points, \p{…}). Patterns without back-references or lookaround run
// in one pass per code point (a one-pass matcher or a position automaton); the rest on a
// backtracking VM with an explicit stack and a step budget, so a hostile pattern ends in
// Result::step_limit instead of hanging the page.
// std::regex is not used: it cannot match Chinese text by code point and doubles the wasm.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "greenapply/issue.hpp"

namespace greenapply::regex {

// Thrown by Regex::compile for a pattern that is not valid ECMA-262 (u flag).
// Its issue: message_key (regex.syntax, regex.unknown_property, regex.too_complex, …) and the
// byte offset in the pattern.
struct CompileError : Failure {
  CompileError(std::size_t offset, const char* key)
      : Failure(std::string(key) + " at offset " + std::to_string(offset),
                Issue{"", key, greenapply::json::object(), Severity::error, "", "", "", offset}) {}
};

struct RegexProgram;

class Regex {
 public:
  enum class Result { match, no_match, step_limit };
  static Regex compile(std::string_view pattern);  // throws CompileError
  // Unanchored search, like RegExp.prototype.test. Subjects must be valid UTF-8.
  Result search(std::string_view subject, std::size_t step_budget = 200000) const;
  // Which matcher search() runs: the one-pass matcher (regex/linear.hpp), the position
  // automaton (regex/automaton.hpp) or the backtracking VM, the only one that takes every
  // pattern. For tests and the fuzzer, which check each against backtracking_search.
  enum class Engine { one_pass, automaton, backtracking };
  Engine engine() const;
  // search() on the backtracking VM, whichever matcher search() would use.
  Result backtracking_search(std::string_view subject, std::size_t step_budget = 200000) const;

 private:
  std::shared_ptr<const RegexProgram> program_;
};

}  // namespace greenapply::regex
