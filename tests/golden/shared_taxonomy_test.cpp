// The technology taxonomy is one shared, editable file (schemas/common/taxonomy.schema.json)
// that every package references by "$id": its codes are what the schema accepts, its labels
// (schemas/common/i18n/taxonomy.*.json) what lint demands, and a package cannot load without it.
#include <filesystem>
#include <set>

#include <gtest/gtest.h>

#include "greenapply/form.hpp"
#include "package_files.hpp"

namespace {

namespace fs = std::filesystem;
using greenapply::json;

greenapply::cli::PackageFiles company() {
  return greenapply::cli::read_package((fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "bluetech-2023-company").string());
}

std::set<std::pair<std::string, std::string>> errors_of(const json& evaluation) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& e : evaluation["errors"]) out.emplace(e["pointer"].get<std::string>(), e["message_key"].get<std::string>());
  return out;
}

TEST(SharedTaxonomy, CodesComeFromTheSharedFile) {
  const auto files = company();
  const auto pkg = greenapply::form::FormPackage::load(files.bundle);
  json answers = files.bundle["examples"][0]["content"]["answers"];
  const std::string now = "2023-04-15T10:00:00+08:00";

  answers["applicant"]["tech_field"] = {"energy.solar", "energy.perpetual_motion"};
  EXPECT_TRUE(errors_of(greenapply::form::evaluate(pkg, answers, now, "en")).count({"/applicant/tech_field/1", "schema.enum"}));

  // "Other" asks for a description, shown only while "Other" is chosen.
  answers["applicant"]["tech_field"] = {"other.other"};
  const json ev = greenapply::form::evaluate(pkg, answers, now, "en");
  EXPECT_TRUE(errors_of(ev).count({"/applicant/tech_field_other", "schema.required"})) << ev["errors"].dump();
  for (const auto& h : ev["hidden"]) EXPECT_NE(h, "/applicant/tech_field_other");
  answers["applicant"]["tech_field_other"] = "Marine carbon sinks";
  const json described = greenapply::form::evaluate(pkg, answers, now, "en");  // kept alive for the loop
  for (const auto& e : described["errors"])
    EXPECT_NE(e["pointer"].get<std::string>().rfind("/applicant/tech_field", 0), 0u) << e.dump();

  // A code added to the shared file is accepted by every package without touching it.
  auto bundle = files.bundle;
  for (auto& doc : bundle["common_schemas"]) {
    if (doc["$id"] == "https://greenapply.example/schemas/common/taxonomy.schema.json")
      doc["$defs"]["tech_field"]["enum"].push_back("energy.tidal_kites");
  }
  answers["applicant"]["tech_field"] = {"energy.tidal_kites"};
  answers["applicant"].erase("tech_field_other");
  EXPECT_TRUE(errors_of(greenapply::form::evaluate(greenapply::form::FormPackage::load(bundle), answers, now, "en"))
                  .count({"/applicant/tech_field/0", "schema.enum"}) == 0);
}

TEST(SharedTaxonomy, EveryCodeHasLabelsInBothLanguages) {
  auto files = company();
  for (const auto& p : greenapply::form::lint(files.bundle, nullptr))
    EXPECT_NE(p.severity, greenapply::Severity::error) << p.file << p.location << " " << p.message_key << p.params.dump();
  files.bundle["common_i18n"]["zh"].erase("taxonomy.energy.solar");
  bool reported = false;
  for (const auto& p : greenapply::form::lint(files.bundle, nullptr)) {
    reported |= p.message_key == "lint.missing_text" && p.params.value("key", "") == "taxonomy.energy.solar" &&
                p.params.value("lang", "") == "zh";
  }
  EXPECT_TRUE(reported);
}

TEST(SharedTaxonomy, APackageWithoutTheSharedFileDoesNotLoad) {
  auto files = company();
  files.bundle.erase("common_schemas");
  try {
    greenapply::form::FormPackage::load(files.bundle);
    FAIL() << "loaded without the taxonomy";
  } catch (const greenapply::form::PackageError& e) {
    ASSERT_FALSE(e.issues.empty());
    EXPECT_EQ(e.issues.front().file, "data.schema.json");
  }
}

}  // namespace
