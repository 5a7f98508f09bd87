// The WIPO GREEN need form's match.json against the real technology form: every pointer it
// reads is a field of that form, and the worked examples rank as a seeker would expect.
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "greenapply/form.hpp"
#include "greenapply/match.hpp"
#include "package_files.hpp"

namespace {

namespace fs = std::filesystem;
using greenapply::json;

greenapply::cli::PackageFiles package(const std::string& name) {
  return greenapply::cli::read_package((fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / name).string());
}

// Follows "properties" only: the match spec must name plain fields of the technology form.
bool declares(const json& schema, const std::string& pointer) {
  const json* node = &schema;
  std::vector<std::string> tokens;
  for (json::json_pointer p(pointer); !p.empty(); p = p.parent_pointer()) tokens.insert(tokens.begin(), p.back());
  for (const auto& token : tokens) {
    if (!node->contains("properties") || !(*node)["properties"].contains(token)) return false;
    node = &(*node)["properties"][token];
  }
  return true;
}

const json& example(const greenapply::cli::PackageFiles& files, const std::string& name) {
  for (const auto& ex : files.bundle["examples"]) {
    if (ex["file"].get<std::string>().find(name) != std::string::npos) return ex["content"];
  }
  throw std::runtime_error("no example " + name);
}

TEST(MatchPackages, EveryTechnologyPointerIsAFieldOfTheTechnologyForm) {
  const auto need = package("wipo-green-need");
  const auto tech = package("wipo-green-technology");
  const auto m = greenapply::match::Matcher::load(need.bundle["match"]);
  EXPECT_EQ(m.technology_form(), tech.bundle["form"]["id"]);
  for (const auto& p : m.technology_pointers()) EXPECT_TRUE(declares(tech.bundle["data_schema"], p)) << p;
}

TEST(MatchPackages, TheVocNeedRanksTheAirPollutionTechnologyFirst) {
  const auto need = package("wipo-green-need");
  const auto tech = package("wipo-green-technology");
  const auto pkg = greenapply::form::FormPackage::load(need.bundle);
  json technologies = json::array();
  for (const auto& ex : tech.bundle["examples"]) technologies.push_back(ex["content"]);
  const json voc = example(need, "01-strong")["answers"];
  const json r = greenapply::form::match_technologies(pkg, voc, technologies, "2026-06-01T10:00:00+08:00", "en");
  ASSERT_EQ(r["results"].size(), technologies.size());
  // Low-temperature SCR denitration (air quality, TRL ≥ the need's minimum, deployed in China,
  // licensable): fields 0.75 × 30, readiness 20, benefits 20, deal 10, location 5, no keyword.
  const json& best = r["results"][0];
  EXPECT_EQ(best["title"], example(tech, "06-chinese")["answers"]["technology"]["title"]);
  EXPECT_EQ(best["score"], 77.5);
  for (std::size_t i = 1; i < r["results"].size(); ++i)
    EXPECT_LE(r["results"][i]["score"].get<double>(), r["results"][i - 1]["score"].get<double>());
  // Texts come in the asked language, for every component.
  const json zh = greenapply::form::match_technologies(pkg, voc, technologies, "2026-06-01T10:00:00+08:00", "zh");
  ASSERT_EQ(zh["components"].size(), r["components"].size());
  for (std::size_t i = 0; i < zh["components"].size(); ++i) {
    EXPECT_NE(zh["components"][i]["title"].get<std::string>().rfind("match.", 0), 0u) << zh["components"][i].dump();
    EXPECT_NE(zh["components"][i]["title"], r["components"][i]["title"]);
  }
}

// The page ranks against the submitted answers of the evaluation it has just made
// (match_submitted); the CLI evaluates inside match_technologies. Every worked need, hidden
// leftovers included, in both languages, gives the same bytes either way.
TEST(MatchPackages, RankingTheSubmittedNeedIsRankingTheNeed) {
  const auto need = package("wipo-green-need");
  const auto tech = package("wipo-green-technology");
  const auto pkg = greenapply::form::FormPackage::load(need.bundle);
  json technologies = json::array();
  for (const auto& ex : tech.bundle["examples"]) technologies.push_back(ex["content"]);
  const std::string now = "2026-06-01T10:00:00+08:00";
  bool pruned = false;  // at least one need must lose answers to visibility, or this proves little
  for (const auto& ex : need.bundle["examples"]) {
    const json& answers = ex["content"]["answers"];
    for (const char* lang : {"en", "zh"}) {
      const json ev = greenapply::form::evaluate(pkg, answers, now, lang);
      pruned |= !ev["hidden"].empty();
      EXPECT_EQ(greenapply::form::match_submitted(pkg, ev["submitted"], technologies, lang).dump(),
                greenapply::form::match_technologies(pkg, answers, technologies, now, lang).dump())
          << ex["file"] << " " << lang;
    }
  }
  EXPECT_TRUE(pruned);
  EXPECT_THROW(greenapply::form::match_submitted(pkg, json::object(), technologies, "fr"), std::invalid_argument);
}

// No rule of the shipped need form hides a field the matcher reads, so the test above cannot see
// whether pruning reaches the ranking. Here one does: the need's country is hidden unless the
// challenge area is "other", and the VOC need's air-pollution area hides it. The submitted need
// must then rank as match_technologies does (no location component), and the raw answers not.
TEST(MatchPackages, AHiddenNeedAnswerNeverCountsInTheRanking) {
  auto need = package("wipo-green-need");
  const auto tech = package("wipo-green-technology");
  need.bundle["rules"]["visibility"].push_back(
      {{"target", "/location/location_country"}, {"when", "need.challenge_area = 'other'"}});
  const auto pkg = greenapply::form::FormPackage::load(need.bundle);
  json technologies = json::array();
  for (const auto& ex : tech.bundle["examples"]) technologies.push_back(ex["content"]);
  const json voc = example(need, "01-strong")["answers"];
  ASSERT_TRUE(voc["location"].contains("location_country"));
  const std::string now = "2026-06-01T10:00:00+08:00";
  const json ev = greenapply::form::evaluate(pkg, voc, now, "en");
  ASSERT_FALSE(ev["submitted"]["location"].contains("location_country"));
  const json page = greenapply::form::match_submitted(pkg, ev["submitted"], technologies, "en");
  EXPECT_EQ(page.dump(), greenapply::form::match_technologies(pkg, voc, technologies, now, "en").dump());
  EXPECT_NE(page.dump(), greenapply::form::match_submitted(pkg, voc, technologies, "en").dump());
  for (const auto& r : page["results"]) {
    for (const auto& c : r["components"]) {
      if (c["id"] == "location") {
        EXPECT_FALSE(c["applicable"].get<bool>()) << r["title"];
      }
    }
  }
}

TEST(MatchPackages, OnlyANeedFormMatches) {
  const auto tech = package("wipo-green-technology");
  const auto pkg = greenapply::form::FormPackage::load(tech.bundle);
  EXPECT_FALSE(greenapply::form::has_matcher(pkg));
  EXPECT_THROW(greenapply::form::match_technologies(pkg, json::object(), json::array(), "2026-06-01T10:00:00+08:00", "en"),
               std::invalid_argument);
  EXPECT_THROW(greenapply::form::match_submitted(pkg, json::object(), json::array(), "en"), std::invalid_argument);
}

}  // namespace
