#include "greenapply/digest.hpp"
#include "greenapply/form.hpp"

namespace greenapply::form {

using greenapply::json;

json self_assessment_of(const json& ev) {
  json reasons = json::array();
  for (const auto& r : ev["eligibility"]["reasons"]) reasons.push_back(r["id"]);
  // Counted as "valid" and the page count them: errors block, warnings only advise.
  std::size_t errors = 0, warnings = 0;
  for (const auto& e : ev["errors"]) (e.value("severity", "error") == "error" ? errors : warnings)++;
  json out = {{"valid", ev["valid"]},
              {"error_count", errors},
              {"warning_count", warnings},
              {"eligibility", {{"verdict", ev["eligibility"]["verdict"]},
                               {"window", ev["eligibility"]["window"]},
                               {"reasons", std::move(reasons)}}}};
  if (ev["score"].is_object()) {
    json dims = json::object();
    for (const auto& d : ev["score"]["dimensions"]) dims[d["id"].get<std::string>()] = d["score"];
    out["score"] = {{"total", ev["score"]["total"]}, {"band", ev["score"]["band"]}, {"dimensions", std::move(dims)}};
    // Indicators beside the total (not part of it): only when the form has one, so the
    // packages of the other forms keep their shape.
    if (ev["score"].contains("indicators") && !ev["score"]["indicators"].empty()) {
      json ind = json::object();
      for (const auto& d : ev["score"]["indicators"]) ind[d["id"].get<std::string>()] = d["score"];
      out["score"]["indicators"] = std::move(ind);
    }
  } else {
    out["score"] = nullptr;
  }
  return out;
}

json make_application_package(const FormPackage& package, const json& answers, std::string_view now,
                              std::string_view lang) {
  json ev = evaluate(package, answers, now, lang);
  json out = json::object();
  out["format"] = "greenapply-application";
  out["format_version"] = 1;
  out["package"] = {{"id", package.id()}, {"version", package.version()}};
  out["engine"] = GREENAPPLY_VERSION;
  out["created"] = std::string(now);
  out["lang"] = std::string(lang);
  out["applicant_name"] = ev["applicant_name"];
  out["answers_sha256"] = sha256_hex(canonical_json(ev["submitted"]));
  out["self_assessment"] = self_assessment_of(ev);
  out["answers"] = std::move(ev["submitted"]);
  return out;
}

}  // namespace greenapply::form
