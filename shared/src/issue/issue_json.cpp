#include "greenapply/issue_json.hpp"

namespace greenapply {

nlohmann::json to_json(const Issue& issue) {
  nlohmann::json out = nlohmann::json::object();
  auto& members = out.get_ref<nlohmann::json::object_t&>();
  members.emplace("pointer", issue.location);
  members.emplace("message_key", issue.message_key);
  members.emplace("params", issue.params);
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
