// The evaluator: a walk over the node vector with a step budget. Three-valued logic: a
// comparison involving null is null (unknown); `and`/`or`/`not` follow Kleene's rules; a
// conditional treats null as false. Arithmetic with null gives null, division by zero null.
#include <algorithm>
#include <cmath>

#include "functions.hpp"
#include "program_data.hpp"

namespace greenapply::expr {

namespace {

// Regex steps per matches() call: the same budget as JSON Schema's "pattern" (Options::regex_step_budget).
constexpr std::size_t kRegexStepBudget = 100000;

}  // namespace

// The operators' ordering; min() and max() use it too (functions.hpp).
Value compare(Op op, const Value& a, const Value& b) {
  int c = 0;
  if (a.kind() == Value::Kind::number && b.kind() == Value::Kind::number) {
    c = a.as_number() < b.as_number() ? -1 : a.as_number() > b.as_number() ? 1 : 0;
  } else if (a.kind() == Value::Kind::date && b.kind() == Value::Kind::date) {
    c = a.as_date() < b.as_date() ? -1 : a.as_date() > b.as_date() ? 1 : 0;
  } else if (a.kind() == Value::Kind::string && b.kind() == Value::Kind::string) {
    c = a.as_string().compare(b.as_string());
    c = c < 0 ? -1 : c > 0 ? 1 : 0;
  } else {
    return Value();  // unknown (null) or incomparable
  }
  switch (op) {
    case Op::lt: return Value::boolean(c < 0);
    case Op::le: return Value::boolean(c <= 0);
    case Op::gt: return Value::boolean(c > 0);
    default: return Value::boolean(c >= 0);
  }
}

// Walks the nodes; a call hands its node to the function's own implementation (functions.cpp)
// through a Call, which evaluates arguments on demand under this evaluator's budget.
class Evaluator {
 public:
  Evaluator(const Program::Data& d, ResolveFn r, const void* context, std::size_t budget)
      : d_(d), resolve_(r), context_(context), budget_(budget) {}

  Value eval(int index, const Value* it) {
    if (++steps_ > budget_) throw EvalError();
    const Node& n = d_.nodes[static_cast<std::size_t>(index)];
    switch (n.op) {
      case Op::literal: return n.literal;
      case Op::path: return resolve_(context_, n.path, n.type);
      case Op::it_path: {
        if (!it) return Value();
        Value v = *it;
        for (const auto& name : n.path) v = v.member(name);
        return v;
      }
      case Op::list: {
        if (n.constant_steps > 0) {
          steps_ += n.constant_steps - 1;  // the items' steps; this node's own is counted above
          if (steps_ > budget_) throw EvalError();
          return n.literal;
        }
        std::vector<Value> items;
        items.reserve(n.kids.size());
        for (int k : n.kids) items.push_back(eval(k, it));
        return Value::list(std::move(items));
      }
      case Op::neg: {
        const Value v = eval(n.kids[0], it);
        return v.kind() == Value::Kind::number ? Value::number(-v.as_number()) : Value();
      }
      case Op::not_: {
        const Value v = eval(n.kids[0], it);
        return v.kind() == Value::Kind::boolean ? Value::boolean(!v.as_bool()) : Value();
      }
      case Op::and_: {
        const Value a = eval(n.kids[0], it);
        if (a.is_false()) return Value::boolean(false);
        const Value b = eval(n.kids[1], it);
        if (b.is_false()) return Value::boolean(false);
        if (a.is_true() && b.is_true()) return Value::boolean(true);
        return Value();
      }
      case Op::or_: {
        const Value a = eval(n.kids[0], it);
        if (a.is_true()) return Value::boolean(true);
        const Value b = eval(n.kids[1], it);
        if (b.is_true()) return Value::boolean(true);
        if (a.is_false() && b.is_false()) return Value::boolean(false);
        return Value();
      }
      case Op::cond: return eval(n.kids[0], it).is_true() ? eval(n.kids[1], it) : eval(n.kids[2], it);
      case Op::coalesce: {
        Value a = eval(n.kids[0], it);
        return a.is_null() ? eval(n.kids[1], it) : a;
      }
      case Op::eq:
      case Op::ne: {
        const Value a = eval(n.kids[0], it), b = eval(n.kids[1], it);
        // "= null" asks whether something is missing: that is a definite answer.
        const bool same = equal(a, b);
        return Value::boolean(n.op == Op::eq ? same : !same);
      }
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge: return compare(n.op, eval(n.kids[0], it), eval(n.kids[1], it));
      case Op::in: return membership(eval(n.kids[0], it), eval(n.kids[1], it));
      case Op::add:
      case Op::sub:
      case Op::mul:
      case Op::div:
      case Op::mod: return arithmetic(n.op, eval(n.kids[0], it), eval(n.kids[1], it));
      case Op::index: {
        const Value base = eval(n.kids[0], it), idx = eval(n.kids[1], it);
        if (idx.kind() == Value::Kind::number && base.is_list()) {
          const double i = idx.as_number();
          if (i >= 0 && i == std::floor(i) && i < static_cast<double>(base.size())) return base.at(static_cast<std::size_t>(i));
          return Value();
        }
        if (idx.kind() == Value::Kind::string) return base.member(idx.as_string());
        return Value();
      }
      case Op::member: return eval(n.kids[0], it).member(n.path[0]);
      case Op::call: {
        Call c(*this, n, it);
        return n.fn->eval(c);
      }
    }
    return Value();
  }

