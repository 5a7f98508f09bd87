// The built-in functions, each declared once in functions.cpp: its name, arity, which argument
// is evaluated per list item with `it` bound, the rule that types its result from its
// arguments' types (checked when a package loads) and how it is evaluated. Adding a function
// is one entry there, one row in docs/expressions.md (a unit test checks the two agree) and its
// tests; the parser and the evaluator do not change.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "greenapply/expression.hpp"
#include "greenapply/regex.hpp"
#include "node.hpp"

namespace greenapply::expr {

class Evaluator;  // evaluate.cpp

// What a function sees of its call while it is evaluated. Arguments are evaluated when asked
// for, so if() and coalesce() evaluate one branch only; every list item walked costs a step of
// the evaluation's budget.
class Call {
 public:
  Call(Evaluator& e, const Node& n, const Value* it) : e_(e), n_(n), it_(it) {}
  std::size_t size() const { return n_.kids.size(); }
  Value arg(std::size_t i);                          // argument i, `it` as in the caller
  Value arg_for(std::size_t i, const Value& item);   // argument i with `it` bound to item
  std::vector<Value> items(const Value& list);       // the items of a list (none if not a list)
  void tick();                                       // one step of the budget
  regex::Regex::Result search(const std::string& text);  // matches(): the pattern compiled at load

 private:
  Evaluator& e_;
  const Node& n_;
  const Value* it_;
};

// Returns the result type, or nullopt with the index of the offending argument in bad_arg.
// Any argument type matches `any` and `null` (unknown until evaluated).
using TypeRule = std::optional<Type> (*)(const std::vector<Type>& args, std::size_t& bad_arg);
using Implementation = Value (*)(Call& call);

struct Function {
  std::string_view name;
  int min_args;
  int max_args;
  int item_arg;       // index of the argument evaluated per item (it bound), or -1
  bool pattern_arg;   // argument 1 is a pattern literal, compiled once at load (matches)
  TypeRule type;
  Implementation eval;
};

const Function* find_function(std::string_view name);
std::vector<std::string_view> function_names();

// The ordering of <, <=, >, >= on two numbers, dates or strings; null when either is null or
// they are of different kinds. Shared by the operators and min()/max().
Value compare(Op op, const Value& a, const Value& b);

}  // namespace greenapply::expr
