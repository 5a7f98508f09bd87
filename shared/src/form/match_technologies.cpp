// match_technologies / match_submitted: the need form's matcher, fed with the need's submitted
// answers and labelled in the applicant's language, so the page and `greenapply match` print the
// same.
#include <stdexcept>

#include "package_data.hpp"
#include "texts.hpp"

namespace greenapply::form {

using greenapply::json;

bool has_matcher(const FormPackage& package) { return package.data().matcher.has_value(); }

json match_technologies(const FormPackage& package, const json& need_answers, const json& technologies,
                        std::string_view now, std::string_view lang) {
  if (!package.data().matcher) throw std::invalid_argument("this form has no match.json: it is not a need form");
  // The need as it would be submitted: hidden answers never count (evaluate checks now and lang).
  const json ev = evaluate(package, need_answers, now, lang);
  return match_submitted(package, ev["submitted"], technologies, lang);
}

// The page calls this with the submitted answers of the evaluation it has just made, so the need
// is pruned once per keystroke; match_technologies (the CLI, the tests) is evaluate + this.
json match_submitted(const FormPackage& package, const json& submitted, const json& technologies,
                     std::string_view lang) {
  const PackageData& d = package.data();
  if (!d.matcher) throw std::invalid_argument("this form has no match.json: it is not a need form");
  if (lang != "en" && lang != "zh") throw std::invalid_argument("lang must be en or zh");
  const Texts texts(d.bundle.contains("i18n") ? &d.bundle["i18n"] : nullptr,
                    d.bundle.contains("common_i18n") ? &d.bundle["common_i18n"] : nullptr, std::string(lang));
  json components = json::array();
  const json& spec = d.bundle["match"]["components"];
  for (const auto& c : spec) {
    const std::string id = c["id"].get<std::string>();
    components.push_back({{"id", id}, {"kind", c["kind"]}, {"weight", c["weight"]},
                          {"title", texts.text("match." + id + ".title")},
                          {"explain", texts.text("match." + id + ".explain")}});
  }
  json need_title;
  try {
    need_title = submitted.at(json::json_pointer(d.bundle["match"]["need_title"].get<std::string>()));
  } catch (const json::exception&) {
  }
  return {{"technology_form", d.matcher->technology_form()},
          {"need_title", need_title},
          {"components", components},
          {"results", d.matcher->rank(submitted, technologies)}};
}

}  // namespace greenapply::form