  void tick() {
    if (++steps_ > budget_) throw EvalError();
  }

  std::vector<Value> items(const Value& list) {
    std::vector<Value> out;
    if (!list.is_list()) return out;
    out.reserve(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      tick();
      out.push_back(list.at(i));
    }
    return out;
  }

  const Program::Data& data() const { return d_; }

 private:
  Value membership(const Value& x, const Value& container) {
    if (container.kind() == Value::Kind::string) {
      if (x.kind() != Value::Kind::string) return Value();
      return Value::boolean(container.as_string().find(x.as_string()) != std::string::npos);
    }
    if (!container.is_list()) return Value();
    for (std::size_t i = 0; i < container.size(); ++i) {
      tick();
      if (equal(x, container.at(i))) return Value::boolean(true);
    }
    return Value::boolean(false);
  }

  static Value arithmetic(Op op, const Value& a, const Value& b) {
    using K = Value::Kind;
    if (a.kind() == K::number && b.kind() == K::number) {
      const double x = a.as_number(), y = b.as_number();
      switch (op) {
        case Op::add: return Value::number(x + y);
        case Op::sub: return Value::number(x - y);
        case Op::mul: return Value::number(x * y);
        case Op::div: return y == 0 ? Value() : Value::number(x / y);
        default: return y == 0 ? Value() : Value::number(std::fmod(x, y));
      }
    }
    if (op == Op::add && a.kind() == K::string && b.kind() == K::string) return Value::string(a.as_string() + b.as_string());
    // Dates move by at most ±10^7 days (27,000 years): beyond that the result is unknown, and
    // converting a larger double to an integer would be undefined behaviour (found by fuzzing).
    constexpr double kMaxDays = 1e7;
    if (a.kind() == K::date && b.kind() == K::number && (op == Op::add || op == Op::sub) && std::fabs(b.as_number()) <= kMaxDays) {
      const auto days = static_cast<std::int64_t>(std::floor(b.as_number()));
      return Value::date(op == Op::add ? a.as_date() + days : a.as_date() - days);
    }
    if (op == Op::add && a.kind() == K::number && b.kind() == K::date && std::fabs(a.as_number()) <= kMaxDays)
      return Value::date(b.as_date() + static_cast<std::int64_t>(std::floor(a.as_number())));
    if (op == Op::sub && a.kind() == K::date && b.kind() == K::date)
      return Value::number(static_cast<double>(a.as_date() - b.as_date()));
    return Value();
  }

  const Program::Data& d_;
  ResolveFn resolve_;
  const void* context_;
  std::size_t budget_;
  std::size_t steps_ = 0;
};

Value Call::arg(std::size_t i) { return e_.eval(n_.kids[i], it_); }
Value Call::arg_for(std::size_t i, const Value& item) { return e_.eval(n_.kids[i], &item); }
std::vector<Value> Call::items(const Value& list) { return e_.items(list); }
void Call::tick() { e_.tick(); }

regex::Regex::Result Call::search(const std::string& text) {
  if (n_.regex < 0) return regex::Regex::Result::step_limit;  // not compiled: unknown
  return e_.data().regexes[static_cast<std::size_t>(n_.regex)].search(text, kRegexStepBudget);
}

Value evaluate(const Program& program, ResolveFn resolve, const void* context, const Value* it,
               std::size_t step_budget) {
  if (!program.data_) return Value();
  Evaluator e(*program.data_, resolve, context, step_budget);
  return e.eval(program.data_->root, it);
}

Value evaluate(const Program& program, const Resolver& resolve, const Value* it, std::size_t step_budget) {
  const ResolveFn call = [](const void* r, const std::vector<std::string>& path, Type) {
    return (*static_cast<const Resolver*>(r))(path);
  };
  return evaluate(program, call, &resolve, it, step_budget);
}

}  // namespace greenapply::expr
