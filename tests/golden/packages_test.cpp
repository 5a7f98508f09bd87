// Every form package in schemas/ is sound: lint finds no error, and every worked example gives
// exactly its expected verdict, errors and scores (lint checks the expectations).
#include <filesystem>

#include <gtest/gtest.h>

#include "greenapply/form.hpp"
#include "package_files.hpp"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> package_dirs() {
  std::vector<std::string> dirs;
  for (const auto& entry : fs::directory_iterator(fs::path(GREENAPPLY_SOURCE_DIR) / "schemas")) {
    if (fs::exists(entry.path() / "form.json")) dirs.push_back(entry.path().filename().string());
  }
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

class Package : public ::testing::TestWithParam<std::string> {};

TEST_P(Package, LintsCleanAndEveryExampleHoldsExactly) {
  const auto files = greenapply::cli::read_package((fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / GetParam()).string());
  const auto package_schema = greenapply::cli::read_package_schema(files);
  const auto problems = greenapply::form::lint(files.bundle, package_schema.is_null() ? nullptr : &package_schema);
  for (const auto& p : problems) {
    if (p.severity == greenapply::Severity::error)
      ADD_FAILURE() << p.file << ": " << p.location << ": " << greenapply::form::describe(p, files.bundle["common_i18n"])
                    << " " << p.params.dump();
  }
  EXPECT_GE(files.bundle["examples"].size(), 6u) << "a package needs at least six worked examples";
}

TEST_P(Package, EvaluationIsDeterministic) {
  const auto files = greenapply::cli::read_package((fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / GetParam()).string());
  const auto pkg = greenapply::form::FormPackage::load(files.bundle);
  for (const auto& ex : files.bundle["examples"]) {
    const auto& c = ex["content"];
    for (const char* lang : {"en", "zh"}) {
      const std::string a = greenapply::form::evaluate(pkg, c["answers"], c["now"].get<std::string>(), lang).dump();
      const std::string b = greenapply::form::evaluate(pkg, c["answers"], c["now"].get<std::string>(), lang).dump();
      EXPECT_EQ(a, b) << ex["file"];
    }
  }
}

// The full output less what only the applicant reads: what Detail::decisions must give exactly.
greenapply::json without_texts(greenapply::json full) {
  full["issue_count"] = full["errors"].size();
  for (const char* k : {"errors", "computed", "sections", "after_sending"}) full.erase(k);
  auto& el = full["eligibility"];
  for (const char* k : {"window_message", "verdict_message", "round", "attachments"}) el.erase(k);
  for (auto& r : el["reasons"]) r.erase("message");
  auto& sc = full["score"];
  if (sc.is_object()) {
    for (const char* k : {"band_label", "criteria", "advice"}) sc.erase(k);
    for (auto& d : sc["dimensions"]) d.erase("title");
    for (auto& d : sc["indicators"])
      for (const char* k : {"title", "note", "advice"}) d.erase(k);
  }
  return full;
}

// The organiser's batch evaluates with Detail::decisions; the applicant sees Detail::full. They
// must never disagree: every worked example, and each with one section left out or emptied
// (more reasons, more errors), in both languages.
TEST_P(Package, DecisionsAreTheFullEvaluationLessItsTexts) {
  using greenapply::form::Detail;
  const auto files = greenapply::cli::read_package((fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / GetParam()).string());
  const auto pkg = greenapply::form::FormPackage::load(files.bundle);
  std::size_t compared = 0, with_reasons = 0, with_issues = 0;
  for (const auto& ex : files.bundle["examples"]) {
    const auto& c = ex["content"];
    std::vector<greenapply::json> variants{c["answers"], greenapply::json::object(), greenapply::json::array()};
    if (c["answers"].is_object()) {
      for (const auto& [section, value] : c["answers"].items()) {
        greenapply::json without = c["answers"];
        without.erase(section);
        variants.push_back(without);
        greenapply::json emptied = c["answers"];
        emptied[section] = greenapply::json::object();
        variants.push_back(emptied);
      }
    }
    for (const auto& answers : variants) {
      for (const char* lang : {"en", "zh"}) {
        const std::string now = c["now"].get<std::string>();
        const auto full = greenapply::form::evaluate(pkg, answers, now, lang);
        const auto decisions = greenapply::form::evaluate(pkg, answers, now, lang, Detail::decisions);
        ASSERT_EQ(without_texts(full).dump(), decisions.dump()) << ex["file"] << " " << answers.dump();
        ++compared;
        with_reasons += !full["eligibility"]["reasons"].empty();
        with_issues += !full["errors"].empty();
      }
    }
  }
  // The variants reach what the comparison is about: reasons and issues, not only clean examples.
  EXPECT_GT(with_reasons, compared / 4) << compared;
  EXPECT_GT(with_issues, compared / 4) << compared;
}

INSTANTIATE_TEST_SUITE_P(Schemas, Package, ::testing::ValuesIn(package_dirs()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
