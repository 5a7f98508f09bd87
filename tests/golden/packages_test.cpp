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

INSTANTIATE_TEST_SUITE_P(Schemas, Package, ::testing::ValuesIn(package_dirs()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                           return name;
                         });

}  // namespace
