// Pattern keywords (pattern, patternProperties, additionalProperties beside patterns) and the
// meta-schema check, which need the regex module.
#include <gtest/gtest.h>

#include <string>

#include "greenapply/json_schema.hpp"

namespace greenapply::json_schema {
namespace {

using greenapply::json;

TEST(Pattern, SearchesUnanchoredOverCodePoints) {
  const Validator v = Validator::compile(json{{"pattern", "^[\\u4e00-\\u9fff]{2,4}$"}});
  EXPECT_TRUE(v.is_valid("绿色科技"));
  EXPECT_FALSE(v.is_valid("绿"));
  EXPECT_FALSE(v.is_valid("green"));
  EXPECT_TRUE(v.is_valid(12));  // not a string
  EXPECT_TRUE(Validator::compile(json{{"pattern", "b"}}).is_valid("abc"));
  const auto issues = v.validate("x");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "schema.pattern");
  EXPECT_EQ(issues[0].params, (json{{"pattern", "^[\\u4e00-\\u9fff]{2,4}$"}}));
}

// "^(a+)+$" alone is decided by the position automaton (regex/automaton.hpp); the
// back-reference keeps it on the backtracking VM, where the step budget ends it.
TEST(Pattern, CatastrophicBacktrackingIsReportedNotHung) {
  const Validator v = Validator::compile(json{{"pattern", "^(a+)+\\1$"}});
  const auto issues = v.validate(std::string(40, 'a') + "!");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "limit.regex_steps");
  EXPECT_FALSE(v.is_valid(std::string(40, 'a') + "!"));
}

TEST(Pattern, StepLimitInsideNotIsNotAPass) {
  const Validator v = Validator::compile(json::parse(R"({"not": {"pattern": "^(a+)+\\1$"}})"));
  const std::string hostile = std::string(40, 'a') + "!";
  EXPECT_FALSE(v.is_valid(hostile));
  const auto issues = v.validate(hostile);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "limit.regex_steps");
  EXPECT_EQ(issues[0].keyword_location, "/not/pattern");
  EXPECT_TRUE(v.is_valid("bbb"));
}

TEST(Pattern, WhatBacktrackingCouldNotFinishIsDecided) {
  const Validator v = Validator::compile(json{{"pattern", "^(a+)+$"}});
  const auto issues = v.validate(std::string(40, 'a') + "!");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "schema.pattern");
  EXPECT_TRUE(v.is_valid(std::string(40, 'a')));
}

TEST(Pattern, InvalidPatternIsASchemaError) {
  try {
    Validator::compile(json{{"properties", {{"a", {{"pattern", "(unclosed"}}}}}});
    FAIL() << "expected SchemaError";
  } catch (const SchemaError& e) {
    EXPECT_EQ(e.issue().message_key, "schema_error.bad_regex");
    EXPECT_EQ(e.issue().absolute_keyword_location, "#/properties/a/pattern");
  }
}

TEST(Pattern, PatternPropertiesAndAdditionalProperties) {
  const Validator v = Validator::compile(json::parse(R"({
    "patternProperties": {"^x-": {"type": "string"}},
    "additionalProperties": false})"));
  EXPECT_TRUE(v.is_valid(json{{"x-note", "ok"}}));
  const auto issues = v.validate(json{{"x-note", 1}, {"other", 2}});
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].message_key, "schema.additionalProperties");
  EXPECT_EQ(issues[1].location, "/x-note");
  EXPECT_EQ(issues[1].keyword_location, "/patternProperties/^x-/type");
}

TEST(MetaSchema, ChecksSchemasAgainstTheirDialect) {
  EXPECT_TRUE(
      check_against_metaschema(json::parse(R"({"type": "string", "minLength": 1})")).empty());
  const auto issues = check_against_metaschema(json::parse(R"({"minLength": -1})"));
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(issues[0].location, "/minLength");
  const auto bad_type = check_against_metaschema(json::parse(R"({
    "$schema": "http://json-schema.org/draft-07/schema#", "type": "text"})"));
  EXPECT_FALSE(bad_type.empty());
  const auto unknown = check_against_metaschema(json::parse(R"({"$schema": "urn:nope"})"));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].message_key, "schema_error.unknown_dialect");
}

TEST(MetaSchema, RefToTheMetaSchemaWorksOffline) {
  const Validator v =
      Validator::compile(json{{"$ref", "https://json-schema.org/draft/2020-12/schema"}});
  EXPECT_TRUE(v.is_valid(json::parse(R"({"properties": {"a": {"type": "integer"}}})")));
  EXPECT_FALSE(v.is_valid(json::parse(R"({"properties": {"a": {"type": 7}}})")));
}

}  // namespace
}  // namespace greenapply::json_schema
