// The form engine on a small package made for the test: the semantics every real package
// relies on (hidden means not validated, not scored, not submitted; windows; scores; advice).
#include "greenapply/form.hpp"

#include <gtest/gtest.h>

namespace greenapply::form {
namespace {

using greenapply::json;

json test_bundle() {
  return json::parse(R"JSON({
  "form": {"id": "test-form", "version": "1.2.0", "form_code": "TEST", "applicant_name": "/org/name",
           "files": {}, "submission": {"to": "x@organiser.example", "subject": "submission.subject"}},
  "data_schema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
      "org": {"type": "object", "required": ["name", "track", "founded"],
        "properties": {
          "name": {"type": "string", "minLength": 2},
          "track": {"enum": ["energy", "other"]},
          "track_other": {"type": "string", "minLength": 10},
          "founded": {"type": "string", "format": "date"},
          "staff": {"type": "integer", "minimum": 0},
          "rd_staff": {"type": "integer", "minimum": 0},
          "members": {"type": "array", "items": {"type": "object", "required": ["name"],
            "properties": {"name": {"type": "string", "minLength": 1}, "phd": {"type": "boolean"},
                           "thesis": {"type": "string", "minLength": 5}}}}
        },
        "if": {"properties": {"track": {"const": "other"}}, "required": ["track"]},
        "then": {"required": ["track_other"]}
      },
      "files": {"type": "object", "properties": {"plan": {"type": "object", "properties": {"name": {"type": "string"}}}}}
    }
  },
  "layout": {"sections": [
    {"id": "org", "fields": [
      {"pointer": "/org/name", "widget": "text"}, {"pointer": "/org/track", "widget": "radio"},
      {"pointer": "/org/track_other", "widget": "text"}, {"pointer": "/org/founded", "widget": "date"},
      {"pointer": "/org/staff", "widget": "integer"}, {"pointer": "/org/rd_staff", "widget": "integer"},
      {"pointer": "/org/members", "widget": "repeat", "fields": [
        {"pointer": "name", "widget": "text"}, {"pointer": "phd", "widget": "yesno"}, {"pointer": "thesis", "widget": "text"}]},
      {"computed": "age", "widget": "computed"}]},
    {"id": "files", "fields": [{"pointer": "/files/plan", "widget": "file"}]}
  ]},
  "rules": {
    "computed": [
      {"id": "age_plus_one", "expr": "calc.age + 1"},
      {"id": "age", "expr": "years_between(org.founded, round.deadline)"}
    ],
    "visibility": [
      {"target": "/org/track_other", "when": "org.track = 'other'"},
      {"target": "/org/members/*/thesis", "when": "it.phd = true"}
    ],
    "constraints": [
      {"id": "rd_le_staff", "assert": "org.rd_staff <= org.staff", "pointer": "/org/rd_staff", "severity": "error"},
      {"id": "young", "when": "calc.age != null", "assert": "calc.age >= 1", "pointer": "/org/founded", "severity": "warning"}
    ]
  },
  "eligibility": {
    "round": {"id": "2023", "opens": "2023-03-01T00:00:00+08:00", "closes_before": "2023-05-01T00:00:00+08:00",
              "deadline": "2023-04-30", "time_zone": "Asia/Shanghai"},
    "checks": [
      {"id": "E1", "kind": "hard", "assert": "org.founded <= round.deadline"},
      {"id": "E2", "kind": "soft", "assert": "count(org.members) >= 3"}
    ],
    "attachments": [{"id": "plan", "pointer": "/files/plan"}]
  },
  "rubric": {
    "dimensions": [
      {"id": "team", "weight": 60, "criteria": [
        {"id": "T1", "max": 4, "points": "steps(count(org.members), [1, 2, 4], [0, 1, 2, 4])"},
        {"id": "T2", "max": 2, "points": "count_if(org.members, it.phd = true)"}]},
      {"id": "size", "weight": 40, "criteria": [
        {"id": "S1", "max": 3, "points": "steps(org.staff, [10, 50, 200], [0, 1, 2, 3])"}]}
    ],
    "bands": [{"id": "A", "min": 80}, {"id": "B", "min": 50}, {"id": "C", "min": 0}]
  },
  "i18n": {
    "en": {"org.title": "Organisation", "rules.rd_le_staff": "R&D staff cannot exceed staff.",
           "eligibility.E1": "Founded after the deadline.", "eligibility.E2": "Fewer than three members.",
           "rubric.T1.advice": "Grow the team.", "rubric.S1.advice": "Hire.", "files.plan.label": "Business plan",
           "rubric.team.title": "Team", "rubric.band.B": "competitive"},
    "zh": {"org.title": "机构", "rules.rd_le_staff": "研发人员不能多于员工总数。", "files.plan.label": "商业计划书"}
  },
  "common_i18n": {"en": {"schema.required": "Required: {property}", "eligibility.attachment_missing": "Attachment missing: {name}."},
                  "zh": {"eligibility.attachment_missing": "缺少附件：{name}。"}}
})JSON");
}

