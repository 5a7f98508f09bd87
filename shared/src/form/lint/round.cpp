// Lint rule 6. the organiser's round pointers, and the submission address and window.
#include "linter.hpp"

namespace greenapply::form::lint_rules {

// 6. placeholders and the window
// The organiser's round reads form.json's applicant_id and track (greenapply/round.hpp); a
// wrong pointer would silently group nobody or count no track. Checked here, not at load, so
// the applicant's page does not carry a check only the organiser needs.
void Linter::round_pointers() {
  const json& form = doc("form");
  const SchemaTypes types(doc("data_schema"), &doc("common_schemas"));
  auto check = [&](const json& p, const std::string& where) {
    if (p.is_string() && !types.find_pointer(p.get<std::string>()))
      problem("form.json", where, "package.unknown_field", {{"pointer", p}});
  };
  if (form.contains("applicant_id") && form["applicant_id"].is_array()) {
    for (std::size_t i = 0; i < form["applicant_id"].size(); ++i)
      check(form["applicant_id"][i], "/applicant_id/" + std::to_string(i));
  } else if (form.contains("applicant_id")) {
    check(form["applicant_id"], "/applicant_id");
  }
  if (form.contains("track")) check(form["track"], "/track");
}

void Linter::submission(const PackageData& d) {
  const json& form = doc("form");
  const std::string to = form.contains("submission") ? form["submission"].value("to", std::string()) : "";
  if (to.empty()) {
    problem("form.json", "/submission/to", "lint.no_address");
  } else {
    const auto at = to.rfind('@');
    const std::string domain = at == std::string::npos ? to : to.substr(at + 1);
    auto ends_with = [&](const std::string& s) {
      return domain.size() >= s.size() && domain.compare(domain.size() - s.size(), s.size(), s) == 0;
    };
    if (ends_with(".example") || domain == "example.com" || domain == "example.org" || domain == "example.net" ||
        ends_with(".invalid") || ends_with(".test"))
      problem("form.json", "/submission/to", "lint.placeholder_address", {{"address", to}}, Severity::warning);
  }
  (void)d;
}

}  // namespace greenapply::form::lint_rules
