// The official JSON Schema Test Suite, required tests of drafts 2020-12, 2019-09 and 07, plus the
// optional format tests in assertion mode (reported, not enforced).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "jsts_runner.hpp"

namespace greenapply::conformance {
namespace {

const fs::path kSuite = GREENAPPLY_JSTS_DIR;
const fs::path kSkips = fs::path(GREENAPPLY_SOURCE_DIR) / "tests/conformance/skips.txt";

void run_required(const std::string& draft, json_schema::Dialect dialect) {
  const fs::path dir = kSuite / "tests" / draft;
  if (!fs::is_directory(dir)) GTEST_SKIP() << "JSON Schema Test Suite not found at " << dir;
  std::vector<std::string> skip_errors;
  const auto skips = read_skips(kSkips, skip_errors);
  for (const auto& e : skip_errors) ADD_FAILURE() << e;
  json_schema::Options options;
  options.default_dialect = dialect;
  const Outcome out = run_directory(dir, kSuite / "remotes", options);
  std::printf("%s: %zu/%zu\n", draft.c_str(), out.passed, out.total);
  EXPECT_GT(out.total, 0u);
  for (const auto& failure : out.failures) {
    if (skips.count(draft + "|" + failure) == 0)
      ADD_FAILURE() << "failed: " << draft << "|" << failure;
  }
}

TEST(Jsts, Draft2020_12) { run_required("draft2020-12", json_schema::Dialect::draft2020_12); }

TEST(Jsts, Draft7) { run_required("draft7", json_schema::Dialect::draft7); }

TEST(Jsts, Draft2019_09) { run_required("draft2019-09", json_schema::Dialect::draft2019_09); }

void run_optional_format(const std::string& draft, json_schema::Dialect dialect) {
  const fs::path dir = kSuite / "tests" / draft / "optional" / "format";
  if (!fs::is_directory(dir)) GTEST_SKIP() << "optional/format not found at " << dir;
  json_schema::Options options;
  options.default_dialect = dialect;
  options.format_assertion = true;
  const Outcome out = run_directory(dir, kSuite / "remotes", options);
  std::printf("%s optional/format (assertion): %zu/%zu\n", draft.c_str(), out.passed, out.total);
  for (const auto& failure : out.failures) std::printf("  not passing: %s\n", failure.c_str());
  EXPECT_GT(out.total, 0u);
}

TEST(JstsOptional, Draft2020_12Format) {
  run_optional_format("draft2020-12", json_schema::Dialect::draft2020_12);
}

TEST(JstsOptional, Draft7Format) { run_optional_format("draft7", json_schema::Dialect::draft7); }

TEST(JstsOptional, Draft2019_09Format) {
  run_optional_format("draft2019-09", json_schema::Dialect::draft2019_09);
}

}  // namespace
}  // namespace greenapply::conformance
