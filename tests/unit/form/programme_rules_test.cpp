// Issue #14's engine rules on a small package made for the test: a dimension outside the
// total (an indicator beside it), the verdict after the window closes, what happens after
// sending, and lint's checks of Chinese typography and of scores written into example titles.
#include <gtest/gtest.h>

#include "chinese_text.hpp"
#include "greenapply/form.hpp"

namespace greenapply::form {
namespace {

using greenapply::json;

json bundle() {
  return json::parse(R"JSON({
  "form": {"id": "t", "version": "1.0.0", "applicant_name": "/org/name", "files": {},
           "submission": {"to": "x@organiser.example", "subject": "submission.subject",
                          "contact": "submission.contact", "next_steps": ["next.review", "next.ceremony"]}},
  "data_schema": {"type": "object", "properties": {"org": {"type": "object", "properties": {
      "name": {"type": "string"}, "staff": {"type": "integer"}, "tco2e": {"type": "number"}}}}},
  "layout": {"sections": [{"id": "org", "fields": [{"pointer": "/org/name", "widget": "text"},
      {"pointer": "/org/staff", "widget": "integer"}, {"pointer": "/org/tco2e", "widget": "number"}]}]},
  "eligibility": {
    "round": {"id": "2023", "opens": "2023-03-01T00:00:00+08:00", "closes_before": "2023-05-01T00:00:00+08:00",
              "deadline": "2023-04-30", "time_zone": "Asia/Shanghai"},
    "checks": [{"id": "E1", "kind": "hard", "assert": "org.staff >= 1"}],
    "attachments": []
  },
  "rubric": {
    "dimensions": [
      {"id": "team", "weight": 45, "criteria": [{"id": "T1", "max": 4, "points": "min2(4, org.staff)"}]},
      {"id": "market", "weight": 45, "criteria": [{"id": "M1", "max": 2, "points": "1"}]},
      {"id": "carbon", "weight": 10, "in_total": false,
       "criteria": [{"id": "C1", "max": 5, "points": "steps(org.tco2e, [100, 1000], [0, 2, 5])"}]}
    ],
    "bands": [{"id": "A", "min": 80}, {"id": "B", "min": 50}, {"id": "C", "min": 0}]
  },
  "i18n": {
    "en": {"rubric.carbon.title": "Carbon", "rubric.carbon.indicator_note": "Not part of the award's evaluation.",
           "rubric.C1.advice": "Measure it.", "rubric.T1.advice": "Hire.",
           "submission.contact": "Call 010-52878481.", "next.review": "Expert review.", "next.ceremony": "Ceremony."},
    "zh": {"next.review": "专家评审。"}
  },
  "common_i18n": {"en": {"eligibility.verdict.eligible": "Eligible.", "eligibility.verdict.ineligible": "Not eligible.",
                         "eligibility.verdict.closed": "Closed on {deadline} ({time_zone}). Self-assessment: {criteria}",
                         "score.indicator_note": "Shown for information."}}
})JSON");
}

TEST(IndicatorDimension, IsScoredBesideTheTotalNotInIt) {
  const auto pkg = FormPackage::load(bundle());
  const json out = evaluate(pkg, json::parse(R"({"org": {"name": "A", "staff": 2, "tco2e": 500}})"),
                            "2023-04-01T00:00:00+08:00", "en");
  const json& s = out["score"];
  // team 2/4 and market 1/2, weights 45 and 45 scaled to 50 + 50: 25 + 25 = 50. Carbon's 10
  // is not in the total (it would have been 45 × 0.5 + 45 × 0.5 + 10 × 0.4 = 49).
  EXPECT_EQ(s["total"], 50);
  EXPECT_EQ(s["band"], "B");
  ASSERT_EQ(s["dimensions"].size(), 2u);
  EXPECT_EQ(s["dimensions"][0]["weight"], 50);
  ASSERT_EQ(s["indicators"].size(), 1u);
  const json& c = s["indicators"][0];
  EXPECT_EQ(c["id"], "carbon");
  EXPECT_EQ(c["score"], 40);  // 2 of 5 points, on its own 0-100 scale
  EXPECT_EQ(c["weight"], 100);
  EXPECT_EQ(c["note"], "Not part of the award's evaluation.");
  // Its advice stays with it: it would gain the total nothing.
  ASSERT_EQ(c["advice"].size(), 1u);
  EXPECT_EQ(c["advice"][0]["criterion"], "C1");
  for (const auto& a : s["advice"]) EXPECT_NE(a["criterion"], "C1");
  // The package an applicant sends carries it apart from the total.
  const json sent = make_application_package(pkg, json::parse(R"({"org": {"name": "A", "staff": 2, "tco2e": 500}})"),
                                             "2023-04-01T00:00:00+08:00", "en");
  EXPECT_EQ(sent["self_assessment"]["score"]["indicators"]["carbon"], 40);
  EXPECT_FALSE(sent["self_assessment"]["score"]["dimensions"].contains("carbon"));
}

TEST(IndicatorDimension, WithoutAPackageNoteTheSharedNoteIsUsed) {
  json b = bundle();
  b["i18n"]["en"].erase("rubric.carbon.indicator_note");
  const json out = evaluate(FormPackage::load(b), json::parse(R"({"org": {"staff": 1}})"), "2023-04-01T00:00:00+08:00", "en");
  EXPECT_EQ(out["score"]["indicators"][0]["note"], "Shown for information.");
}

TEST(ClosedWindow, TheVerdictItselfSaysClosedAndKeepsTheSelfAssessment) {
  const auto pkg = FormPackage::load(bundle());
  const json answers = json::parse(R"({"org": {"name": "A", "staff": 2}})");
  const json open = evaluate(pkg, answers, "2023-04-30T23:59:59+08:00", "en")["eligibility"];
  EXPECT_EQ(open["verdict"], "eligible");
  EXPECT_EQ(open["criteria_verdict"], "eligible");
  const json closed = evaluate(pkg, answers, "2023-05-01T00:00:00+08:00", "en");
  EXPECT_EQ(closed["eligibility"]["verdict"], "closed");
  EXPECT_EQ(closed["eligibility"]["criteria_verdict"], "eligible");
  EXPECT_EQ(closed["eligibility"]["verdict_message"], "Closed on 2023-04-30 (Asia/Shanghai). Self-assessment: Eligible.");
  EXPECT_EQ(closed["score"]["total"], 50);  // scoring still runs
  // Ineligible answers after the close: still "closed", with the reasons and the criteria's verdict.
  const json late_bad = evaluate(pkg, json::parse(R"({"org": {"staff": 0}})"), "2023-06-01T00:00:00+08:00", "en");
  EXPECT_EQ(late_bad["eligibility"]["verdict"], "closed");
  EXPECT_EQ(late_bad["eligibility"]["criteria_verdict"], "ineligible");
  EXPECT_EQ(late_bad["eligibility"]["reasons"][0]["id"], "E1");
  // Before opening the answers can still be sent later: the verdict is the criteria's.
  EXPECT_EQ(evaluate(pkg, answers, "2023-02-01T00:00:00+08:00", "en")["eligibility"]["verdict"], "eligible");
}

TEST(AfterSending, TheProgrammesStepsAndContactInTheApplicantsLanguage) {
  const auto pkg = FormPackage::load(bundle());
  const json en = evaluate(pkg, json::object(), "2023-04-01T00:00:00+08:00", "en")["after_sending"];
  EXPECT_EQ(en["contact"], "Call 010-52878481.");
  EXPECT_EQ(en["steps"], json({"Expert review.", "Ceremony."}));
  const json zh = evaluate(pkg, json::object(), "2023-04-01T00:00:00+08:00", "zh")["after_sending"];
  EXPECT_EQ(zh["steps"][0], "专家评审。");
  EXPECT_EQ(zh["steps"][1], "Ceremony.");  // a missing Chinese text falls back to English (lint reports it)
  json b = bundle();
  b["form"]["submission"].erase("contact");
  b["form"]["submission"].erase("next_steps");
  const json none = evaluate(FormPackage::load(b), json::object(), "2023-04-01T00:00:00+08:00", "en")["after_sending"];
  EXPECT_TRUE(none["contact"].is_null());
  EXPECT_TRUE(none["steps"].empty());
}

TEST(ChineseTypography, HalfWidthPunctuationBesideChineseIsReported) {
  EXPECT_TRUE(chinese_typography_problems("请填写企业名称，如“北京青岚储能”。").empty());
  EXPECT_EQ(chinese_typography_problems("请填写企业名称,谢谢"), (std::vector<std::string>{"称,谢"}));
  EXPECT_EQ(chinese_typography_problems("截止日期(北京时间)"), (std::vector<std::string>{"期(北", "间)"}));
  EXPECT_EQ(chinese_typography_problems("请确认声明."), (std::vector<std::string>{"明."}));
  // Digits and times keep their ASCII marks: "24:00", "PM2.5", "3.5%".
  EXPECT_TRUE(chinese_typography_problems("于2023年4月30日 24:00截止，PM2.5下降3.5%。").empty());
}

TEST(ChineseTypography, EnglishWordsOnlyForNamesAndCodesOnTheAllowList) {
  EXPECT_TRUE(chinese_typography_problems("采用TRL等级，PCT申请与WIPO GREEN登记。").empty());
  EXPECT_TRUE(chinese_typography_problems("例如CN114512345A或LC3水泥。").empty());  // codes hold digits
  EXPECT_EQ(chinese_typography_problems("由IP for Business部门推出"), (std::vector<std::string>{"for", "Business"}));
  EXPECT_EQ(chinese_typography_problems("提供给BCAA"), (std::vector<std::string>{"BCAA"}));
  // An original name in full-width brackets after the Chinese one, placeholders and addresses are not text.
  EXPECT_TRUE(chinese_typography_problems("创蓝碳中和先锋奖（Bluetech Carbon Neutrality Pioneers Award）").empty());
  EXPECT_TRUE(chinese_typography_problems("{form_code}申报，请发送至 apply@bluetech.example 或访问 https://www.wipo.int/green").empty());
  EXPECT_EQ(chinese_typography_problems("（CRL，selected）"), (std::vector<std::string>{"selected"}));  // brackets with Chinese are text
}

TEST(Lint, ReportsChineseTypographyAndScoresInExampleTitles) {
  json b = bundle();
  b["i18n"]["zh"]["next.review"] = "专家评审,由BCAA组织。";
  b["examples"] = json::array({{{"file", "examples/01.json"},
                                {"content", {{"title", "A team: 50, band B (M1 1 of 2)"}, {"now", "2023-04-01T00:00:00+08:00"},
                                             {"answers", {{"org", {{"name", "A"}, {"staff", 2}}}}},
                                             {"expected", {{"score", {{"total", 50}}}}}}}}});
  std::vector<std::string> zh, titles;
  for (const auto& p : lint(b, nullptr)) {
    if (p.message_key == "lint.zh_typography") zh.push_back(p.params["found"]);
    if (p.message_key == "lint.example_title_number") titles.push_back(p.params["found"]);
  }
  EXPECT_EQ(zh, (std::vector<std::string>{"审,由", "BCAA"}));
  EXPECT_EQ(titles, (std::vector<std::string>{"50", "1 of 2"}));
}

}  // namespace
}  // namespace greenapply::form
