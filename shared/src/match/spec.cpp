// Matcher::load — checks a match spec once (kinds, weights, pointers, maps) so scoring never
// meets a malformed spec; every problem names its place in match.json.

#include "matcher_data.hpp"

namespace greenapply::match {

using greenapply::json;

SpecError::SpecError(std::string where, std::string key, json p)
    : Failure("match.json" + where + ": " + key, Issue{std::move(where), std::move(key), std::move(p)}) {}

namespace {

json::json_pointer pointer_at(const json& v, const std::string& where) {
  if (!v.is_string() || v.get_ref<const std::string&>().empty() || v.get_ref<const std::string&>()[0] != '/')
    throw SpecError(where, "match.bad_pointer");
  try {
    return json::json_pointer(v.get<std::string>());
  } catch (const json::exception&) {
    throw SpecError(where, "match.bad_pointer");
  }
}

// One pointer or a list of them.
std::vector<json::json_pointer> pointers_at(const json& v, const std::string& where) {
  std::vector<json::json_pointer> out;
  if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) out.push_back(pointer_at(v[i], where + "/" + std::to_string(i)));
    if (out.empty()) throw SpecError(where, "match.bad_pointer");
  } else {
    out.push_back(pointer_at(v, where));
  }
  return out;
}

std::set<std::string> strings_at(const json& c, const char* key, const std::string& where) {
  std::set<std::string> out;
  if (!c.contains(key)) return out;
  if (!c[key].is_array()) throw SpecError(where + "/" + key, "match.bad_list");
  for (const auto& s : c[key]) {
    if (!s.is_string()) throw SpecError(where + "/" + key, "match.bad_list");
    out.insert(s.get<std::string>());
  }
  return out;
}

double number_in(const json& c, const char* key, double fallback, double lo, double hi, const std::string& where) {
  if (!c.contains(key)) return fallback;
  if (!c[key].is_number() || !(c[key].get<double>() >= lo && c[key].get<double>() <= hi))
    throw SpecError(where + "/" + key, "match.bad_number", {{"min", lo}, {"max", hi}});
  return c[key].get<double>();
}

Kind kind_of(const json& v, const std::string& where) {
  static const std::pair<const char*, Kind> kKinds[] = {{"taxonomy", Kind::taxonomy}, {"at_least", Kind::at_least},
                                                        {"mapped", Kind::mapped},     {"member", Kind::member},
                                                        {"keywords", Kind::keywords}};
  for (const auto& [name, kind] : kKinds) {
    if (v == name) return kind;
  }
  throw SpecError(where, "match.unknown_kind", {{"kind", v.is_string() ? v.get<std::string>() : v.dump()}});
}

Component component(const json& c, const std::string& where) {
  if (!c.is_object()) throw SpecError(where, "match.bad_component");
  Component k;
  if (!c.contains("id") || !c["id"].is_string() || c["id"].get<std::string>().empty())
    throw SpecError(where + "/id", "match.bad_id");
  k.id = c["id"].get<std::string>();
  k.kind = kind_of(c.value("kind", json()), where + "/kind");
  k.weight = number_in(c, "weight", -1, 0, 100, where);
  if (k.weight <= 0) throw SpecError(where + "/weight", "match.bad_number", {{"min", 0}, {"max", 100}});
  if (!c.contains("technology")) throw SpecError(where + "/technology", "match.bad_pointer");
  k.technology = pointers_at(c["technology"], where + "/technology");
  if (k.kind == Kind::keywords) {
    if (c.contains("need_terms")) k.need = pointers_at(c["need_terms"], where + "/need_terms");
    if (c.contains("need_text")) k.need_text = pointers_at(c["need_text"], where + "/need_text");
    if (k.need.empty() && k.need_text.empty()) throw SpecError(where + "/need_terms", "match.bad_pointer");
    k.enough = static_cast<std::size_t>(number_in(c, "enough", 5, 1, 1000, where));
    for (const auto& w : strings_at(c, "ignore", where)) {
      std::string lower = w;
      for (auto& ch : lower) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
      k.ignore.insert(lower);
    }
    return k;
  }
  if (!c.contains("need")) throw SpecError(where + "/need", "match.bad_pointer");
  k.need = {pointer_at(c["need"], where + "/need")};
  if (k.kind == Kind::taxonomy) {
    k.group_credit = number_in(c, "group_credit", 0.5, 0, 1, where);
    k.groups_without_credit = strings_at(c, "groups_without_credit", where);
  } else if (k.kind == Kind::at_least) {
    k.levels_to_zero = number_in(c, "levels_to_zero", 3, 1e-9, 1e9, where);
  } else if (k.kind == Kind::mapped) {
    if (!c.contains("map") || !c["map"].is_object() || c["map"].empty()) throw SpecError(where + "/map", "match.bad_map");
    for (const auto& [from, to] : c["map"].items()) {
      const std::string at = where + "/map/" + from;
      if (!to.is_array()) throw SpecError(at, "match.bad_map");
      auto& list = k.map[from];
      for (const auto& v : to) {
        if (!v.is_string()) throw SpecError(at, "match.bad_map");
        list.push_back(v.get<std::string>());
      }
    }
  }
  return k;
}

}  // namespace

Matcher Matcher::load(const json& spec) {
  if (!spec.is_object()) throw SpecError("", "match.not_object");
  auto d = std::make_shared<MatcherData>();
  if (!spec.contains("technology_form") || !spec["technology_form"].is_string())
    throw SpecError("/technology_form", "match.bad_id");
  d->technology_form = spec["technology_form"].get<std::string>();
  for (const char* key : {"need_title", "technology_title", "technology_owner"}) {
    if (!spec.contains(key)) throw SpecError(std::string("/") + key, "match.bad_pointer");
  }
  d->need_title = pointer_at(spec["need_title"], "/need_title");
  d->technology_title = pointer_at(spec["technology_title"], "/technology_title");
  d->technology_owner = pointer_at(spec["technology_owner"], "/technology_owner");
  if (!spec.contains("components") || !spec["components"].is_array() || spec["components"].empty())
    throw SpecError("/components", "match.no_components");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < spec["components"].size(); ++i) {
    const std::string where = "/components/" + std::to_string(i);
    d->components.push_back(component(spec["components"][i], where));
    if (!ids.insert(d->components.back().id).second)
      throw SpecError(where + "/id", "match.duplicate_id", {{"id", d->components.back().id}});
  }
  d->technology_fields = {d->technology_title, d->technology_owner};
  for (const auto& c : d->components) d->technology_fields.insert(d->technology_fields.end(), c.technology.begin(), c.technology.end());
  return Matcher(std::move(d));
}

const std::string& Matcher::technology_form() const { return d_->technology_form; }

std::vector<std::string> Matcher::need_pointers() const {
  std::vector<std::string> out{d_->need_title.to_string()};
  for (const auto& c : d_->components) {
    for (const auto& p : c.need) out.push_back(p.to_string());
    for (const auto& p : c.need_text) out.push_back(p.to_string());
  }
  return out;
}

std::vector<std::string> Matcher::technology_pointers() const {
  std::vector<std::string> out;
  for (const auto& p : d_->technology_fields) out.push_back(p.to_string());
  return out;
}

std::vector<std::string> Matcher::component_ids() const {
  std::vector<std::string> out;
  for (const auto& c : d_->components) out.push_back(c.id);
  return out;
}

}  // namespace greenapply::match
