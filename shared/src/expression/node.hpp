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

struct Function;  // functions.hpp: a built-in function, declared once

struct Node {
  Op op = Op::literal;
  std::size_t offset = 0;
  Type type = Type::any;
  Value literal;
  std::vector<std::string> path;  // path / it_path (without "it"); member name in path[0]
  const Function* fn = nullptr;  // Op::call: the function called
  int regex = -1;  // matches(): index of the pattern compiled at parse time in Program::Data::regexes
  std::vector<int> kids;
  // A list of literals (or of such lists), e.g. the thresholds of steps(x, [3, 5, 8], [0, 1, 2]):
  // its value is built once at load, in `literal`, and evaluating it costs this many steps of
  // the budget, what walking its items would have cost. 0 for every other node.
  std::size_t constant_steps = 0;
};

}  // namespace greenapply::expr
