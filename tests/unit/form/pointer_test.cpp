#include "pointer.hpp"

#include <gtest/gtest.h>

namespace greenapply::form {
namespace {

using greenapply::json;

TEST(Pointer, EscapesAndSplits) {
  EXPECT_EQ(escape_token("a/b~c"), "a~1b~0c");
  EXPECT_EQ(split_pointer("/a~1b/~0c/0"), (std::vector<std::string>{"a/b", "~c", "0"}));
  EXPECT_EQ(join_pointer({"a/b", "~c"}), "/a~1b/~0c");
  EXPECT_TRUE(split_pointer("").empty());
}

TEST(Pointer, WithinMeansSelfOrBelow) {
  EXPECT_TRUE(is_within("/team/core_team/0", "/team/core_team"));
  EXPECT_TRUE(is_within("/team", "/team"));
  EXPECT_FALSE(is_within("/team_profile", "/team"));
  EXPECT_TRUE(is_within("/x", ""));
}

TEST(Pointer, ExpandsStarsOverItems) {
  const json doc = {{"team", {{"core_team", {{{"name", "a"}}, {{"name", "b"}}}}}}};
  EXPECT_EQ(expand_pattern(doc, "/team/core_team/*/name"),
            (std::vector<std::string>{"/team/core_team/0/name", "/team/core_team/1/name"}));
  EXPECT_TRUE(expand_pattern(doc, "/missing/*/x").empty());
}

TEST(Pointer, FindsAndErases) {
  json doc = {{"a", {{"b", 1}, {"c", {10, 20}}}}};
  ASSERT_NE(find_at(doc, "/a/c/1"), nullptr);
  EXPECT_EQ(*find_at(doc, "/a/c/1"), 20);
  EXPECT_EQ(find_at(doc, "/a/c/2"), nullptr);
  EXPECT_EQ(find_at(doc, "/a/c/01x"), nullptr);
  erase_at(doc, "/a/b");
  EXPECT_FALSE(doc["a"].contains("b"));
  erase_at(doc, "/nothing/here");  // no-op
}

TEST(Pointer, FieldTextKeyLeavesOutIndexesAndStars) {
  EXPECT_EQ(field_text_key("/team/core_team/3/email"), "team.core_team.email");
  EXPECT_EQ(field_text_key("/team/core_team/*/email"), "team.core_team.email");
  EXPECT_EQ(field_text_key("/technology/keywords/12"), "technology.keywords");
  EXPECT_EQ(field_text_key("/owner/contact_phone"), "owner.contact_phone");
  EXPECT_EQ(field_text_key(""), "");
}

}  // namespace
}  // namespace greenapply::form
