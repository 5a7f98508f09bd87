// The validator's view of regular expressions: a compiled ECMA-262 pattern searched with a
// step budget. Backed by the project's regex module (greenapply/regex.hpp).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace greenapply::json_schema::detail {

class Pattern {
 public:
  enum class Result { match, no_match, step_limit };
  // Throws regex::CompileError (its issue: key and offset) for a pattern that is not valid ECMA-262.
  static Pattern compile(std::string_view source);
  // Unanchored search, like RegExp.prototype.test with the "u" flag.
  Result search(std::string_view subject, std::size_t step_budget) const;
  const std::string& source() const { return source_; }

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;  // immutable, so copies may share it
  std::string source_;
};

}  // namespace greenapply::json_schema::detail
