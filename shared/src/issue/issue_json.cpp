#include "greenapply/issue_json.hpp"

namespace greenapply {

greenapply::json to_json(const Issue& issue) {
  greenapply::json out = greenapply::json::object();
  auto& members = out.get_ref<greenapply::json::object_t&>();
  // In key order: each member is appended (greenapply::json keeps members sorted).
  members.emplace("message_key", issue.message_key);
  members.emplace("params", issue.params);
  members.emplace("pointer", issue.location);
  members.emplace("severity", to_string(issue.severity));
  // The optional parts only when the producer set them, so most records stay four members.
  if (!issue.file.empty()) members.emplace("file", issue.file);
  if (issue.line != 0) {
    members.emplace("line", issue.line);
    members.emplace("column", issue.column);
  }
  return out;
}

}  // namespace greenapply
