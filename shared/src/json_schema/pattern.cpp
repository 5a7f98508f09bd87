#include "pattern.hpp"

#include "greenapply/regex.hpp"

namespace greenapply::json_schema::detail {

struct Pattern::Impl {
  regex::Regex regex;
};

Pattern Pattern::compile(std::string_view source) {
  Pattern p;
  p.source_ = std::string(source);
  p.impl_ = std::make_shared<const Impl>(Impl{regex::Regex::compile(source)});
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


}  // namespace greenapply::json_schema::detail
