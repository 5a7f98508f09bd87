// Matcher::score and Matcher::rank: the weighted total over applicable components, and the
// ranking of many technologies for one need, best first.
#include <algorithm>

#include "matcher_data.hpp"

namespace greenapply::match {

using greenapply::json;

const json& answers_of(const json& document) {
  // An application package ({"format", "package", "answers", …}) or a worked example
  // ({"answers", "expected", …}) carries its answers; anything else is bare answers.
  if (document.is_object() && document.contains("answers") && document["answers"].is_object() &&
      (document.contains("package") || document.contains("expected")))
    return document["answers"];
  return document;
}

namespace {
const char* kind_name(Kind k) {
  switch (k) {
    case Kind::taxonomy: return "taxonomy";
    case Kind::at_least: return "at_least";
    case Kind::mapped: return "mapped";
    case Kind::member: return "member";
    case Kind::keywords: return "keywords";
  }
  return "";
}

bool answers_any_of(const json& answers, const std::vector<json::json_pointer>& pointers) {
  for (const auto& p : pointers) {
    if (!value_at(answers, p).is_null()) return true;
  }
  return false;
}

// Which form made a document: its application package's id, or "" for bare answers.
std::string form_of(const json& document) {
  if (!document.is_object() || document.value("format", json()) != "greenapply-application") return "";
  const json& pkg = document.value("package", json::object());
  return pkg.is_object() && pkg.contains("id") && pkg["id"].is_string() ? pkg["id"].get<std::string>() : "";
}
}  // namespace

json Matcher::score(const json& need, const json& technology) const {
  json components = json::array();
  double sum = 0, weights = 0;
  bool informed = false;  // did any component compare something the need actually says?
  for (const auto& c : d_->components) {
    const ComponentResult r = evaluate_component(c, need, technology);
    informed |= r.applicable && !r.uninformed;
    json out = {{"id", c.id}, {"kind", kind_name(c.kind)}, {"weight", output_number(c.weight)}, {"applicable", r.applicable}};
    if (r.applicable) {
      sum += c.weight * r.fraction;
      weights += c.weight;
      out["fraction"] = output_number(round_to(r.fraction, 4));
      out["points"] = output_number(round_to(c.weight * r.fraction, 2));
    }
    out["detail"] = r.detail;
    components.push_back(std::move(out));
  }
  return {{"score", informed ? output_number(round_to(100 * sum / weights, 2)) : json()}, {"components", components}};
}

json Matcher::rank(const json& need_document, const json& technologies) const {
  const json& need = answers_of(need_document);
  std::vector<json> good, bad;
  if (technologies.is_array()) {
    for (std::size_t i = 0; i < technologies.size(); ++i) {
      const json& doc = technologies[i];
      const std::string form = form_of(doc);
      const json& answers = answers_of(doc);
      if (!answers.is_object() || !answers_any_of(answers, d_->technology_fields)) {
        // Not an object, or bare answers of some other form (none of the fields a technology has).
        bad.push_back({{"index", i}, {"problem", "match.not_answers"}});
      } else if (!form.empty() && form != d_->technology_form) {
        bad.push_back({{"index", i}, {"problem", "match.wrong_form"}, {"form", form}});
      } else {
        json r = score(need, answers);
        r["index"] = i;
        r["title"] = value_at(answers, d_->technology_title);
        r["owner"] = value_at(answers, d_->technology_owner);
        good.push_back(std::move(r));
      }
    }
  }
  // Best first; an unscorable technology (no applicable component) after every scored one;
  // ties keep the order given (stable sort), so the ranking is reproducible.
  std::stable_sort(good.begin(), good.end(), [](const json& a, const json& b) {
    if (a["score"].is_null() != b["score"].is_null()) return b["score"].is_null();
    return !a["score"].is_null() && a["score"].get<double>() > b["score"].get<double>();
  });
  json out = json::array();
  for (auto& g : good) out.push_back(std::move(g));
  for (auto& b : bad) out.push_back(std::move(b));
  return out;
}

}  // namespace greenapply::match
