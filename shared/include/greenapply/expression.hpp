// greenapply/expression.hpp — the rule expression language of form packages (docs/expressions.md).
//
// Small, typed, side-effect free: no loops, no assignment, no user functions. A Program is
// parsed and type-checked once when a package loads, then evaluated on every change against a
// Resolver that supplies field values. Every evaluation runs under a step budget.
//
//   auto p = expr::Program::compile("years_between(company.founding_date, round.deadline)", env);
//   expr::Value age = expr::evaluate(p, resolver);
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"

namespace greenapply::expr {

enum class Type { any, null, boolean, number, string, date, list, object };
const char* type_name(Type t);

// Thrown by Program::compile. Its issue: message_key (expr.unexpected_token,
// expr.unknown_function, …), params, and offset (bytes), line and column (1-based, in code
// points) into the expression text.
struct ParseError : Failure {
  explicit ParseError(Issue issue);
};

// Thrown by evaluate() only when the step budget is exhausted (message_key expr.step_limit).
struct EvalError : Failure {
  EvalError() : Failure("expression step budget exhausted", Issue{"", "expr.step_limit"}) {}
};

// A value: null, boolean, number (IEEE double), string, date (days since 1970-01-01), list,
// or a JSON array/object borrowed from the answers (no copy; it must outlive the Value).
class Value {
 public:
  enum class Kind { null, boolean, number, string, date, list, json };
  Value() = default;
  static Value boolean(bool b);
  static Value number(double d);
  static Value string(std::string s);
  static Value date(std::int64_t days);
  static Value list(std::vector<Value> items);
  static Value borrow(const greenapply::json& j);  // arrays/objects are borrowed; scalars copied
  // Like borrow, but strings are borrowed too (no copy): for callers whose JSON outlives every
  // Value made from it, such as the form engine reading the answers during one evaluation.
  static Value view(const greenapply::json& j);

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::null; }
  bool is_true() const { return kind_ == Kind::boolean && b_; }
  bool is_false() const { return kind_ == Kind::boolean && !b_; }
  bool as_bool() const { return kind_ == Kind::boolean && b_; }
  double as_number() const { return kind_ == Kind::number ? d_ : 0; }
  std::int64_t as_date() const { return kind_ == Kind::date ? days_ : 0; }
  const std::string& as_string() const { return kind_ == Kind::string ? *str_ : empty_string(); }
  bool is_list() const;          // a list or a borrowed JSON array
  std::size_t size() const;      // list length (0 for non-lists)
  Value at(std::size_t i) const; // list element
  Value member(const std::string& name) const;  // object member (null when absent)
  // JSON form: dates as "YYYY-MM-DD", integral numbers as integers, non-finite as null.
  greenapply::json to_json() const;

 private:
  static const std::string& empty_string();
  // 32 bytes: evaluation copies values at every step, so a value is its kind, one word of
  // payload (which word the kind says) and one owner for a string or list it made itself.
  // Borrowed strings and JSON have no owner: the answers outlive the evaluation.
  Kind kind_ = Kind::null;
  bool b_ = false;
  union {
    double d_ = 0;
    std::int64_t days_;
    const std::string* str_;         // Kind::string: owned (own_) or borrowed from JSON
    const std::vector<Value>* list_; // Kind::list: always owned (own_)
    const greenapply::json* json_;     // Kind::json: borrowed
  };
  std::shared_ptr<const void> own_;
};

Value from_json(const greenapply::json& j);  // = Value::borrow

// Deep equality (numbers by value, lists element-wise, JSON objects by content).
bool equal(const Value& a, const Value& b);

// Load-time types: path like {"team","core_team"}; list elements continue with "[]":
// {"team","core_team","[]","full_time"}. nullopt = no such field.
using TypeEnv = std::function<std::optional<Type>(const std::vector<std::string>& path)>;

// Run-time values of paths (never starting with "it").
using Resolver = std::function<Value(const std::vector<std::string>& path)>;

// The same as a plain function and its context, called without a std::function; it is also
// given the path's type at load time (what the TypeEnv said; Type::any without one), so the
// caller need not look the path up in its schema again on every read.
using ResolveFn = Value (*)(const void* context, const std::vector<std::string>& path, Type type);

struct Limits {
  std::size_t max_text_bytes = 4096;
  std::size_t max_depth = 64;
  std::size_t step_budget = 1000000;
};

struct Node;

class Program {
 public:
  // Parses and type-checks; throws ParseError. A non-empty it_list_path makes the expression
  // item-level: `it` is an element of that list (e.g. {"team","core_team"}).
  static Program compile(std::string_view text, const TypeEnv& env,
                         const std::vector<std::string>& it_list_path = {}, const Limits& limits = {});
  Program() = default;
  Type result_type() const;
  const std::string& text() const;
  // Every field path the expression reads, roots included (for dependencies and lint).
  const std::vector<std::vector<std::string>>& references() const;
  const std::vector<Node>& nodes() const;

  struct Data;  // defined in the implementation

 private:
  std::shared_ptr<const Data> data_;
  friend Value evaluate(const Program&, ResolveFn, const void*, const Value*, std::size_t);
};

// Evaluates. Data surprises never throw (they give null); only an exhausted step budget
// throws EvalError. `it` is bound for item-level programs.
Value evaluate(const Program& program, const Resolver& resolve, const Value* it = nullptr,
               std::size_t step_budget = Limits{}.step_budget);
Value evaluate(const Program& program, ResolveFn resolve, const void* context, const Value* it = nullptr,
               std::size_t step_budget = Limits{}.step_budget);

}  // namespace greenapply::expr
