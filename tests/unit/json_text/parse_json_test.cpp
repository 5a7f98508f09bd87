#include "greenapply/json_text.hpp"

#include <string>

#include <gtest/gtest.h>

namespace greenapply {
namespace {

TEST(ParseJson, ParsesOrdinaryDocuments) {
  const auto j = parse_json(R"({"a": [1, 2.5, "北京"], "b": null})");
  EXPECT_EQ(j["a"][2].get<std::string>(), "北京");
  EXPECT_TRUE(j["b"].is_null());
}

TEST(ParseJson, ReportsSyntaxErrorsWithLineAndColumn) {
  try {
    parse_json("{\n  \"a\": 1,\n  \"b\": ]\n}");
    FAIL() << "expected an error";
  } catch (const JsonTextError& e) {
    EXPECT_EQ(e.issue().message_key, "json.syntax");
    EXPECT_EQ(e.issue().line, 3u);
    EXPECT_EQ(e.issue().column, 8u);
  }
}

TEST(ParseJson, RejectsEmptyInput) {
  try {
    parse_json("");
    FAIL();
  } catch (const JsonTextError& e) {
    EXPECT_EQ(e.issue().message_key, "json.empty");
  }
}

TEST(ParseJson, RejectsInvalidUtf8) {
  EXPECT_THROW(parse_json("\"\xff\xfe\""), JsonTextError);
  EXPECT_THROW(parse_json("\"\xed\xa0\x80\""), JsonTextError);  // UTF-16 surrogate encoded in UTF-8
}

TEST(ParseJson, RejectsAMillionDeepNestingWithoutRecursing) {
  const std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
  try {
    parse_json(deep);
    FAIL();
  } catch (const JsonTextError& e) {
    EXPECT_EQ(e.issue().message_key, "json.depth");
    EXPECT_EQ(e.issue().offset, kMaxJsonDepth);
  }
}

TEST(ParseJson, AcceptsDepthAtTheLimitAndIgnoresBracketsInStrings) {
  const std::string at_limit = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_NO_THROW(parse_json(at_limit));
  const std::string in_string = "\"" + std::string(10000, '[') + "\"";
  EXPECT_NO_THROW(parse_json(in_string));
  EXPECT_NO_THROW(parse_json(R"(["\"[[[[", {"k": "\\"}])"));
}

TEST(ParseJson, NumbersBeyondDoubleAreAnErrorNotACrash) {
  // Found by fuzz_json_schema: nlohmann throws out_of_range, not parse_error, for these.
  try {
    parse_json("[1e+616]");
    FAIL();
  } catch (const JsonTextError& e) {
    EXPECT_EQ(e.issue().message_key, "json.number_out_of_range");
  }
  EXPECT_NO_THROW(parse_json("[18446744073709551616, -9223372036854775809, 1e308]"));  // beyond 64 bits: doubles
}

TEST(ParseJson, TruncatedDocumentIsASyntaxError) {
  try {
    parse_json(R"({"a": [1, 2)");
    FAIL();
  } catch (const JsonTextError& e) {
    EXPECT_EQ(e.issue().message_key, "json.syntax");
  }
}

}  // namespace
}  // namespace greenapply
