// The matcher's rules, one kind at a time, then the total and the ranking — each result checked
// to the number, with the detail that explains it.
#include <gtest/gtest.h>

#include "greenapply/match.hpp"

namespace {

using greenapply::match::Matcher;
using greenapply::match::SpecError;
using greenapply::json;

const json kSpec = json::parse(R"({
  "technology_form": "wipo-green-technology",
  "need_title": "/need/title", "technology_title": "/technology/title", "technology_owner": "/owner/owner_name",
  "components": [
    {"id": "fields", "kind": "taxonomy", "weight": 30, "need": "/need/tech_fields",
     "technology": "/technology/tech_fields", "group_credit": 0.5, "groups_without_credit": ["other"]},
    {"id": "readiness", "kind": "at_least", "weight": 20, "need": "/need/min_trl", "technology": "/technology/trl",
     "levels_to_zero": 3},
    {"id": "benefits", "kind": "mapped", "weight": 20, "need": "/need/challenge_area", "technology": "/benefits/benefits",
     "map": {"co2_reduction": ["ghg", "electricity_energy"], "urban_waste": ["waste", "materials"]}},
    {"id": "location", "kind": "member", "weight": 5, "need": "/location/location_country",
     "technology": ["/technology/deployed_in", "/technology/developed_in"]},
    {"id": "keywords", "kind": "keywords", "weight": 15, "need_terms": ["/need/keywords"], "need_text": ["/need/title"],
     "technology": ["/technology/keywords", "/technology/title", "/technology/description"], "enough": 4,
     "ignore": ["need", "with"]}
  ]})");

const json kNeed = json::parse(R"({
  "need": {"title": "Fly ash treatment with cement kilns", "tech_fields": ["pollution_waste.waste_management", "energy.solar"],
           "min_trl": 7, "challenge_area": "urban_waste", "keywords": ["飞灰", "heavy metals"]},
  "location": {"location_country": "CN"}})");

const json kTech = json::parse(R"({
  "technology": {"title": "Plasma vitrification of incinerator FLY ASH", "tech_fields": ["pollution_waste.recycling", "energy.solar"],
                 "trl": 6, "deployed_in": ["DE", "CN"], "keywords": ["vitrification"],
                 "description": "Melts municipal 飞灰 into inert glass; heavy metals are locked in."},
  "benefits": {"benefits": ["waste", "health"]},
  "owner": {"owner_name": "Vitrum GmbH"}})");

const json& component(const json& result, const std::string& id) {
  for (const auto& c : result["components"]) {
    if (c["id"] == id) return c;
  }
  static const json kNone;
  return kNone;
}

TEST(Matcher, EachKindScoresByItsRule) {
  const auto m = Matcher::load(kSpec);
  const json r = m.score(kNeed, kTech);
  // energy.solar exact (1) + waste_management via recycling, same group (0.5): mean 0.75.
  EXPECT_EQ(component(r, "fields")["fraction"], 0.75);
  EXPECT_EQ(component(r, "fields")["detail"]["exact"], json::array({"energy.solar"}));
  EXPECT_EQ(component(r, "fields")["detail"]["same_group"], json::array({"pollution_waste.waste_management"}));
  // TRL 6 against a minimum of 7: one level short of three → 2/3.
  EXPECT_EQ(component(r, "readiness")["fraction"], 0.6667);
  EXPECT_EQ(component(r, "readiness")["detail"]["reason"], "below");
  EXPECT_EQ(component(r, "benefits")["fraction"], 1);
  EXPECT_EQ(component(r, "benefits")["detail"]["found"], json::array({"waste"}));
  EXPECT_EQ(component(r, "location")["fraction"], 1);
  // Terms: the need's keywords (飞灰, heavy metals) and the title's words of four letters or more
  // (treatment, cement, kilns; "with" is ignored, "fly" and "ash" are too short).
  EXPECT_EQ(component(r, "keywords")["detail"]["found"], json::array({"飞灰", "heavy metals"}));
  EXPECT_EQ(component(r, "keywords")["detail"]["not_found"], json::array({"treatment", "cement", "kilns"}));
  EXPECT_EQ(component(r, "keywords")["fraction"], 0.5);  // 2 of min(4, 5)
  // (30·0.75 + 20·2/3 + 20 + 5 + 15·0.5) / 90 applicable weights = 68.33 / 90.
  EXPECT_EQ(r["score"], 75.93);
}

