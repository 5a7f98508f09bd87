// The "needs work" flag of a score dimension: the rubric's threshold, a dimension's own
// threshold, or null for a dimension that must never be flagged (where a low score is no
// weakness, as in the IP clinic's management gap).
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "greenapply/form.hpp"
#include "greenapply/json_schema.hpp"
#include "package_files.hpp"

namespace greenapply::form {
namespace {

using greenapply::json;
namespace fs = std::filesystem;

constexpr const char* kNow = "2023-04-15T10:00:00+08:00";

// Four dimensions, each scoring its answer out of 10: "plain" uses the rubric's threshold (0.5),
// "strict" its own 0.8, "never" null, "zero" its own 0 (below 0 is impossible: never flagged).
json bundle() {
  return json::parse(R"JSON({
  "form": {"id": "nw-form", "version": "1.0.0", "files": {}},
  "data_schema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
    "properties": {"s": {"type": "object", "properties": {
      "a": {"type": "number"}, "b": {"type": "number"}, "c": {"type": "number"}, "d": {"type": "number"}}}}},
  "layout": {"sections": [{"id": "s", "fields": [
    {"pointer": "/s/a", "widget": "number"}, {"pointer": "/s/b", "widget": "number"},
    {"pointer": "/s/c", "widget": "number"}, {"pointer": "/s/d", "widget": "number"}]}]},
  "rubric": {
    "dimensions": [
      {"id": "plain", "weight": 25, "criteria": [{"id": "P1", "max": 10, "points": "s.a"}]},
      {"id": "strict", "weight": 25, "needs_work_below": 0.8, "criteria": [{"id": "S1", "max": 10, "points": "s.b"}]},
      {"id": "never", "weight": 25, "needs_work_below": null, "criteria": [{"id": "N1", "max": 10, "points": "s.c"}]},
      {"id": "zero", "weight": 25, "needs_work_below": 0, "criteria": [{"id": "Z1", "max": 10, "points": "s.d"}]}
    ],
    "needs_work_below": 0.5,
    "bands": [{"id": "A", "min": 50}, {"id": "B", "min": 0}]
  }
})JSON");
}

// id → needs_work, for answers giving every dimension `points` of 10.
std::map<std::string, bool> flags(const FormPackage& pkg, double points) {
  const json answers = {{"s", {{"a", points}, {"b", points}, {"c", points}, {"d", points}}}};
  const json out = evaluate(pkg, answers, kNow, "en");
  std::map<std::string, bool> got;
  for (const auto& d : out["score"]["dimensions"]) got[d["id"].get<std::string>()] = d["needs_work"].get<bool>();
  return got;
}

TEST(NeedsWork, DimensionThresholdOverridesTheRubricsAndNullNeverFlags) {
  const auto pkg = FormPackage::load(bundle());
  using F = std::map<std::string, bool>;
  EXPECT_EQ(flags(pkg, 0), (F{{"plain", true}, {"strict", true}, {"never", false}, {"zero", false}}));
  EXPECT_EQ(flags(pkg, 4), (F{{"plain", true}, {"strict", true}, {"never", false}, {"zero", false}}));
  // Exactly at the threshold is not below it.
  EXPECT_EQ(flags(pkg, 5), (F{{"plain", false}, {"strict", true}, {"never", false}, {"zero", false}}));
  EXPECT_EQ(flags(pkg, 7.9), (F{{"plain", false}, {"strict", true}, {"never", false}, {"zero", false}}));
  EXPECT_EQ(flags(pkg, 8), (F{{"plain", false}, {"strict", false}, {"never", false}, {"zero", false}}));
}

TEST(NeedsWork, WithoutAnyThresholdTheDefaultIsHalf) {
  json b = bundle();
  b["rubric"].erase("needs_work_below");
  for (auto& d : b["rubric"]["dimensions"]) d.erase("needs_work_below");
  const auto pkg = FormPackage::load(b);
  using F = std::map<std::string, bool>;
  EXPECT_EQ(flags(pkg, 4.9), (F{{"plain", true}, {"strict", true}, {"never", true}, {"zero", true}}));
  EXPECT_EQ(flags(pkg, 5), (F{{"plain", false}, {"strict", false}, {"never", false}, {"zero", false}}));
}

