// The five component kinds of a match spec (greenapply/match.hpp documents each rule). Every
// component reports what it saw in "detail", so a seeker can see why a technology scored so.
#include <algorithm>

#include "matcher_data.hpp"

namespace greenapply::match {

using greenapply::json;

const json& value_at(const json& doc, const json::json_pointer& p) {
  static const json kNull;
  // contains() never throws on a pointer whose tokens do not fit the document (e.g. "/a/b"
  // into a string), unlike at(); a pointer that is absent is simply "not answered".
  try {
    return doc.contains(p) ? doc.at(p) : kNull;
  } catch (const json::exception&) {
    return kNull;
  }
}

namespace {

// The strings of a value: itself, or the string elements of a list.
std::vector<std::string> strings_of(const json& v) {
  std::vector<std::string> out;
  if (v.is_string()) out.push_back(v.get<std::string>());
  if (v.is_array()) {
    for (const auto& e : v) {
      if (e.is_string()) out.push_back(e.get<std::string>());
    }
  }
  return out;
}

std::string lower_ascii(std::string s) {
  for (auto& ch : s) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  return s;
}

std::string group_of(const std::string& code) { return code.substr(0, code.find('.')); }

ComponentResult taxonomy(const Component& c, const json& need, const json& tech) {
  ComponentResult r;
  const auto wanted = strings_of(value_at(need, c.need[0]));
  if (wanted.empty()) return r;
  std::vector<std::string> offered;
  for (const auto& p : c.technology) {
    for (auto& s : strings_of(value_at(tech, p))) offered.push_back(std::move(s));
  }
  json exact = json::array(), related = json::array(), missing = json::array();
  double sum = 0;
  for (const auto& code : wanted) {
    if (std::find(offered.begin(), offered.end(), code) != offered.end()) {
      sum += 1;
      exact.push_back(code);
    } else if (!c.groups_without_credit.count(group_of(code)) &&
               std::any_of(offered.begin(), offered.end(), [&](const std::string& o) { return group_of(o) == group_of(code); })) {
      sum += c.group_credit;
      related.push_back(code);
    } else {
      missing.push_back(code);
    }
  }
  r.applicable = true;
  r.fraction = sum / static_cast<double>(wanted.size());
  r.detail = {{"exact", exact}, {"same_group", related}, {"missing", missing}};
  return r;
}

ComponentResult at_least(const Component& c, const json& need, const json& tech) {
  ComponentResult r;
  r.applicable = true;
  const json& n = value_at(need, c.need[0]);
  const json& t = value_at(tech, c.technology[0]);
  r.detail = {{"need", n}, {"technology", t}};
  if (!n.is_number()) {
    r.fraction = 1;
    r.uninformed = true;
    r.detail["reason"] = "no_minimum";
  } else if (!t.is_number()) {
    r.fraction = 0;
    r.detail["reason"] = "technology_silent";
  } else {
    const double gap = n.get<double>() - t.get<double>();
    r.fraction = gap <= 0 ? 1 : std::max(0.0, 1 - gap / c.levels_to_zero);
    r.detail["reason"] = gap <= 0 ? "meets" : "below";
  }
  return r;
}

ComponentResult mapped(const Component& c, const json& need, const json& tech) {
  ComponentResult r;
  std::vector<std::string> targets;
  for (const auto& v : strings_of(value_at(need, c.need[0]))) {
    const auto it = c.map.find(v);
    if (it != c.map.end()) targets.insert(targets.end(), it->second.begin(), it->second.end());
  }
  if (targets.empty()) return r;  // no need value, or one the map does not cover
  json hits = json::array();
  for (const auto& p : c.technology) {
    for (const auto& v : strings_of(value_at(tech, p))) {
      if (std::find(targets.begin(), targets.end(), v) != targets.end() && std::find(hits.begin(), hits.end(), v) == hits.end())
        hits.push_back(v);
    }
  }
  r.applicable = true;
  r.fraction = hits.empty() ? 0 : 1;
  r.detail = {{"looked_for", targets}, {"found", hits}};
  return r;
}

ComponentResult member(const Component& c, const json& need, const json& tech) {
  ComponentResult r;
  const json& n = value_at(need, c.need[0]);
  if (!n.is_string() && !n.is_number()) return r;
  r.applicable = true;
  for (const auto& p : c.technology) {
    const json& v = value_at(tech, p);
    if (v == n || (v.is_array() && std::find(v.begin(), v.end(), n) != v.end())) r.fraction = 1;
  }
  r.detail = {{"need", n}};
  return r;
}

// ASCII words of at least four letters (digits allowed after the first letter), lower-cased.
std::vector<std::string> ascii_words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 4) out.push_back(lower_ascii(word));
    word.clear();
  };
  for (const char ch : text) {
    const bool letter = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
    const bool digit = ch >= '0' && ch <= '9';
    if (letter || (digit && !word.empty()) || (ch == '-' && !word.empty())) {
      word += ch;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

ComponentResult keywords(const Component& c, const json& need, const json& tech) {
  ComponentResult r;
  std::vector<std::string> terms;
  auto add = [&](std::string t) {
    const auto first = t.find_first_not_of(' '), last = t.find_last_not_of(' ');
    t = first == std::string::npos ? std::string() : lower_ascii(t.substr(first, last - first + 1));
    if (t.empty() || c.ignore.count(t) || std::find(terms.begin(), terms.end(), t) != terms.end()) return;
    terms.push_back(std::move(t));
  };
  for (const auto& p : c.need) {
    for (auto& s : strings_of(value_at(need, p))) add(std::move(s));
  }
  for (const auto& p : c.need_text) {
    for (const auto& s : strings_of(value_at(need, p))) {
      for (auto& w : ascii_words(s)) add(std::move(w));
    }
  }
  if (terms.empty()) return r;
  std::string text;
  for (const auto& p : c.technology) {
    for (const auto& s : strings_of(value_at(tech, p))) text += lower_ascii(s) + "\n";
  }
  json found = json::array(), not_found = json::array();
  for (const auto& t : terms) (text.find(t) != std::string::npos ? found : not_found).push_back(t);
  r.applicable = true;
  const double enough = static_cast<double>(std::min(c.enough, terms.size()));
  r.fraction = std::min(1.0, static_cast<double>(found.size()) / enough);
  r.detail = {{"found", found}, {"not_found", not_found}};
  return r;
}

}  // namespace

ComponentResult evaluate_component(const Component& c, const json& need, const json& tech) {
  switch (c.kind) {
    case Kind::taxonomy: return taxonomy(c, need, tech);
    case Kind::at_least: return at_least(c, need, tech);
    case Kind::mapped: return mapped(c, need, tech);
    case Kind::member: return member(c, need, tech);
    case Kind::keywords: return keywords(c, need, tech);
  }
  return {};
}

}  // namespace greenapply::match
