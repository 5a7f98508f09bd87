// Lint rule 4. the layout covers the schema, and nothing required can be hidden.
#include <algorithm>
#include <set>

#include "linter.hpp"
#include "../pointer.hpp"

namespace greenapply::form::lint_rules {

// 4. layout covers the schema; nothing required can be hidden
void Linter::structure(const PackageData& d) {
  std::set<std::string> laid_out;
  for (const auto& f : d.fields) {
    if (!f.pointer.empty()) laid_out.insert(f.pointer);
  }
  const json& schema = doc("data_schema");
  const SchemaTypes types(schema, &doc("common_schemas"));
  // every leaf field of every section appears in the layout (warning: it cannot be filled)
  if (schema.contains("properties")) {
    for (const auto& [section, sub] : schema["properties"].items()) {
      const json* s = types.find({section});
      if (!s || !s->contains("properties")) continue;
      for (const auto& [field, fs] : (*s)["properties"].items()) {
        const std::string p = "/" + escape_token(section) + "/" + escape_token(field);
        if (!laid_out.count(p))
          problem("layout.json", "/sections", "lint.field_not_in_layout", {{"pointer", p}}, Severity::warning);
      }
    }
  }
  // a field that visibility can hide must not be unconditionally required by the schema
  for (const auto& v : d.visibility) {
    auto tokens = split_pointer(v.target);
    if (tokens.empty()) continue;
    const std::string name = tokens.back();
    tokens.pop_back();
    std::vector<std::string> path;
    for (const auto& t : tokens) path.push_back(t == "*" ? "[]" : t);
    const json* parent = path.empty() ? &schema : types.find(path);
    if (!parent) continue;
    const auto req = parent->find("required");
    if (req != parent->end() && req->is_array() &&
        std::find(req->begin(), req->end(), name) != req->end())
      problem("rules.json", "/visibility", "lint.required_but_hideable", {{"pointer", v.target}});
  }
}

}  // namespace greenapply::form::lint_rules
