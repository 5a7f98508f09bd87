#include "texts.hpp"

#include <gtest/gtest.h>

namespace greenapply::form {
namespace {

using greenapply::json;

TEST(Texts, PackageFirstThenCommonThenEnglishThenKey) {
  const json pkg = {{"en", {{"a", "package A"}, {"only_en", "English only"}}}, {"zh", {{"a", "表单 A"}}}};
  const json common = {{"en", {{"a", "common A"}, {"b", "common B {n}"}}}, {"zh", {{"b", "通用 B {n}"}}}};
  const Texts zh(&pkg, &common, "zh");
  EXPECT_EQ(zh.text("a"), "表单 A");
  EXPECT_EQ(zh.text("b", {{"n", 3}}), "通用 B 3");
  EXPECT_EQ(zh.text("only_en"), "English only");
  EXPECT_EQ(zh.text("missing.key"), "missing.key");
  EXPECT_FALSE(zh.has("only_en"));
}

TEST(Texts, FillsPlaceholdersWithoutInterpretingThem) {
  EXPECT_EQ(fill_placeholders("{a} and {b} and {c}", {{"a", "x"}, {"b", json::array({"p", "q"})}}),
            "x and p, q and {c}");
  EXPECT_EQ(fill_placeholders("{unclosed", {{"unclosed", 1}}), "{unclosed");
  EXPECT_EQ(fill_placeholders("{a}", {{"a", "{a}"}}), "{a}");  // substituted text is not re-expanded
  EXPECT_EQ(fill_placeholders("at least {limit}", {{"limit", 2.5}}), "at least 2.5");
  // Braces that are not a placeholder of these params stay, whatever is around them.
  EXPECT_EQ(fill_placeholders("{{a}} {} }{ {b}}", {{"a", "x"}, {"b", 1}}), "{x} {} }{ 1}");
  EXPECT_EQ(fill_placeholders("a{", {{"a", 1}}), "a{");
  EXPECT_EQ(fill_placeholders("{a}", json::array()), "{a}");
  EXPECT_EQ(fill_placeholders("", {{"a", 1}}), "");
  EXPECT_EQ(fill_placeholders("\xe5\x85\x83 {n} \xe5\x85\x83", {{"n", 3}}), "\xe5\x85\x83 3 \xe5\x85\x83");
}

}  // namespace
}  // namespace greenapply::form
