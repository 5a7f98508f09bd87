// The parsed form of an expression: a flat vector of nodes, children by index.
#pragma once

#include <string>
#include <vector>

#include "greenapply/expression.hpp"

namespace greenapply::expr {

enum class Op {
  literal, path, it_path, list, call, neg, not_, and_, or_, cond, coalesce,
  eq, ne, lt, le, gt, ge, in, add, sub, mul, div, mod, index, member
};

enum class Fn {
  count, sum, min, max, avg, map, filter, count_if, any, all, distinct, flatten, len, trim, lower,
  date, years_between, days_between, year, abs, round, floor, ceil, clamp, min2, max2, if_,
  coalesce, steps, has, has_any, uscc_valid, matches
};

struct Node {
  Op op = Op::literal;
  std::size_t offset = 0;
  Type type = Type::any;
  Value literal;
  std::vector<std::string> path;  // path / it_path (without "it"); member name in path[0]
  Fn fn = Fn::count;
  int regex = -1;  // matches(): index of the pattern compiled at parse time in Program::Data::regexes
  std::vector<int> kids;
};

}  // namespace greenapply::expr