TEST(Matcher, SilenceIsNotApplicableOrNeutralAsDocumented) {
  const auto m = Matcher::load(kSpec);
  json need = kNeed;
  need["need"].erase("min_trl");                     // no minimum: full readiness
  need["need"]["challenge_area"] = "other";          // unmapped: benefits leave the total
  need.erase("location");                            // no place: location leaves the total
  const json r = m.score(need, kTech);
  EXPECT_EQ(component(r, "readiness")["fraction"], 1);
  EXPECT_EQ(component(r, "readiness")["detail"]["reason"], "no_minimum");
  EXPECT_FALSE(component(r, "benefits")["applicable"].get<bool>());
  EXPECT_FALSE(component(r, "benefits").contains("points"));
  EXPECT_FALSE(component(r, "location")["applicable"].get<bool>());
  // (22.5 + 20 + 7.5) / 65 applicable weights.
  EXPECT_EQ(r["score"], 76.92);

  json silent_tech = kTech;
  silent_tech["technology"].erase("trl");
  EXPECT_EQ(component(m.score(kNeed, silent_tech), "readiness")["fraction"], 0);
  // A need that says nothing the components can compare has no score (not a perfect one).
  EXPECT_TRUE(m.score(json::object(), kTech)["score"].is_null());
  EXPECT_TRUE(m.rank(json::object(), json::array({kTech}))[0]["score"].is_null());
}

TEST(Matcher, OtherGetsNoGroupCredit) {
  const auto m = Matcher::load(kSpec);
  json need = kNeed, tech = kTech;
  need["need"]["tech_fields"] = {"other.other"};
  tech["technology"]["tech_fields"] = {"other.something"};
  EXPECT_EQ(component(m.score(need, tech), "fields")["fraction"], 0);
}

TEST(Matcher, RankIsBestFirstStableAndReportsUnusableEntries) {
  const auto m = Matcher::load(kSpec);
  json weak = kTech;
  weak["technology"]["tech_fields"] = {"water.desalination"};
  json package = {{"format", "greenapply-application"}, {"package", {{"id", "wipo-green-technology"}}}, {"answers", kTech}};
  json other_form = {{"format", "greenapply-application"}, {"package", {{"id", "bluetech-2023-company"}}}, {"answers", kTech}};
  const json bluetech_answers = {{"applicant", {{"track", "energy_storage"}}}};
  const json r = m.rank(kNeed, json::array({weak, other_form, package, 42, kTech, bluetech_answers}));
  ASSERT_EQ(r.size(), 6u);
  EXPECT_EQ(r[0]["index"], 2);  // the package and the bare copy tie: input order
  EXPECT_EQ(r[1]["index"], 4);
  EXPECT_EQ(r[0]["score"], r[1]["score"]);
  EXPECT_EQ(r[0]["title"], "Plasma vitrification of incinerator FLY ASH");
  EXPECT_EQ(r[0]["owner"], "Vitrum GmbH");
  EXPECT_EQ(r[2]["index"], 0);
  EXPECT_LT(r[2]["score"].get<double>(), r[1]["score"].get<double>());
  EXPECT_EQ(r[3]["index"], 1);
  EXPECT_EQ(r[3]["problem"], "match.wrong_form");
  EXPECT_EQ(r[4]["index"], 3);
  EXPECT_EQ(r[4]["problem"], "match.not_answers");
  EXPECT_EQ(r[5]["index"], 5);  // bare answers with none of a technology's fields
  EXPECT_EQ(r[5]["problem"], "match.not_answers");
}

TEST(Matcher, HostileAnswersNeverThrow) {
  const auto m = Matcher::load(kSpec);
  const json weird = json::parse(R"({"need": "a string", "technology": [1, 2], "benefits": {"benefits": "waste"},
                                     "location": {"location_country": ["CN"]}})");
  EXPECT_NO_THROW(m.score(weird, weird));
  EXPECT_NO_THROW(m.score(kNeed, weird));
  EXPECT_NO_THROW(m.rank(weird, json::object()));
  EXPECT_NO_THROW(m.rank(json(), json::array({json(), weird})));
}

TEST(Matcher, BadSpecsSayWhere) {
  auto error_of = [](const json& spec) {
    try {
      Matcher::load(spec);
    } catch (const SpecError& e) {
      return e.issue().location + " " + e.issue().message_key;
    }
    return std::string("loaded");
  };
  json s = kSpec;
  s["components"][1]["kind"] = "vibes";
  EXPECT_EQ(error_of(s), "/components/1/kind match.unknown_kind");
  s = kSpec;
  s["components"][2]["map"]["urban_waste"] = "waste";
  EXPECT_EQ(error_of(s), "/components/2/map/urban_waste match.bad_map");
  s = kSpec;
  s["components"][0]["need"] = "need/tech_fields";
  EXPECT_EQ(error_of(s), "/components/0/need match.bad_pointer");
  s = kSpec;
  s["components"][3]["id"] = "fields";
  EXPECT_EQ(error_of(s), "/components/3/id match.duplicate_id");
  s = kSpec;
  s["components"][0]["weight"] = 0;
  EXPECT_EQ(error_of(s), "/components/0/weight match.bad_number");
  EXPECT_EQ(error_of(json::array()), " match.not_object");
}

}  // namespace
