// Per-field error texts: a package's "<field key>.error.<keyword>" replaces the engine's generic
// message for a schema error at that field (same params, same generic key), and lint warns about
// such texts that can never be shown.
#include <algorithm>

#include <gtest/gtest.h>

#include "greenapply/form.hpp"

namespace greenapply::form {
namespace {

using greenapply::json;

constexpr const char* kNow = "2023-04-15T10:00:00+08:00";

// A small package: a phone with a pattern, a website with a pattern and a format (only the
// pattern has its own text), keywords whose items are checked, a repeat whose e-mail schema is
// reached through "$ref", and a field that only an if/then branch constrains.
json bundle() {
  return json::parse(R"JSON({
  "form": {"id": "texts-form", "version": "1.0.0", "files": {}, "submission": {"to": "x@organiser.example"}},
  "data_schema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "$defs": {"email": {"type": "string", "format": "email"}},
    "properties": {
      "owner": {"type": "object", "required": ["name"],
        "properties": {
          "name": {"type": "string", "minLength": 2},
          "contact_phone": {"type": "string", "pattern": "^\\+[1-9][0-9]{6,14}$"},
          "website": {"type": "string", "format": "uri", "pattern": "^https?://"},
          "country": {"type": "string"},
          "uscc": {"type": "string"},
          "keywords": {"type": "array", "maxItems": 3,
                       "items": {"type": "string", "minLength": 2, "pattern": "^[^,]+$"}}
        },
        "if": {"properties": {"country": {"const": "CN"}}, "required": ["country"]},
        "then": {"properties": {"uscc": {"pattern": "^[0-9A-Z]{18}$"}}}
      },
      "team": {"type": "object", "properties": {
        "core_team": {"type": "array", "items": {"type": "object", "required": ["email"],
                      "properties": {"email": {"$ref": "#/$defs/email"}}}}}}
    }
  },
  "layout": {"sections": [
    {"id": "owner", "fields": [
      {"pointer": "/owner/name", "widget": "text"}, {"pointer": "/owner/contact_phone", "widget": "tel"},
      {"pointer": "/owner/website", "widget": "url"}, {"pointer": "/owner/country", "widget": "country"},
      {"pointer": "/owner/uscc", "widget": "text"}, {"pointer": "/owner/keywords", "widget": "tags"}]},
    {"id": "team", "fields": [
      {"pointer": "/team/core_team", "widget": "repeat", "fields": [{"pointer": "email", "widget": "email"}]}]}
  ]},
  "i18n": {
    "en": {"form.title": "T", "form.summary": "S", "owner.title": "Owner", "team.title": "Team",
           "owner.name.label": "Name", "owner.contact_phone.label": "Phone", "owner.website.label": "Website",
           "owner.country.label": "Country", "owner.uscc.label": "USCC", "owner.keywords.label": "Keywords",
           "team.core_team.label": "Core team", "team.core_team.email.label": "E-mail",
           "owner.contact_phone.error.pattern": "Enter the number with + and the country code, for example +861012345678.",
           "owner.keywords.error.minLength": "Each keyword needs at least {limit} characters; one has {actual}.",
           "owner.name.error.required": "Enter the owner's name as registered.",
           "owner.uscc.error.pattern": "Enter the 18-character code from the business licence.",
           "team.core_team.email.error.format": "Enter this member's e-mail address, e.g. name@example.com."},
    "zh": {"form.title": "T", "form.summary": "S", "owner.title": "所有者", "team.title": "团队",
           "owner.name.label": "名称", "owner.contact_phone.label": "电话", "owner.website.label": "网址",
           "owner.country.label": "国家", "owner.uscc.label": "统一社会信用代码", "owner.keywords.label": "关键词",
           "team.core_team.label": "核心团队", "team.core_team.email.label": "邮箱",
           "owner.contact_phone.error.pattern": "请以“+”和国家代码开头，例如 +861012345678。",
           "owner.keywords.error.minLength": "每个关键词至少{limit}个字，有一个只有{actual}个字。",
           "owner.name.error.required": "请填写登记的名称。",
           "owner.uscc.error.pattern": "请填写营业执照上的18位代码。"}
  },
  "common_i18n": {
    "en": {"schema.pattern": "This answer is not in the expected format.", "schema.format": "This answer is not a valid {format}.",
           "schema.minLength": "Enter at least {limit} characters (you entered {actual}).",
           "schema.required": "Please answer this question."},
    "zh": {"schema.pattern": "该答案的格式不正确。", "schema.format": "该答案不是有效的{format}。",
           "schema.minLength": "请至少输入{limit}个字符（当前{actual}个）。", "schema.required": "请回答此问题。"}
  }
})JSON");
}

