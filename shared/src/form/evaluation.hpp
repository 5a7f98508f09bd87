// The parts of one evaluation's output that need the package and the texts: issues (ordered as
// the form shows its fields, each with its translated message), eligibility, score, sections.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "greenapply/json.hpp"

#include "package_data.hpp"
#include "scope.hpp"
#include "texts.hpp"

namespace greenapply::form {

// Where an evaluation's issue comes from, written as its "source" in the output: the data
// schema (and the answers' shape) or a rule of rules.json. The page and the message lookup need
// it; it is the evaluation's own, so it stays beside the Issue rather than in every Issue.
struct SourcedIssue {
  Issue issue;
  const char* source;  // "schema" | "rule"
};

class Evaluation {
 public:
  // with_texts false: the decisions only (form::Detail::decisions), no text looked up and none
  // of what only the applicant reads (advice, per-criterion points, attachment names) built.
  Evaluation(const PackageData& d, const Texts& texts, bool with_texts = true)
      : d_(d), texts_(texts), with_texts_(with_texts) {}

  // source: "schema" | "rule" (a string literal)
  void add_issue(std::string pointer, std::string key, greenapply::json params, Severity severity,
                 const char* source);
  std::size_t error_count() const;
  std::size_t issue_count() const { return issues_.size(); }
  greenapply::json sorted_issues() const;

  greenapply::json eligibility(Scope& scope, const Instant& now, const greenapply::json& submitted) const;
  std::string day_text(std::int64_t days) const;
  void window_texts(greenapply::json& eligibility) const;
  greenapply::json score(Scope& scope) const;
  greenapply::json sections(const greenapply::json& submitted,
                          const std::function<bool(const std::string&)>& is_hidden) const;

 private:
  std::size_t field_rank(const std::string& pointer) const;
  std::string message_of(const SourcedIssue& issue, std::size_t rank) const;  // rank: field_rank of its pointer
  const PackageData& d_;
  const Texts& texts_;
  const bool with_texts_;
  std::vector<SourcedIssue> issues_;
};

}  // namespace greenapply::form
