#include <gtest/gtest.h>

#include "expr_test_support.hpp"

namespace greenapply::expr {
namespace {

using testing::parse_error;
using testing::run;

TEST(ExprParse, PrecedenceFollowsTheGrammar) {
  EXPECT_EQ(run("1 + 2 * 3").as_number(), 7);
  EXPECT_EQ(run("(1 + 2) * 3").as_number(), 9);
  EXPECT_EQ(run("-2 * 3 + 10 % 4").as_number(), -4);
  EXPECT_TRUE(run("1 < 2 and 2 < 3 or false").is_true());
  EXPECT_TRUE(run("not 1 > 2").is_true());
  EXPECT_EQ(run("true ? 1 : 2").as_number(), 1);
  EXPECT_EQ(run("null ?? 5").as_number(), 5);
  EXPECT_EQ(run("1e3 + .5").as_number(), 1000.5);
}

TEST(ExprParse, ErrorsCarryOffsetLineColumnAndKey) {
  Issue e = parse_error("1 +");
  EXPECT_EQ(e.message_key, "expr.unexpected_end");
  EXPECT_EQ(e.offset, 3u);
  e = parse_error("count(team.core_team,\n  1) + )");
  EXPECT_EQ(e.message_key, "expr.arity");
  e = parse_error("a +\n  )");
  EXPECT_EQ(e.message_key, "expr.unknown_field");
  e = parse_error("1 +\n  )");
  EXPECT_EQ(e.message_key, "expr.unexpected_token");
  EXPECT_EQ(e.line, 2u);
  EXPECT_EQ(e.column, 3u);
  EXPECT_EQ(parse_error("'abc").message_key, "expr.unterminated_string");
  EXPECT_EQ(parse_error("frobnicate(1)").message_key, "expr.unknown_function");
  EXPECT_EQ(parse_error("1 # 2").message_key, "expr.unexpected_character");
  // matches(): the pattern is a literal compiled at load time, errors point at it.
  EXPECT_EQ(parse_error("matches(company.name, company.name)").message_key, "expr.pattern_not_literal");
  EXPECT_EQ(parse_error("matches(company.name, company.name)").offset, 22u);
  EXPECT_EQ(parse_error("matches(company.name, '(unclosed')").message_key, "expr.bad_pattern");
  EXPECT_EQ(parse_error("matches(company.name, '(unclosed')").offset, 22u);
  EXPECT_EQ(parse_error("matches(company.employees, 'x')").message_key, "expr.type_mismatch");
  EXPECT_EQ(parse_error("it.name").message_key, "expr.it_outside_item");
}

TEST(ExprParse, TypeChecksAtLoadTime) {
  EXPECT_EQ(parse_error("company.name * 2").message_key, "expr.type_mismatch");
  EXPECT_EQ(parse_error("company.founding_date < '2023-01-01'").message_key, "expr.type_mismatch");
  EXPECT_EQ(parse_error("sum(technology.trl)").message_key, "expr.type_mismatch");
  EXPECT_EQ(parse_error("count_if(team.core_team, it.years)").message_key, "expr.type_mismatch");
  EXPECT_EQ(parse_error("count_if(team.core_team, it.nope)").message_key, "expr.unknown_field");
  EXPECT_EQ(parse_error("company.nme").message_key, "expr.unknown_field");
  EXPECT_NO_THROW(Program::compile("company.founding_date <= round.deadline", testing::type_env));
  EXPECT_EQ(Program::compile("years_between(company.founding_date, round.deadline)", testing::type_env).result_type(),
            Type::number);
}

TEST(ExprParse, ReferencesListEveryFieldRead) {
  const auto p = Program::compile("count_if(team.core_team, it.full_time) + company.employees", testing::type_env);
  const auto& refs = p.references();
  EXPECT_NE(std::find(refs.begin(), refs.end(), std::vector<std::string>{"team", "core_team"}), refs.end());
  EXPECT_NE(std::find(refs.begin(), refs.end(), std::vector<std::string>{"team", "core_team", "[]", "full_time"}), refs.end());
  EXPECT_NE(std::find(refs.begin(), refs.end(), std::vector<std::string>{"company", "employees"}), refs.end());
}

TEST(ExprParse, HostileInputIsAnErrorNotACrash) {
  EXPECT_EQ(parse_error(std::string(100000, '(') + "1" + std::string(100000, ')')).message_key, "expr.too_long");
  Limits generous;
  generous.max_text_bytes = 1 << 20;
  try {
    Program::compile(std::string(100000, '(') + "1" + std::string(100000, ')'), testing::type_env, {}, generous);
    FAIL();
  } catch (const ParseError& e) {
    EXPECT_EQ(e.issue().message_key, "expr.too_deep");
  }
  EXPECT_EQ(parse_error(std::string(2000, '-') + "1").message_key, "expr.too_deep");
  EXPECT_EQ(parse_error("not not not not not not not not not not not not not not not not not not not not not not "
                        "not not not not not not not not not not not not not not not not not not not not not not "
                        "not not not not not not not not not not not not not not not not not not not not not not "
                        "true").message_key, "expr.too_deep");
  EXPECT_EQ(parse_error("'\\uD800'").message_key, "expr.bad_escape");
}

}  // namespace
}  // namespace greenapply::expr
