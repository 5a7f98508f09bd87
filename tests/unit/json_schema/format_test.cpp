// "format" as an assertion (opt-in), which needs the formats module.
#include <gtest/gtest.h>

#include "greenapply/json_schema.hpp"

namespace greenapply::json_schema {
namespace {

using greenapply::json;

TEST(FormatAssertion, OptInReportsTheFormat) {
  const json schema = json::parse(R"({"properties": {"mail": {"format": "email"},
                                                      "day": {"format": "date"}}})");
  const json bad = json::parse(R"({"mail": "not an email", "day": "2023-02-30"})");
  EXPECT_TRUE(Validator::compile(schema).is_valid(bad));  // annotation by default
  Options o;
  o.format_assertion = true;
  const Validator v = Validator::compile(schema, o);
  const auto issues = v.validate(bad);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].message_key, "schema.format");
  EXPECT_EQ(issues[0].location, "/day");
  EXPECT_EQ(issues[0].params, (json{{"format", "date"}}));
  EXPECT_EQ(issues[1].params, (json{{"format", "email"}}));
  EXPECT_TRUE(v.is_valid(json::parse(R"({"mail": "a@example.org", "day": "2024-02-29"})")));
  EXPECT_TRUE(v.is_valid(json::parse(R"({"mail": 12, "day": null})")));  // strings only
}

TEST(FormatAssertion, VocabularyOfACustomMetaSchemaTurnsItOn) {
  const Resolver resolver = [](const std::string& uri) -> std::optional<json> {
    if (uri != "https://example.org/strict-meta") return std::nullopt;
    return json::parse(R"({
      "$schema": "https://json-schema.org/draft/2020-12/schema",
      "$id": "https://example.org/strict-meta",
      "$vocabulary": {
        "https://json-schema.org/draft/2020-12/vocab/core": true,
        "https://json-schema.org/draft/2020-12/vocab/validation": true,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": true
      }})");
  };
  const json schema = json::parse(R"({"$schema": "https://example.org/strict-meta",
                                      "format": "ipv4", "type": "string"})");
  const Validator v = Validator::compile(schema, {}, resolver);
  EXPECT_TRUE(v.is_valid("192.168.0.1"));
  EXPECT_FALSE(v.is_valid("999.1.1.1"));
  EXPECT_FALSE(v.is_valid(5));
}

}  // namespace
}  // namespace greenapply::json_schema