json good_answers() {
  return json::parse(R"({"org": {"name": "Acme", "track": "energy", "founded": "2020-05-01", "staff": 60,
    "rd_staff": 10, "members": [{"name": "a", "phd": true, "thesis": "Batteries"}, {"name": "b", "phd": false},
    {"name": "c", "phd": false}]}, "files": {"plan": {"name": "plan.pdf"}}})");
}

bool has_error(const json& out, const std::string& pointer, const std::string& key) {
  for (const auto& e : out["errors"]) {
    if (e["pointer"] == pointer && e["message_key"] == key) return true;
  }
  return false;
}

TEST(Evaluate, AValidApplicationScoresAndIsEligible) {
  const auto pkg = FormPackage::load(test_bundle());
  const json out = evaluate(pkg, good_answers(), "2023-04-15T10:00:00+08:00", "en");
  EXPECT_TRUE(out["valid"]) << out["errors"].dump(2);
  EXPECT_EQ(out["eligibility"]["verdict"], "eligible");
  EXPECT_EQ(out["eligibility"]["window"], "open");
  EXPECT_EQ(out["computed"]["age"], 2);           // 2020-05-01 → 2023-04-30: not yet 3
  EXPECT_EQ(out["computed"]["age_plus_one"], 3);  // dependency order, not file order
  // team: T1 3 members → 2 of 4, T2 1 of 2 → 3/6 × 60 = 30; size: 60 staff → 2/3 × 40 = 26.67
  EXPECT_EQ(out["score"]["total"], 56.67);
  EXPECT_EQ(out["score"]["band"], "B");
  EXPECT_EQ(out["score"]["band_label"], "competitive");
  EXPECT_EQ(out["applicant_name"], "Acme");
}

TEST(Evaluate, HiddenFieldsNeverErrorNeverScoreAndAreNotSubmitted) {
  const auto pkg = FormPackage::load(test_bundle());
  json answers = good_answers();
  answers["org"]["track_other"] = "x";                // too short, but hidden: track is energy
  answers["org"]["members"][1]["thesis"] = "";        // too short, but hidden: not a PhD
  const json out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  EXPECT_TRUE(out["valid"]) << out["errors"].dump(2);
  EXPECT_EQ(out["hidden"], json({"/org/members/1/thesis", "/org/members/2/thesis", "/org/track_other"}));
  EXPECT_FALSE(out["submitted"]["org"].contains("track_other"));
  EXPECT_FALSE(out["submitted"]["org"]["members"][1].contains("thesis"));
  EXPECT_EQ(out["submitted"]["org"]["members"][0]["thesis"], "Batteries");
}

TEST(Evaluate, ShownConditionalFieldIsRequiredAndValidatedAtItsOwnPointer) {
  const auto pkg = FormPackage::load(test_bundle());
  json answers = good_answers();
  answers["org"]["track"] = "other";
  json out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  EXPECT_TRUE(has_error(out, "/org/track_other", "schema.required")) << out["errors"].dump(2);
  EXPECT_EQ(out["errors"][0]["message"], "Required: track_other");
  answers["org"]["track_other"] = "short";
  out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  EXPECT_TRUE(has_error(out, "/org/track_other", "schema.minLength")) << out["errors"].dump(2);
}

