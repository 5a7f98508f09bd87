// The evaluator: a walk over the node vector with a step budget. Three-valued logic: a
// comparison involving null is null (unknown); `and`/`or`/`not` follow Kleene's rules; a
// conditional treats null as false. Arithmetic with null gives null, division by zero null.
#include <algorithm>
#include <cmath>

#include "greenapply/utf8.hpp"
#include "greenapply/calendar.hpp"
#include "greenapply/output_number.hpp"
#include "program_data.hpp"
#include "uscc.hpp"

namespace greenapply::expr {

namespace {

// Regex steps per matches() call: the same budget as JSON Schema's "pattern" (Options::regex_step_budget).
constexpr std::size_t kRegexStepBudget = 100000;

class Evaluator {
 public:
  Evaluator(const Program::Data& d, const Resolver& r, std::size_t budget) : d_(d), resolve_(r), budget_(budget) {}

  Value eval(int index, const Value* it) {
    if (++steps_ > budget_) throw EvalError();
    const Node& n = d_.nodes[static_cast<std::size_t>(index)];
    switch (n.op) {
      case Op::literal: return n.literal;
      case Op::path: return resolve_(n.path);
      case Op::it_path: {
        if (!it) return Value();
        Value v = *it;
        for (const auto& name : n.path) v = v.member(name);
        return v;
      }
      case Op::list: {
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
      case Op::call: return call(n, it);
    }
    return Value();
  }

 private:
  static Value compare(Op op, const Value& a, const Value& b) {
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

  // A date from "YYYY-MM-DD" or a date-time (its own calendar day: only the date part counts).
  static bool parse_day(const std::string& s, std::int64_t& out) {
    if (s.size() != 10 && (s.size() < 11 || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))) return false;
    const auto day = calendar::parse_date_prefix(s);
    if (!day) return false;
    out = *day;
    return true;
  }

  static void civil(std::int64_t z, int& y, int& m, int& d) {
    unsigned um, ud;
    calendar::civil_from_days(z, y, um, ud);
    m = static_cast<int>(um);
    d = static_cast<int>(ud);
  }

  Value call(const Node& n, const Value* it) {
    auto arg = [&](std::size_t i) { return eval(n.kids[i], it); };
    auto num = [](const Value& v) { return v.kind() == Value::Kind::number; };
    switch (n.fn) {
      case Fn::count: {
        const Value l = arg(0);
        return Value::number(static_cast<double>(l.is_list() ? l.size() : 0));
      }
      case Fn::sum:
      case Fn::avg: {
        double total = 0;
        std::size_t count = 0;
        for (const auto& v : items(arg(0))) {
          if (num(v)) {
            total += v.as_number();
            ++count;
          }
        }
        if (n.fn == Fn::sum) return Value::number(total);
        return count ? Value::number(total / static_cast<double>(count)) : Value();
      }
      case Fn::min:
      case Fn::max: {
        Value best;
        for (const auto& v : items(arg(0))) {
          if (v.is_null()) continue;
          if (best.is_null()) {
            best = v;
            continue;
          }
          const Value c = compare(n.fn == Fn::min ? Op::lt : Op::gt, v, best);
          if (c.is_true()) best = v;
        }
        return best;
      }
      case Fn::map:
      case Fn::filter:
      case Fn::count_if:
      case Fn::any:
      case Fn::all: {
        std::vector<Value> out;
        std::size_t hits = 0;
        const auto list = items(arg(0));
        for (const auto& item : list) {
          const Value r = eval(n.kids[1], &item);
          if (n.fn == Fn::map) out.push_back(r);
          else if (r.is_true()) {
            ++hits;
            if (n.fn == Fn::filter) out.push_back(item);
          }
        }
        if (n.fn == Fn::map || n.fn == Fn::filter) return Value::list(std::move(out));
        if (n.fn == Fn::count_if) return Value::number(static_cast<double>(hits));
        if (n.fn == Fn::any) return Value::boolean(hits > 0);
        return Value::boolean(hits == list.size());
      }
      case Fn::distinct: {
        std::vector<Value> out;
        for (const auto& v : items(arg(0))) {
          bool seen = false;
          for (const auto& o : out) {
            tick();
            if (equal(o, v)) {
              seen = true;
              break;
            }
          }
          if (!seen) out.push_back(v);
        }
        return Value::list(std::move(out));
      }
      case Fn::flatten: {
        std::vector<Value> out;
        for (const auto& v : items(arg(0))) {
          if (v.is_list()) {
            for (auto& x : items(v)) out.push_back(std::move(x));
          } else {
            out.push_back(v);
          }
        }
        return Value::list(std::move(out));
      }
      case Fn::len: {
        const Value v = arg(0);
        if (v.kind() == Value::Kind::string) return Value::number(static_cast<double>(count_code_points(v.as_string())));
        if (v.is_list()) return Value::number(static_cast<double>(v.size()));
        return Value();
      }
      case Fn::trim: {
        const Value v = arg(0);
        if (v.kind() != Value::Kind::string) return Value();
        const std::string& s = v.as_string();
        const auto b = s.find_first_not_of(" \t\r\n");
        if (b == std::string::npos) return Value::string("");
        return Value::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
      }
      case Fn::lower: {
        const Value v = arg(0);
        if (v.kind() != Value::Kind::string) return Value();
        std::string s = v.as_string();
        for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        return Value::string(std::move(s));
      }
      case Fn::date: {
        const Value v = arg(0);
        if (v.kind() == Value::Kind::date) return v;
        std::int64_t day = 0;
        if (v.kind() == Value::Kind::string && parse_day(v.as_string(), day)) return Value::date(day);
        return Value();
      }
      case Fn::years_between: {
        const Value a = arg(0), b = arg(1);
        if (a.kind() != Value::Kind::date || b.kind() != Value::Kind::date) return Value();
        int y1, m1, d1, y2, m2, d2;
        civil(a.as_date(), y1, m1, d1);
        civil(b.as_date(), y2, m2, d2);
        // Whole years as an age: the anniversary counts on its day (29 Feb → 1 Mar in other years).
        int years = y2 - y1;
        if (m2 < m1 || (m2 == m1 && d2 < d1)) --years;
        return Value::number(years);
      }
      case Fn::days_between: {
        const Value a = arg(0), b = arg(1);
        if (a.kind() != Value::Kind::date || b.kind() != Value::Kind::date) return Value();
        return Value::number(static_cast<double>(b.as_date() - a.as_date()));
      }
      case Fn::year: {
        const Value a = arg(0);
        if (a.kind() != Value::Kind::date) return Value();
        int y, m, d;
        civil(a.as_date(), y, m, d);
        return Value::number(y);
      }
      case Fn::abs: {
        const Value v = arg(0);
        return num(v) ? Value::number(std::fabs(v.as_number())) : Value();
      }
      case Fn::floor: {
        const Value v = arg(0);
        return num(v) ? Value::number(std::floor(v.as_number())) : Value();
      }
      case Fn::ceil: {
        const Value v = arg(0);
        return num(v) ? Value::number(std::ceil(v.as_number())) : Value();
      }
      case Fn::round: {
        const Value v = arg(0);
        int digits = 0;
        if (n.kids.size() > 1) {
          const Value d = arg(1);
          if (!num(d)) return Value();
          digits = static_cast<int>(std::clamp(d.as_number(), 0.0, 12.0));
        }
        return num(v) ? Value::number(round_to(v.as_number(), digits)) : Value();
      }
      case Fn::clamp: {
        const Value v = arg(0), lo = arg(1), hi = arg(2);
        if (!num(v) || !num(lo) || !num(hi)) return Value();
        return Value::number(std::min(std::max(v.as_number(), lo.as_number()), hi.as_number()));
      }
      case Fn::min2:
      case Fn::max2: {
        const Value a = arg(0), b = arg(1);
        if (!num(a) || !num(b)) return Value();
        return Value::number(n.fn == Fn::min2 ? std::min(a.as_number(), b.as_number()) : std::max(a.as_number(), b.as_number()));
      }
      case Fn::if_: return arg(0).is_true() ? arg(1) : arg(2);
      case Fn::coalesce: {
        Value a = arg(0);
        return a.is_null() ? arg(1) : a;
      }
      case Fn::steps: {
        const Value x = arg(0), ts = arg(1), ps = arg(2);
        if (!ps.is_list() || ps.size() == 0) return Value();
        if (!num(x)) return Value::number(0);
        std::size_t k = 0;
        for (std::size_t i = 0; i < ts.size(); ++i) {
          tick();
          const Value t = ts.at(i);
          if (num(t) && x.as_number() >= t.as_number()) k = i + 1;
        }
        const Value p = ps.at(std::min(k, ps.size() - 1));
        return num(p) ? p : Value();
      }
      case Fn::has: {
        const Value l = arg(0), v = arg(1);
        if (!l.is_list()) return Value::boolean(false);
        for (std::size_t i = 0; i < l.size(); ++i) {
          tick();
          if (equal(l.at(i), v)) return Value::boolean(true);
        }
        return Value::boolean(false);
      }
      case Fn::has_any: {
        const Value l = arg(0), vs = arg(1);
        if (!l.is_list() || !vs.is_list()) return Value::boolean(false);
        for (std::size_t i = 0; i < l.size(); ++i) {
          for (std::size_t j = 0; j < vs.size(); ++j) {
            tick();
            if (equal(l.at(i), vs.at(j))) return Value::boolean(true);
          }
        }
        return Value::boolean(false);
      }
      case Fn::uscc_valid: {
        const Value v = arg(0);
        if (v.kind() != Value::Kind::string) return Value();
        return Value::boolean(uscc_check(v.as_string()));
      }
      case Fn::matches: {
        const Value v = arg(0);
        if (v.kind() != Value::Kind::string || n.regex < 0) return Value();
        // The regex VM has its own step budget (the same as JSON Schema's "pattern"); a text
        // that exhausts it is unknown (null), not a failed evaluation of the whole form.
        tick();
        switch (d_.regexes[static_cast<std::size_t>(n.regex)].search(v.as_string(), kRegexStepBudget)) {
          case regex::Regex::Result::match: return Value::boolean(true);
          case regex::Regex::Result::no_match: return Value::boolean(false);
          case regex::Regex::Result::step_limit: return Value();
        }
        return Value();
      }
    }
    return Value();
  }

  const Program::Data& d_;
  const Resolver& resolve_;
  std::size_t budget_;
  std::size_t steps_ = 0;
};

}  // namespace

Value evaluate(const Program& program, const Resolver& resolve, const Value* it, std::size_t step_budget) {
  if (!program.data_) return Value();
  Evaluator e(*program.data_, resolve, step_budget);
  return e.eval(program.data_->root, it);
}

}  // namespace greenapply::expr
