// lint(): everything CI checks about a form package before an applicant ever sees it. The
// rules are in lint/, one file per family of checks; this runs them in order.
#include <optional>

#include "greenapply/json_schema.hpp"
#include "lint/linter.hpp"
#include "texts.hpp"

namespace greenapply::form {

using greenapply::json;
using lint_rules::in_file;

std::vector<Issue> lint(const json& bundle, const json* package_schema) {
  std::vector<Issue> out;
  lint_rules::Linter linter(bundle, out);
  try {
    if (package_schema) linter.format(*package_schema);
  } catch (const json_schema::SchemaError& e) {
    out.push_back(in_file("form-package.schema.json", e.issue().absolute_keyword_location, e.issue().message_key, {}, Severity::error));
  }
  linter.metaschema();
  std::optional<FormPackage> pkg;
  try {
    pkg = FormPackage::load(bundle);
    for (const auto& w : pkg->warnings()) out.push_back(w);
  } catch (const PackageError& e) {
    out.insert(out.end(), e.issues.begin(), e.issues.end());
    return out;  // without a compiled package the remaining checks have nothing to read
  }
  const PackageData& d = pkg->data();
  linter.texts(d);
  linter.chinese_texts();
  linter.error_texts();
  linter.structure(d);
  linter.rubric(d);
  linter.submission(d);
  linter.round_pointers();
  linter.examples(*pkg);
  return out;
}

std::string describe(const Issue& p, const json& common_i18n) { return describe(p, common_i18n, "en"); }

std::string describe(const Issue& p, const json& common_i18n, const std::string& lang) {
  return Texts(nullptr, &common_i18n, lang).text(p.message_key, p.params);
}

}  // namespace greenapply::form
