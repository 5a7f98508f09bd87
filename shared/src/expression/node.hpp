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
};

}  // namespace greenapply::expr