json good() {
  return json::parse(R"({"owner": {"name": "Acme", "contact_phone": "+861012345678", "website": "https://acme.example",
    "keywords": ["solar", "storage"]}, "team": {"core_team": [{"email": "a@acme.example"}]}})");
}

// The one error at pointer (the test fails when there is none or more than one).
json error_at(const json& out, const std::string& pointer) {
  json found = json::array();
  for (const auto& e : out["errors"]) {
    if (e["pointer"] == pointer) found.push_back(e);
  }
  EXPECT_EQ(found.size(), 1u) << pointer << " in " << out["errors"].dump(2);
  return found.empty() ? json::object() : found[0];
}

TEST(FieldErrorTexts, FieldTextReplacesTheGenericMessageAndTheKeyStaysGeneric) {
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["owner"]["contact_phone"] = "+86 10 1234 5678";
  const json en = error_at(evaluate(pkg, answers, kNow, "en"), "/owner/contact_phone");
  EXPECT_EQ(en["message_key"], "schema.pattern");
  EXPECT_EQ(en["source"], "schema");
  EXPECT_EQ(en["message"], "Enter the number with + and the country code, for example +861012345678.");
  EXPECT_EQ(en["params"], json({{"pattern", "^\\+[1-9][0-9]{6,14}$"}}));
  const json zh = error_at(evaluate(pkg, answers, kNow, "zh"), "/owner/contact_phone");
  EXPECT_EQ(zh["message_key"], "schema.pattern");
  EXPECT_EQ(zh["message"], "请以“+”和国家代码开头，例如 +861012345678。");
}

// Between the field's own text and the generic one: the generic text for the field's kind of
// control ("schema.maxItems.tags"), so a list of boxes says "Choose", not "Enter".
TEST(FieldErrorTexts, TheWidgetsGenericTextComesBeforeTheKeywordsOwn) {
  json b = bundle();
  b["common_i18n"]["en"]["schema.maxItems"] = "Enter at most {limit} entries (there are {actual}).";
  b["common_i18n"]["en"]["schema.maxItems.tags"] = "Give at most {limit} keywords (you gave {actual}).";
  b["common_i18n"]["zh"]["schema.maxItems.tags"] = "最多填写{limit}个关键词（现有{actual}个）。";
  b["common_i18n"]["en"]["schema.pattern.url"] = "Enter a web address.";
  const auto pkg = FormPackage::load(b);
  json answers = good();
  answers["owner"]["keywords"] = json::array({"aa", "bb", "cc", "dd"});
  const json en = error_at(evaluate(pkg, answers, kNow, "en"), "/owner/keywords");
  EXPECT_EQ(en["message_key"], "schema.maxItems");
  EXPECT_EQ(en["message"], "Give at most 3 keywords (you gave 4).");
  EXPECT_EQ(error_at(evaluate(pkg, answers, kNow, "zh"), "/owner/keywords")["message"], "最多填写3个关键词（现有4个）。");
  // A field's own text still wins over its widget's: the phone (tel) has its own pattern text,
  // and an entry inside a list takes the text of the list's widget.
  answers["owner"]["keywords"] = json::array({"a,b"});
  answers["owner"]["website"] = "ftp://acme.example";
  const json out = evaluate(pkg, answers, kNow, "en");
  EXPECT_EQ(error_at(out, "/owner/website")["message"], "Enter a web address.");
  EXPECT_EQ(error_at(out, "/owner/keywords/0")["message"], "This answer is not in the expected format.");
}