TEST(NeedsWork, TheRubricsThresholdStillAppliesToDimensionsWithoutTheirOwn) {
  json b = bundle();
  b["rubric"]["needs_work_below"] = 0.3;
  const auto pkg = FormPackage::load(b);
  EXPECT_TRUE(flags(pkg, 2.9)["plain"]);
  EXPECT_FALSE(flags(pkg, 3)["plain"]);
  EXPECT_TRUE(flags(pkg, 3)["strict"]);  // its own 0.8 is not lowered by the rubric's
}

TEST(NeedsWork, NeverFlaggingDoesNotChangeTheScore) {
  json without = bundle();
  without["rubric"]["dimensions"][2].erase("needs_work_below");
  const json answers = {{"s", {{"a", 3}, {"b", 3}, {"c", 3}, {"d", 3}}}};
  const json a = evaluate(FormPackage::load(bundle()), answers, kNow, "en")["score"];
  const json b = evaluate(FormPackage::load(without), answers, kNow, "en")["score"];
  EXPECT_EQ(a["total"], b["total"]);
  EXPECT_EQ(a["dimensions"][2]["score"], b["dimensions"][2]["score"]);
  EXPECT_FALSE(a["dimensions"][2]["needs_work"]);
  EXPECT_TRUE(b["dimensions"][2]["needs_work"]);
}

TEST(NeedsWork, AnUnusableThresholdIsALoadError) {
  for (const json& bad : {json(1.5), json(-0.1), json("high"), json(true)}) {
    json b = bundle();
    b["rubric"]["dimensions"][1]["needs_work_below"] = bad;
    try {
      FormPackage::load(b);
      ADD_FAILURE() << "loaded with needs_work_below " << bad.dump();
    } catch (const PackageError& e) {
      ASSERT_EQ(e.issues.size(), 1u) << bad.dump();
      EXPECT_EQ(e.issues[0].file, "rubric.json");
      EXPECT_EQ(e.issues[0].location, "/dimensions/1/needs_work_below");
      EXPECT_EQ(e.issues[0].message_key, "package.bad_share");
    }
  }
  json b = bundle();
  b["rubric"]["needs_work_below"] = nullptr;  // null is for a dimension; the rubric's is a number
  EXPECT_THROW(FormPackage::load(b), PackageError);
}

json read_json(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

TEST(NeedsWork, ThePackageFormatAcceptsADimensionThresholdOrNull) {
  const json package_schema = read_json(fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "form-package.schema.json");
  json wrapper = package_schema;
  wrapper["$ref"] = "#/$defs/rubric";
  const auto validator = json_schema::Validator::compile(wrapper);
  json rubric = bundle()["rubric"];
  EXPECT_TRUE(validator.validate(rubric).empty()) << rubric.dump();
  for (const json& bad : {json(1.5), json("high")}) {
    rubric["dimensions"][0]["needs_work_below"] = bad;
    EXPECT_FALSE(validator.validate(rubric).empty()) << bad.dump();
  }
}

TEST(NeedsWork, TheIpClinicsManagementGapIsNeverFlagged) {
  // The gap dimension rewards low IP-management maturity, so a low gap score is no weakness;
  // the other dimensions keep the rubric's threshold. 03-weak scores below half in gap and in
  // three other dimensions.
  const auto files = cli::read_package((fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "ip-clinic").string());
  const auto pkg = FormPackage::load(files.bundle);
  const json example = read_json(fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "ip-clinic" / "examples" / "03-weak.json");
  const json out = evaluate(pkg, example["answers"], example["now"].get<std::string>(), "en");
  std::map<std::string, bool> got;
  bool gap_below_half = false;
  for (const auto& d : out["score"]["dimensions"]) {
    got[d["id"].get<std::string>()] = d["needs_work"].get<bool>();
    if (d["id"] == "gap") gap_below_half = d["points"].get<double>() / d["max"].get<double>() < 0.5;
  }
  ASSERT_TRUE(gap_below_half) << "the example no longer shows the point: " << out["score"].dump();
  EXPECT_EQ(got, (std::map<std::string, bool>{
                     {"green", true}, {"ip_intensity", true}, {"need", true}, {"gap", false}, {"commitment", false}}));
}

}  // namespace
}  // namespace greenapply::form
