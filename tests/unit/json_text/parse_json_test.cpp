#include "greenapply/json_text.hpp"

#include <random>
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

// json.depth is the first problem when the text is JSON up to the bracket too deep: texts of
// brackets, quotes and escapes in any order, against a plain scan one character at a time.
std::size_t depth_violation_reference(const std::string& text, std::size_t max_depth) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if ((c == '[' || c == '{') && ++depth > max_depth) return i;
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return std::string::npos;
}

TEST(ParseJson, DepthIsReportedAtTheBracketTooDeep) {
  std::mt19937 random(20261206);
  const char alphabet[] = {'[', ']', '"', '\\', 'a', ' ', ',', '1'};
  std::size_t violations = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string text(random() % 40, ' ');
    for (auto& c : text) c = alphabet[random() % sizeof alphabet];
    const std::size_t max_depth = 1 + random() % 4;
    const std::size_t expected = depth_violation_reference(text, max_depth);
    try {
      parse_json(text, max_depth);
      ASSERT_EQ(expected, std::string::npos) << text;
    } catch (const JsonTextError& e) {
      if (e.issue().message_key != "json.depth") {
        // Another problem came first, or there is none of depth at all.
        ASSERT_TRUE(expected == std::string::npos || e.issue().offset <= expected) << text;
      } else {
        ++violations;
        ASSERT_EQ(e.issue().offset, expected) << text;
      }
    }
  }
  EXPECT_GT(violations, 200u);  // the texts do reach the limit
  // A long string of escapes is read once.
  const std::string escapes = "[\"" + std::string(2000000, '\\') + "\"]";
  EXPECT_NO_THROW(parse_json(escapes));
}

TEST(ParseJson, NumbersBeyondDoubleAreAnErrorNotACrash) {
  // Found by fuzz_json_schema (nlohmann's parser threw out_of_range for these, not parse_error).
  try {
    parse_json("[1e+616]");
    FAIL();
  } catch (const JsonTextError& e) {
    EXPECT_EQ(e.issue().message_key, "json.number_out_of_range");
    EXPECT_EQ(e.issue().offset, 1u);  // where the number starts
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