TEST(FieldErrorTexts, AFieldWithoutItsOwnTextKeepsTheGenericOne) {
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["owner"]["website"] = "ftp://acme.example";  // a valid URI, but not http(s)
  const json e = error_at(evaluate(pkg, answers, kNow, "en"), "/owner/website");
  EXPECT_EQ(e["message_key"], "schema.pattern");
  EXPECT_EQ(e["message"], "This answer is not in the expected format.");
  // The phone's text is for the phone only: another field with the same keyword is untouched.
  answers["owner"]["website"] = "https://acme.example";
  answers["owner"]["keywords"] = json::array({"a,b"});
  EXPECT_EQ(error_at(evaluate(pkg, answers, kNow, "en"), "/owner/keywords/0")["message"],
            "This answer is not in the expected format.");
}

TEST(FieldErrorTexts, OnlyTheKeywordNamedInTheTextIsReplaced) {
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["owner"]["name"] = "A";  // minLength: the field has a text for "required" only
  const json e = error_at(evaluate(pkg, answers, kNow, "en"), "/owner/name");
  EXPECT_EQ(e["message_key"], "schema.minLength");
  EXPECT_EQ(e["message"], "Enter at least 2 characters (you entered 1).");
}

TEST(FieldErrorTexts, ItemsOfAListUseTheListsKeyAndTheSameParams) {
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["owner"]["keywords"] = json::array({"solar", "x"});
  const json en = error_at(evaluate(pkg, answers, kNow, "en"), "/owner/keywords/1");
  EXPECT_EQ(en["message_key"], "schema.minLength");
  EXPECT_EQ(en["params"], json({{"actual", 1}, {"limit", 2}}));
  EXPECT_EQ(en["message"], "Each keyword needs at least 2 characters; one has 1.");
  EXPECT_EQ(error_at(evaluate(pkg, answers, kNow, "zh"), "/owner/keywords/1")["message"],
            "每个关键词至少2个字，有一个只有1个字。");
}

TEST(FieldErrorTexts, EveryItemOfARepeatSharesTheFieldsText) {
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["team"]["core_team"] = json::parse(R"([{"email": "a@acme.example"}, {"email": "b at acme"}, {"email": "c@"}])");
  const json out = evaluate(pkg, answers, kNow, "en");
  for (const char* pointer : {"/team/core_team/1/email", "/team/core_team/2/email"}) {
    const json e = error_at(out, pointer);
    EXPECT_EQ(e["message_key"], "schema.format");
    EXPECT_EQ(e["params"], json({{"format", "email"}}));
    EXPECT_EQ(e["message"], "Enter this member's e-mail address, e.g. name@example.com.");
  }
}

TEST(FieldErrorTexts, RequiredUsesTheMissingFieldsText) {
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["owner"].erase("name");
  const json e = error_at(evaluate(pkg, answers, kNow, "zh"), "/owner/name");
  EXPECT_EQ(e["message_key"], "schema.required");
  EXPECT_EQ(e["message"], "请填写登记的名称。");
}

TEST(FieldErrorTexts, AConditionalKeywordGetsItsTextToo) {
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["owner"]["country"] = "CN";
  answers["owner"]["uscc"] = "91110108";
  const json e = error_at(evaluate(pkg, answers, kNow, "en"), "/owner/uscc");
  EXPECT_EQ(e["message_key"], "schema.pattern");
  EXPECT_EQ(e["message"], "Enter the 18-character code from the business licence.");
}

TEST(FieldErrorTexts, ALanguageWithoutTheFieldTextGetsTheGenericTextInThatLanguage) {
  // team.core_team.email.error.format exists in English only: a Chinese applicant reads the
  // generic Chinese text, not an English sentence in a Chinese form.
  const auto pkg = FormPackage::load(bundle());
  json answers = good();
  answers["team"]["core_team"][0]["email"] = "nobody";
  const json e = error_at(evaluate(pkg, answers, kNow, "zh"), "/team/core_team/0/email");
  EXPECT_EQ(e["message_key"], "schema.format");
  EXPECT_EQ(e["message"], "该答案不是有效的email。");
}

