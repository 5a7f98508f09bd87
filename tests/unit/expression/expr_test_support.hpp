// A tiny world for expression tests: a schema-like type map and a JSON document of answers.
#pragma once

#include <map>

#include "greenapply/expression.hpp"

namespace greenapply::expr::testing {

inline const greenapply::json& answers() {
  static const greenapply::json a = greenapply::json::parse(R"({
    "company": {"founding_date": "2020-05-01", "employees": 40, "rd_staff": 12, "name": "北京青岚储能",
                "qualifications": ["hnte", "sti_sme"], "listed": false},
    "technology": {"trl": 7, "kpi_improvement_pct": 25},
    "team": {"core_team": [{"name": "a", "full_time": true, "years": 12, "roles": ["technology", "business"]},
                           {"name": "b", "full_time": true, "years": 3, "roles": ["finance"]},
                           {"name": "c", "full_time": false, "years": 1, "roles": ["technology"]}],
             "shareholders": [{"type": "founder", "pct": 40}, {"type": "founder", "pct": 20}, {"type": "institution", "pct": 40}]}
  })");
  return a;
}

inline std::optional<Type> type_env(const std::vector<std::string>& p) {
  static const std::map<std::vector<std::string>, Type> types = {
      {{"company", "founding_date"}, Type::date}, {{"company", "employees"}, Type::number},
      {{"company", "rd_staff"}, Type::number},   {{"company", "name"}, Type::string},
      {{"company", "qualifications"}, Type::list}, {{"company", "listed"}, Type::boolean},
      {{"technology", "trl"}, Type::number},     {{"technology", "kpi_improvement_pct"}, Type::number},
      {{"team", "core_team"}, Type::list},       {{"team", "core_team", "[]", "full_time"}, Type::boolean},
      {{"team", "core_team", "[]", "years"}, Type::number}, {{"team", "core_team", "[]", "name"}, Type::string},
      {{"team", "core_team", "[]", "roles"}, Type::list},  {{"team", "shareholders"}, Type::list},
      {{"team", "shareholders", "[]", "type"}, Type::string}, {{"team", "shareholders", "[]", "pct"}, Type::number},
      {{"round", "deadline"}, Type::date},       {{"missing", "x"}, Type::number}, {{"missing", "list"}, Type::list},
      {{"missing", "text"}, Type::string}};
  const auto it = types.find(p);
  if (it == types.end()) return std::nullopt;
  return it->second;
}

inline Value resolve(const std::vector<std::string>& p) {
  if (p == std::vector<std::string>{"round", "deadline"}) return Value::date(19477);  // 2023-04-30
  const greenapply::json* node = &answers();
  for (const auto& step : p) {
    if (!node->is_object() || !node->contains(step)) return Value();
    node = &(*node)[step];
  }
  if (p == std::vector<std::string>{"company", "founding_date"}) return Value::date(18383);  // 2020-05-01
  return Value::borrow(*node);
}

inline Value run(const std::string& text) {
  return evaluate(Program::compile(text, type_env), resolve);
}

inline Issue parse_error(const std::string& text) {
  try {
    Program::compile(text, type_env);
  } catch (const ParseError& e) {
    return e.issue();
  }
  return Issue{};
}

}  // namespace greenapply::expr::testing