TEST(Evaluate, ConstraintsFailOnlyOnDefiniteFalse) {
  const auto pkg = FormPackage::load(test_bundle());
  json answers = good_answers();
  answers["org"]["rd_staff"] = 61;
  json out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "zh");
  ASSERT_TRUE(has_error(out, "/org/rd_staff", "rules.rd_le_staff"));
  for (const auto& e : out["errors"]) {
    if (e["message_key"] == "rules.rd_le_staff") {
      EXPECT_EQ(e["message"], "研发人员不能多于员工总数。");
    }
  }
  answers["org"].erase("staff");  // unknown: the constraint cannot decide, so it does not fire
  out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  EXPECT_FALSE(has_error(out, "/org/rd_staff", "rules.rd_le_staff"));
}

TEST(Evaluate, WindowIsJudgedInBeijingTimeAndScoringAlwaysRuns) {
  const auto pkg = FormPackage::load(test_bundle());
  EXPECT_EQ(evaluate(pkg, good_answers(), "2023-02-28T23:59:59+08:00", "en")["eligibility"]["window"], "before");
  EXPECT_EQ(evaluate(pkg, good_answers(), "2023-03-01T00:00:00+08:00", "en")["eligibility"]["window"], "open");
  EXPECT_EQ(evaluate(pkg, good_answers(), "2023-04-30T15:59:59Z", "en")["eligibility"]["window"], "open");
  const json late = evaluate(pkg, good_answers(), "2023-04-30T16:00:00Z", "en");
  EXPECT_EQ(late["eligibility"]["window"], "closed");
  EXPECT_EQ(late["score"]["total"], 56.67);
}

TEST(Evaluate, TheWindowMessageWritesDatesAndTheZoneInTheApplicantsLanguage) {
  json bundle = test_bundle();
  bundle["common_i18n"]["en"].update({{"eligibility.window.before", "Opens on {opens} ({time_zone})."},
                                      {"eligibility.window.closed", "Closed on {deadline}, 24:00 ({time_zone})."},
                                      {"date.format", "{day} {month} {year}"}, {"date.date_time", "{date}, {time}"},
                                      {"date.month.3", "March"}, {"date.month.4", "April"},
                                      {"time_zone.Asia/Shanghai", "Beijing time"}});
  bundle["common_i18n"]["zh"].update({{"eligibility.window.closed", "已于{deadline} 24:00（{time_zone}）截止。"},
                                      {"date.format", "{year}年{month}{day}日"}, {"date.month.4", "4月"},
                                      {"time_zone.Asia/Shanghai", "北京时间"}});
  const auto pkg = FormPackage::load(bundle);
  EXPECT_EQ(evaluate(pkg, good_answers(), "2023-02-01T10:00:00+08:00", "en")["eligibility"]["window_message"],
            "Opens on 1 March 2023, 00:00 (Beijing time).");
  const json closed = evaluate(pkg, good_answers(), "2023-05-01T00:00:00+08:00", "zh")["eligibility"];
  EXPECT_EQ(closed["window_message"], "已于2023年4月30日 24:00（北京时间）截止。");
  EXPECT_EQ(closed["round"]["deadline"], "2023-04-30");  // the machine form stays ISO
  EXPECT_EQ(closed["round"]["time_zone"], "Asia/Shanghai");
  // Without the date texts the message falls back to ISO dates and the zone's id.
  bundle = test_bundle();
  bundle["common_i18n"]["en"]["eligibility.window.closed"] = "Closed on {deadline} ({time_zone}).";
  EXPECT_EQ(evaluate(FormPackage::load(bundle), good_answers(), "2023-05-02T00:00:00+08:00", "en")["eligibility"]["window_message"],
            "Closed on 2023-04-30 (Asia/Shanghai).");
}

