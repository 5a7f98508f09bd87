// Lint rule 1. every file of the package against its definition in form-package.schema.json.
#include "linter.hpp"
#include "greenapply/json_schema.hpp"

namespace greenapply::form::lint_rules {

// 1. every file against its definition in form-package.schema.json
void Linter::format(const json& package_schema) {
  static const std::pair<const char*, const char*> kFiles[] = {
      {"form", "form.json"}, {"layout", "layout.json"}, {"rules", "rules.json"},
      {"eligibility", "eligibility.json"}, {"rubric", "rubric.json"}, {"match", "match.json"}};
  json_schema::Validator::compile(package_schema);  // throws when the package schema itself is broken
  for (const auto& [part, file] : kFiles) {
    if (!b_.contains(part)) continue;
    json wrapper = package_schema;
    wrapper["$ref"] = std::string("#/$defs/") + part;
    check_against(wrapper, b_[part], file);
  }
  if (b_.contains("i18n") && b_["i18n"].is_object()) {
    for (const auto& [lang, table] : b_["i18n"].items()) {
      json wrapper = package_schema;
      wrapper["$ref"] = "#/$defs/i18n";
      check_against(wrapper, table, "i18n/" + lang + ".json");
    }
  }
  if (b_.contains("examples") && b_["examples"].is_array()) {
    for (const auto& ex : b_["examples"]) {
      json wrapper = package_schema;
      wrapper["$ref"] = "#/$defs/example";
      check_against(wrapper, ex.value("content", json()), ex.value("file", std::string("example")));
    }
  }
}

void Linter::check_against(const json& schema, const json& instance, const std::string& file) {
  try {
    const auto v = json_schema::Validator::compile(schema);
    for (const auto& issue : v.validate(instance)) {
      json params = issue.params;
      params["keyword"] = issue.keyword_location;
      problem(file, issue.location, issue.message_key, params);
    }
  } catch (const json_schema::SchemaError& e) {
    problem("form-package.schema.json", e.issue().absolute_keyword_location, e.issue().message_key);
  }
}

}  // namespace greenapply::form::lint_rules
