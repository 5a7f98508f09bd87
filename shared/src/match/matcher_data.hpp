// The compiled form of a match spec (greenapply/match.hpp), shared by spec.cpp, components.cpp
// and rank.cpp.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/match.hpp"
#include "greenapply/output_number.hpp"

namespace greenapply::match {

enum class Kind { taxonomy, at_least, mapped, member, keywords };

struct Component {
  std::string id;
  Kind kind = Kind::taxonomy;
  double weight = 0;
  std::vector<greenapply::json::json_pointer> need;        // taxonomy/at_least/mapped/member: one
  std::vector<greenapply::json::json_pointer> need_text;   // keywords: words taken from these
  std::vector<greenapply::json::json_pointer> technology;
  double group_credit = 0.5;
  std::set<std::string> groups_without_credit;
  double levels_to_zero = 3;
  std::map<std::string, std::vector<std::string>> map;
  std::size_t enough = 5;
  std::set<std::string> ignore;
};

struct MatcherData {
  std::string technology_form;
  greenapply::json::json_pointer need_title, technology_title, technology_owner;
  std::vector<Component> components;
  // Every technology-side pointer (title, owner, every component's), gathered once at load:
  // an entry with none of them is not a technology.
  std::vector<greenapply::json::json_pointer> technology_fields;
};

// A component's verdict: fraction in 0…1 or not applicable, with what it saw.
struct ComponentResult {
  bool applicable = false;
  bool uninformed = false;  // applicable only by default (at_least without a minimum)
  double fraction = 0;
  greenapply::json detail = greenapply::json::object();
};

ComponentResult evaluate_component(const Component& c, const greenapply::json& need, const greenapply::json& technology);

// The value at a pointer, or null when absent.
const greenapply::json& value_at(const greenapply::json& doc, const greenapply::json::json_pointer& p);

using greenapply::output_number;  // greenapply/output_number.hpp: one rule for every reported number
using greenapply::round_to;

}  // namespace greenapply::match
