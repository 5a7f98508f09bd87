#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "greenapply/regex.hpp"

namespace greenapply::regex {
namespace {

bool matches(const std::string& pattern, const std::string& subject) {
  return Regex::compile(pattern).search(subject) == Regex::Result::match;
}

std::string error_key(const std::string& pattern) {
  try {
    Regex::compile(pattern);
  } catch (const CompileError& e) {
    return e.issue().message_key;
  }
  return "";
}

TEST(Regex, ChineseTextByCodePoint) {
  EXPECT_TRUE(matches("^[\\u4e00-\\u9fa5]{2,10}$", "北京青岚"));
  EXPECT_FALSE(matches("^[\\u4e00-\\u9fa5]{2,10}$", "北"));
  EXPECT_TRUE(matches("^\\p{Script=Han}+$", "北京青岚"));
  EXPECT_FALSE(matches("^\\p{Script=Han}+$", "北京A"));
  EXPECT_TRUE(matches("^.$", "😀"));  // one code point, four bytes
  EXPECT_TRUE(matches("^\\p{L}+$", "Grüße北京"));
  EXPECT_TRUE(matches("^\\p{Lu}", "Émile"));
  EXPECT_TRUE(matches("^\\P{N}+$", "abc"));
  EXPECT_TRUE(matches("^\\u{1F600}$", "😀"));
  EXPECT_TRUE(matches("^\\uD83D\\uDE00$", "😀"));
}

TEST(Regex, EcmaSyntax) {
  EXPECT_TRUE(matches("a(b|c)+d", "xxabcbd"));
  EXPECT_TRUE(matches("^(?:ab)*$", "ababab"));
  EXPECT_TRUE(matches("^(a)(?<x>b)\\1\\k<x>$", "abab"));
  EXPECT_TRUE(matches("(?<=\\$)\\d+", "cost $42"));
  EXPECT_FALSE(matches("(?<!\\$)\\b\\d+", "$42"));
  EXPECT_TRUE(matches("foo(?=bar)", "foobar"));
  EXPECT_FALSE(matches("foo(?!bar)", "foobar"));
  EXPECT_TRUE(matches("^a{2,3}$", "aaa"));
  EXPECT_FALSE(matches("^a{2,3}$", "aaaa"));
  EXPECT_TRUE(matches("^a+?b$", "aaab"));
  EXPECT_TRUE(matches("^\\w+@\\w+\\.\\w+$", "a_1@b.cn"));
  EXPECT_TRUE(matches("^[^\\s]+$", "no-spaces"));
  EXPECT_FALSE(matches("^[^\\s]+$", "a\u3000b"));  // ideographic space is \s
  EXPECT_TRUE(matches("^\\+[1-9]\\d{6,14}$", "+8613800138000"));
  EXPECT_TRUE(matches("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", "91110108MA01C8HQ5C"));
  EXPECT_FALSE(matches("^.$", "\n"));
}

TEST(Regex, InvalidPatternsAreCompileErrors) {
  EXPECT_EQ(error_key("(a"), "regex.syntax");
  EXPECT_EQ(error_key("a)"), "regex.syntax");
  EXPECT_EQ(error_key("[z-a]"), "regex.syntax");
  EXPECT_EQ(error_key("*a"), "regex.syntax");
  EXPECT_EQ(error_key("\\p{NoSuchProperty}"), "regex.unknown_property");
  EXPECT_EQ(error_key("\\2(a)"), "regex.unknown_group");
  EXPECT_EQ(error_key("(a{1000}){1000}"), "regex.too_complex");
  EXPECT_EQ(error_key("a{2}{3}"), "regex.syntax");
  EXPECT_EQ(error_key("\\a"), "regex.syntax");
}

TEST(Regex, CatastrophicPatternsStopWithinTheBudget) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Regex::compile("^(a+)+$").search(std::string(40, 'a') + "!"), Regex::Result::step_limit);
  EXPECT_EQ(Regex::compile("(x+x+)+y").search(std::string(5000, 'x')), Regex::Result::step_limit);
  EXPECT_EQ(Regex::compile("^(a*)*$").search("aaaaaaaaaaaaaaaaaaaaaaa!"), Regex::Result::step_limit);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // Empty loops terminate.
  EXPECT_TRUE(matches("^(a*)*$", "aaaa"));
  EXPECT_TRUE(matches("^(a|)*b$", "aab"));
}

TEST(Regex, HugeSubjectsDoNotOverflowTheStack) {
  // The VM keeps its backtracking state on the heap: a long subject costs steps, never stack.
  const std::string long_subject(2 * 1024 * 1024, 'a');
  EXPECT_EQ(Regex::compile("^a*$").search(long_subject, 20000000), Regex::Result::match);
  const std::string big(50 * 1024 * 1024, 'a');
  EXPECT_EQ(Regex::compile("^a*$").search(big), Regex::Result::step_limit);
}

TEST(Regex, InvalidUtf8SubjectsAreReadSafely) {
  // Found by fuzz_regex (tests/regressions/fuzz_regex-truncated-utf8): a lead byte at the end
  // of the subject made the decoder read past it inside a word-boundary check.
  const std::string subject("a\x0f:\x0f\x0f" "8\x80\xc9", 8);
  EXPECT_NE(Regex::compile(".*b*\\b$").search(subject), Regex::Result::step_limit);
  EXPECT_NE(Regex::compile("\\b\\w").search(std::string("\xe4\xb8", 2)), Regex::Result::step_limit);
}

}  // namespace
}  // namespace greenapply::regex
