#include "pattern.hpp"

#if GREENAPPLY_JSON_SCHEMA_HAS_REGEX
#include "greenapply/regex.hpp"
#endif

namespace greenapply::json_schema::detail {

#if GREENAPPLY_JSON_SCHEMA_HAS_REGEX

struct Pattern::Impl {
  regex::Regex regex;
};

Pattern Pattern::compile(std::string_view source) {
  Pattern p;
  p.source_ = std::string(source);
  try {
    p.impl_ = std::make_shared<const Impl>(Impl{regex::Regex::compile(source)});
  } catch (const regex::CompileError& e) {
    throw PatternError{e.offset, e.message_key};
  }
  return p;
}

Pattern::Result Pattern::search(std::string_view subject, std::size_t step_budget) const {
  switch (impl_->regex.search(subject, step_budget)) {
    case regex::Regex::Result::match:
      return Result::match;
    case regex::Regex::Result::no_match:
      return Result::no_match;
    case regex::Regex::Result::step_limit:
      break;
  }
  return Result::step_limit;
}

#else

// Built before the regex module exists: every schema with a pattern is refused rather than
// silently accepting everything.
struct Pattern::Impl {};

Pattern Pattern::compile(std::string_view) {
  throw PatternError{0, "schema_error.regex_unavailable"};
}

Pattern::Result Pattern::search(std::string_view, std::size_t) const { return Result::no_match; }

#endif

}  // namespace greenapply::json_schema::detail