TEST(FieldErrorTexts, RuleMessagesAreNotAffected) {
  // A constraint's key is rules.<id>; a text named like a field error for it is not used.
  json b = bundle();
  b["rules"] = json::parse(R"({"constraints": [{"id": "cn_phone", "assert": "owner.contact_phone != '+861012345678'",
                                                "pointer": "/owner/contact_phone", "severity": "warning"}]})");
  b["i18n"]["en"]["rules.cn_phone"] = "Use a direct line, not the switchboard.";
  b["i18n"]["en"]["owner.contact_phone.error.cn_phone"] = "never shown";
  const auto pkg = FormPackage::load(b);
  const json e = error_at(evaluate(pkg, good(), kNow, "en"), "/owner/contact_phone");
  EXPECT_EQ(e["message_key"], "rules.cn_phone");
  EXPECT_EQ(e["message"], "Use a direct line, not the switchboard.");
}

// ----- lint --------------------------------------------------------------------------------

std::vector<Issue> error_text_problems(const json& b) {
  std::vector<Issue> out;
  for (const auto& p : lint(b, nullptr)) {
    if (p.message_key.rfind("lint.error_text_", 0) == 0) out.push_back(p);
  }
  return out;
}

TEST(FieldErrorTextsLint, TextsForRealFieldsAndKeywordsAreClean) {
  // Includes a keyword reached through "$ref" (core_team email format), one on the items of a
  // list (keywords minLength), one only in an if/then branch (uscc pattern) and "required"
  // asked by the parent object (owner.name).
  const auto problems = error_text_problems(bundle());
  for (const auto& p : problems) ADD_FAILURE() << p.message_key << " " << p.params.dump();
}

TEST(FieldErrorTextsLint, WarnsAboutATextThatCanNeverBeShown) {
  json b = bundle();
  for (const char* lang : {"en", "zh"}) {
    b["i18n"][lang]["owner.fax.error.pattern"] = "x";            // no such field
    b["i18n"][lang]["owner.contact_phone.error.minLength"] = "x";  // the phone has no minLength
    b["i18n"][lang]["owner.website.error.required"] = "x";         // the website is optional
    b["i18n"][lang]["owner.keywords.error.maxItems"] = "x";        // fine: the list has maxItems
  }
  const auto problems = error_text_problems(b);
  ASSERT_EQ(problems.size(), 3u);
  std::vector<std::string> got;
  for (const auto& p : problems) {
    EXPECT_EQ(p.severity, Severity::warning);
    EXPECT_EQ(p.file, "i18n/en.json");
    got.push_back(p.message_key + " " + p.params.value("key", std::string()));
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"lint.error_text_unknown_field owner.fax.error.pattern",
                                           "lint.error_text_unknown_keyword owner.contact_phone.error.minLength",
                                           "lint.error_text_unknown_keyword owner.website.error.required"}));
  for (const auto& p : problems) {
    if (p.params["key"] == "owner.contact_phone.error.minLength") {
      EXPECT_EQ(p.params["field"], "owner.contact_phone");
      EXPECT_EQ(p.params["keyword"], "minLength");
      EXPECT_EQ(p.params["keywords"], json({"pattern", "type"}));
    }
  }
}

TEST(FieldErrorTextsLint, AFieldTextMissingInOneLanguageIsAnError) {
  // team.core_team.email.error.format is English only in the test package: the parity check.
  bool found = false;
  for (const auto& p : lint(bundle(), nullptr)) {
    if (p.message_key == "lint.missing_text" && p.params["key"] == "team.core_team.email.error.format") {
      found = true;
      EXPECT_EQ(p.severity, Severity::error);
      EXPECT_EQ(p.params["lang"], "zh");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace greenapply::form
