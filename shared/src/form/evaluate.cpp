// evaluate(): the one entry point the page and the CLI share. Order matters and is the
// semantics of "shown, required, submitted, scored":
//   1. visibility rules prune hidden fields from a copy of the answers → the submitted data;
//   2. the data schema validates the submitted data (a hidden field cannot error);
//   3. computed values, then cross-field constraints, run on the submitted data;
//   4. eligibility and the self-score read the submitted data too (a hidden field cannot score).
#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "evaluation.hpp"
#include "scope.hpp"
#include "package_data.hpp"
#include "pointer.hpp"
#include "schema_types.hpp"
#include "texts.hpp"
#include "value_bridge.hpp"

namespace greenapply::form {

using greenapply::json;

namespace {

// "/team/core_team" + item 3 + "/team/core_team/*/name" → "/team/core_team/3/name"
std::string bind_item(const std::string& pattern, const std::string& list_pointer) {
  const auto star = pattern.find("/*");
  return list_pointer + (star == std::string::npos ? "" : pattern.substr(star + 2));
}

// Calls fn(concrete_list_pointer_or_empty, item_value_or_null) for a top-level rule once, and
// for an item-level rule once per item of the repeat group.
template <class Fn>
void for_each_scope(const json& submitted, const Scoped& scope, Fn fn) {
  if (scope.list_pattern.empty()) {
    fn(std::string(), nullptr);
    return;
  }
  // The list is looked up again for each item: fn may erase a hidden answer, and erasing a
  // member of an object moves the members after it (greenapply::json keeps them in a vector),
  // the list itself among them when it is one.
  for (std::size_t k = 0;; ++k) {
    const json* list = find_at(submitted, scope.list_pattern);
    if (!list || !list->is_array() || k >= list->size()) return;
    const expr::Value item = expr::Value::view((*list)[k]);
    fn(scope.list_pattern + "/" + std::to_string(k), &item);
  }
}

std::string required_child(const Issue& issue) {
  if (issue.message_key == "schema.required" && issue.params.contains("property") &&
      issue.params["property"].is_string())
    return issue.location + "/" + escape_token(issue.params["property"].get<std::string>());
  return issue.location;
}

}  // namespace

json evaluate(const FormPackage& package, json answers, std::string_view now_text,
              std::string_view lang_text, Detail detail) {
  const PackageData& d = package.data();
  const auto now = parse_instant(now_text);
  if (!now) throw std::invalid_argument("now must be an RFC 3339 date-time with an offset");
  const std::string lang(lang_text);
  if (lang != "en" && lang != "zh") throw std::invalid_argument("lang must be en or zh");
  const Texts texts(d.bundle.contains("i18n") ? &d.bundle["i18n"] : nullptr,
                    d.bundle.contains("common_i18n") ? &d.bundle["common_i18n"] : nullptr, lang);

  const bool full = detail == Detail::full;
  Evaluation ev(d, texts, full);
  // The answers become the submitted data in place (the caller's copy, or its temporary moved in).
  const bool answers_object = answers.is_object();
  json submitted = answers_object ? std::move(answers) : json::object();
  if (!answers_object) ev.add_issue("", "answers.not_object", json::object(), Severity::error, "schema");

  // 1. visibility, in rule order: a later rule sees earlier-hidden fields as absent.
  std::vector<std::string> hidden;
  {
    Scope scope(d, submitted, *now);
    for (const auto& v : d.visibility) {
      for_each_scope(submitted, v.scope, [&](const std::string& list_ptr, const expr::Value* it) {
        if (is_true(scope.run(v.when, it))) return;
        const std::string target = list_ptr.empty() ? v.target : bind_item(v.target, list_ptr);
        hidden.push_back(target);
        erase_at(submitted, target);
      });
    }
    if (scope.overrun) ev.add_issue("", "limit.expression_steps", json::object(), Severity::error, "rule");
  }
  std::sort(hidden.begin(), hidden.end());
  hidden.erase(std::unique(hidden.begin(), hidden.end()), hidden.end());
  auto is_hidden = [&](const std::string& p) {
    return std::any_of(hidden.begin(), hidden.end(), [&](const std::string& h) { return is_within(p, h); });
  };

  // Sections are structure, not answers: a section nobody has opened yet is an empty object,
  // so its missing fields are reported one by one at their own pointers, not as one error at
  // the section.
  if (answers_object) {
    for (const auto& section : d.sections) {
      if (!submitted.contains(section.id) && !is_hidden("/" + escape_token(section.id)))
        submitted[section.id] = json::object();
    }
  }

  // 2. the data schema
  if (d.validator) {
    std::vector<Issue> found = d.validator->validate(submitted);
    for (Issue& issue : found) {
      std::string where = required_child(issue);
      if (is_hidden(where)) continue;
      ev.add_issue(std::move(where), std::move(issue.message_key), std::move(issue.params), issue.severity, "schema");
    }
  }

  // 3. computed values, then constraints
  Scope scope(d, submitted, *now);
  for (const auto& c : d.computed) scope.set_calc(c.id, scope.run(c.program));
  for (const auto& c : d.constraints) {
    for_each_scope(submitted, c.scope, [&](const std::string& list_ptr, const expr::Value* it) {
      if (c.when && !is_true(scope.run(*c.when, it))) return;
      // Only a definite "false" fails: an assertion over missing answers is the schema's business.
      if (!is_false(scope.run(c.assertion, it))) return;
      const std::string where = list_ptr.empty() ? c.pointer : bind_item(c.pointer, list_ptr);
      if (is_hidden(where)) return;
      json params = json::object();
      for (const auto& [name, program] : c.params) params[name] = to_output(scope.run(program, it));
      ev.add_issue(where, "rules." + c.id, std::move(params), c.severity, "rule");
    });
  }

  // 4. eligibility and score
  json eligibility = ev.eligibility(scope, *now, submitted);
  json score = ev.score(scope);
  if (scope.overrun) ev.add_issue("", "limit.expression_steps", json::object(), Severity::error, "rule");

  json out = json::object();
  out["engine"] = GREENAPPLY_VERSION;
  out["form"] = {{"id", d.id}, {"version", d.version}};
  out["lang"] = lang;
  out["now"] = std::string(now_text);
  out["valid"] = ev.error_count() == 0;
  out["hidden"] = hidden;
  out["eligibility"] = std::move(eligibility);
  out["score"] = std::move(score);
  out["applicant_name"] = d.applicant_name_pointer.empty() || !find_at(submitted, d.applicant_name_pointer)
                              ? json()
                              : *find_at(submitted, d.applicant_name_pointer);
  if (!full) {
    out["issue_count"] = ev.issue_count();
    out["submitted"] = std::move(submitted);
    return out;
  }
  json computed = json::object();
  for (const auto& [id, value] : scope.calc()) computed[id] = to_output(value);
  out["errors"] = ev.sorted_issues();
  out["computed"] = std::move(computed);
  out["sections"] = ev.sections(submitted, is_hidden);
  // What happens after sending, in the evaluation's language: the page's last step and the
  // e-mail body show these texts as they are, so the programme's steps live in the package.
  json after = {{"contact", d.contact_key.empty() ? json() : json(texts.text(d.contact_key))}, {"steps", json::array()}};
  for (const auto& k : d.next_step_keys) after["steps"].push_back(texts.text(k));
  out["after_sending"] = std::move(after);
  out["submitted"] = std::move(submitted);
  return out;
}

}  // namespace greenapply::form