TEST(Evaluate, EligibilityReasonsHardSoftAndAttachments) {
  const auto pkg = FormPackage::load(test_bundle());
  json answers = good_answers();
  answers["org"]["members"] = json::array({{{"name", "a"}}});
  answers.erase("files");
  const json out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "zh");
  EXPECT_EQ(out["eligibility"]["verdict"], "ineligible");
  std::vector<std::string> ids;
  for (const auto& r : out["eligibility"]["reasons"]) ids.push_back(r["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"E2", "plan"}));
  EXPECT_EQ(out["eligibility"]["reasons"][1]["message"], "缺少附件：商业计划书。");
}

TEST(Evaluate, AdviceIsRankedByWhatItCouldAdd) {
  const auto pkg = FormPackage::load(test_bundle());
  json answers = good_answers();
  answers["org"]["members"] = json::array({{{"name", "a"}}});
  answers["org"]["staff"] = 5;
  answers["org"]["rd_staff"] = 1;
  const json out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  const json& advice = out["score"]["advice"];
  ASSERT_EQ(advice.size(), 2u);
  EXPECT_EQ(advice[0]["criterion"], "S1");  // 3/3 of 40 = 40 points to gain
  EXPECT_EQ(advice[0]["gain"], 40);
  EXPECT_EQ(advice[1]["criterion"], "T1");  // 1 of 4 points: 3/6 of 60 = 30 to gain
  EXPECT_EQ(advice[1]["gain"], 30);
}

TEST(Evaluate, DisabledDimensionRenormalises) {
  json bundle = test_bundle();
  bundle["rubric"]["dimensions"][1]["enabled"] = false;
  const auto pkg = FormPackage::load(bundle);
  const json out = evaluate(pkg, good_answers(), "2023-04-15T10:00:00+08:00", "en");
  EXPECT_EQ(out["score"]["total"], 50);  // 3/6 of 100
}

TEST(Evaluate, SameInputSameBytes) {
  const auto pkg = FormPackage::load(test_bundle());
  const std::string a = evaluate(pkg, good_answers(), "2023-04-15T10:00:00+08:00", "en").dump();
  const std::string b = evaluate(FormPackage::load(test_bundle()), good_answers(), "2023-04-15T10:00:00+08:00", "en").dump();
  EXPECT_EQ(a, b);
}

TEST(Evaluate, RejectsUnusableNowAndLanguage) {
  const auto pkg = FormPackage::load(test_bundle());
  EXPECT_THROW(evaluate(pkg, good_answers(), "2023-04-15 10:00", "en"), std::invalid_argument);
  EXPECT_THROW(evaluate(pkg, good_answers(), "2023-04-15T10:00:00Z", "fr"), std::invalid_argument);
}

TEST(Evaluate, NonObjectAnswersAreAnErrorNotACrash) {
  const auto pkg = FormPackage::load(test_bundle());
  for (const json& answers : {json(nullptr), json(42), json::array({1, 2}), json("x")}) {
    const json out = evaluate(pkg, answers, "2023-04-15T10:00:00Z", "en");
    EXPECT_FALSE(out["valid"]);
  }
}

// A rule's "params" are expressions evaluated where the rule failed, so its message can say
// what the applicant has now ("… cannot exceed the 60 staff; there are 61").
TEST(Evaluate, AFailedRuleFillsItsMessageFromItsParams) {
  json bundle = test_bundle();
  bundle["rules"]["constraints"][0]["params"] = {{"staff", "org.staff"}, {"over", "org.rd_staff - org.staff"}};
  bundle["i18n"]["en"]["rules.rd_le_staff"] = "R&D staff cannot exceed the {staff} staff ({over} too many).";
  const auto pkg = FormPackage::load(bundle);
  json answers = good_answers();
  answers["org"]["rd_staff"] = 61;
  const json out = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  bool found = false;
  for (const auto& e : out["errors"]) {
    if (e["message_key"] != "rules.rd_le_staff") continue;
    found = true;
    EXPECT_EQ(e["params"], json({{"over", 1}, {"staff", 60}}));
    EXPECT_EQ(e["message"], "R&D staff cannot exceed the 60 staff (1 too many).");
  }
  EXPECT_TRUE(found) << out["errors"].dump(2);
  // A rule without params keeps an empty object, as before.
  answers["org"]["founded"] = "2023-04-01";
  // Held in a variable: a range-for over a member of a temporary reads freed memory.
  const json young = evaluate(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  bool young_found = false;
  for (const auto& e : young["errors"]) {
    if (e["message_key"] == "rules.young") {
      young_found = true;
      EXPECT_EQ(e["params"], json::object());
    }
  }
  EXPECT_TRUE(young_found) << young["errors"].dump(2);
}

TEST(Load, ARuleParamIsCheckedLikeAnyExpression) {
  json bundle = test_bundle();
  bundle["rules"]["constraints"][0]["params"] = {{"staff", "org.stafff"}};
  try {
    FormPackage::load(bundle);
    FAIL() << "expected PackageError";
  } catch (const PackageError& e) {
    bool found = false;
    for (const auto& p : e.issues) found |= p.location == "/constraints/0/params/staff" && p.message_key == "expr.unknown_field";
    EXPECT_TRUE(found);
  }
  bundle["rules"]["constraints"][0]["params"] = json::array({"org.staff"});
  EXPECT_THROW(FormPackage::load(bundle), PackageError);
}

TEST(Load, ReportsEveryProblemWithFileAndPointer) {
  json bundle = test_bundle();
  bundle["rules"]["visibility"].push_back({{"target", "/org/nope"}, {"when", "true"}});
  bundle["rules"]["constraints"][0]["assert"] = "org.rd_staff <= ";
  bundle["rules"]["computed"].push_back({{"id", "loop"}, {"expr", "calc.loop + 1"}});
  try {
    FormPackage::load(bundle);
    FAIL() << "expected PackageError";
  } catch (const PackageError& e) {
    std::vector<std::string> where;
    for (const auto& p : e.issues) where.push_back(p.file + " " + p.location + " " + p.message_key);
    const auto has = [&](const std::string& s) { return std::find(where.begin(), where.end(), s) != where.end(); };
    EXPECT_TRUE(has("rules.json /visibility/2/target package.unknown_field")) << ::testing::PrintToString(where);
    EXPECT_TRUE(has("rules.json /computed/2 package.computed_cycle")) << ::testing::PrintToString(where);
    bool expr_error = false;
    for (const auto& p : e.issues) expr_error |= p.location == "/constraints/0/assert" && p.message_key.rfind("expr.", 0) == 0;
    EXPECT_TRUE(expr_error) << ::testing::PrintToString(where);
  }
}

TEST(Load, UnknownFieldInAnExpressionIsALoadError) {
  json bundle = test_bundle();
  bundle["eligibility"]["checks"][0]["assert"] = "org.foundedd <= round.deadline";
  EXPECT_THROW(FormPackage::load(bundle), PackageError);
}


// The package's self-assessment counts as the page does: errors block, warnings only advise.
TEST(ApplicationPackage, CountsErrorsAndWarningsApart) {
  const auto pkg = FormPackage::load(test_bundle());
  json answers = good_answers();
  answers["org"]["founded"] = "2023-04-01";  // under a year old: rule "young", a warning
  const json app = make_application_package(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  EXPECT_TRUE(app["self_assessment"]["valid"]) << app.dump(2);
  EXPECT_EQ(app["self_assessment"]["error_count"], 0);
  EXPECT_EQ(app["self_assessment"]["warning_count"], 1);
  answers["org"]["rd_staff"] = 61;  // over the staff: an error as well
  const json bad = make_application_package(pkg, answers, "2023-04-15T10:00:00+08:00", "en");
  EXPECT_FALSE(bad["self_assessment"]["valid"]);
  EXPECT_EQ(bad["self_assessment"]["error_count"], 1);
  EXPECT_EQ(bad["self_assessment"]["warning_count"], 1);
}

}  // namespace
}  // namespace greenapply::form
