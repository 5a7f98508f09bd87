// The built-in functions of the expression language (docs/expressions.md#functions): one
// implementation each, and at the end the one table that names them with their arity and type.
#include "functions.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "greenapply/calendar.hpp"
#include "greenapply/output_number.hpp"
#include "greenapply/utf8.hpp"
#include "uscc.hpp"

namespace greenapply::expr {

namespace {

// ---- types -------------------------------------------------------------------------------

// What an argument must be. Unknown types (any, null) fit everything: they are known only
// when the expression is evaluated, and a wrong value then gives null, not an error.
enum class Want { any, boolean, number, string, date, list, string_or_list, string_or_date };

bool fits(Type actual, Want want) {
  if (actual == Type::any || actual == Type::null || want == Want::any) return true;
  switch (want) {
    case Want::boolean: return actual == Type::boolean;
    case Want::number: return actual == Type::number;
    case Want::string: return actual == Type::string;
    case Want::date: return actual == Type::date;
    case Want::list: return actual == Type::list;
    case Want::string_or_list: return actual == Type::string || actual == Type::list;
    case Want::string_or_date: return actual == Type::string || actual == Type::date;
    case Want::any: break;
  }
  return true;
}

// The common rule: each argument fits its Want, the result is R.
template <Type R, Want... W>
std::optional<Type> typed(const std::vector<Type>& a, std::size_t& bad) {
  constexpr Want wants[] = {W...};
  for (std::size_t i = 0; i < sizeof...(W) && i < a.size(); ++i) {
    if (!fits(a[i], wants[i])) {
      bad = i;
      return std::nullopt;
    }
  }
  return R;
}

// if(cond, a, b): both branches of one type, or one of them unknown.
std::optional<Type> if_type(const std::vector<Type>& a, std::size_t& bad) {
  if (!fits(a[0], Want::boolean)) {
    bad = 0;
    return std::nullopt;
  }
  if (a[1] == a[2] || a[2] == Type::null || a[2] == Type::any) return a[1];
  if (a[1] == Type::null || a[1] == Type::any) return a[2];
  bad = 2;
  return std::nullopt;
}

// coalesce(a, b): like if's branches; a known type wins over null.
std::optional<Type> coalesce_type(const std::vector<Type>& a, std::size_t& bad) {
  if (a[0] == a[1] || a[1] == Type::null || a[1] == Type::any) return a[0] == Type::null ? a[1] : a[0];
  if (a[0] == Type::null || a[0] == Type::any) return a[1];
  bad = 1;
  return std::nullopt;
}

// ---- helpers -----------------------------------------------------------------------------

bool num(const Value& v) { return v.kind() == Value::Kind::number; }
bool str(const Value& v) { return v.kind() == Value::Kind::string; }
bool day(const Value& v) { return v.kind() == Value::Kind::date; }

// A date from "YYYY-MM-DD" or a date-time (its own calendar day: only the date part counts).
bool parse_day(const std::string& s, std::int64_t& out) {
  if (s.size() != 10 && (s.size() < 11 || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))) return false;
  const auto d = calendar::parse_date_prefix(s);
  if (!d) return false;
  out = *d;
  return true;
}

void civil(std::int64_t z, int& y, int& m, int& d) {
  unsigned um, ud;
  calendar::civil_from_days(z, y, um, ud);
  m = static_cast<int>(um);
  d = static_cast<int>(ud);
}

// ---- lists -------------------------------------------------------------------------------

Value count_(Call& c) {
  const Value l = c.arg(0);
  return Value::number(static_cast<double>(l.is_list() ? l.size() : 0));
}

// The numbers of a list, summed, and how many there were (other items are skipped).
std::pair<double, std::size_t> total_of(Call& c) {
  double total = 0;
  std::size_t count = 0;
  for (const auto& v : c.items(c.arg(0))) {
    if (num(v)) {
      total += v.as_number();
      ++count;
    }
  }
  return {total, count};
}

Value sum_(Call& c) { return Value::number(total_of(c).first); }

Value avg_(Call& c) {
  const auto [total, count] = total_of(c);
  return count ? Value::number(total / static_cast<double>(count)) : Value();
}

// The item that wins `op` against every other non-null item (the first of equals).
Value extreme(Call& c, Op op) {
  Value best;
  for (const auto& v : c.items(c.arg(0))) {
    if (v.is_null()) continue;
    if (best.is_null()) {
      best = v;
      continue;
    }
    if (compare(op, v, best).is_true()) best = v;
  }
  return best;
}

Value min_(Call& c) { return extreme(c, Op::lt); }
Value max_(Call& c) { return extreme(c, Op::gt); }

Value map_(Call& c) {
  std::vector<Value> out;
  for (const auto& item : c.items(c.arg(0))) out.push_back(c.arg_for(1, item));
  return Value::list(std::move(out));
}

Value filter_(Call& c) {
  std::vector<Value> out;
  for (const auto& item : c.items(c.arg(0))) {
    if (c.arg_for(1, item).is_true()) out.push_back(item);
  }
  return Value::list(std::move(out));
}

// How many items the condition (argument 1) holds for, and how many items there were.
std::pair<std::size_t, std::size_t> hits_of(Call& c) {
  const auto list = c.items(c.arg(0));
  std::size_t hits = 0;
  for (const auto& item : list) {
    if (c.arg_for(1, item).is_true()) ++hits;
  }
  return {hits, list.size()};
}

Value count_if_(Call& c) { return Value::number(static_cast<double>(hits_of(c).first)); }
Value any_(Call& c) { return Value::boolean(hits_of(c).first > 0); }

Value all_(Call& c) {
  const auto [hits, size] = hits_of(c);
  return Value::boolean(hits == size);
}

Value distinct_(Call& c) {
  std::vector<Value> out;
  for (const auto& v : c.items(c.arg(0))) {
    bool seen = false;
    for (const auto& o : out) {
      c.tick();
      if (equal(o, v)) {
        seen = true;
        break;
      }
    }
    if (!seen) out.push_back(v);
  }
  return Value::list(std::move(out));
}

Value flatten_(Call& c) {
  std::vector<Value> out;
  for (const auto& v : c.items(c.arg(0))) {
    if (v.is_list()) {
      for (auto& x : c.items(v)) out.push_back(std::move(x));
    } else {
      out.push_back(v);
    }
  }
  return Value::list(std::move(out));
}

Value has_(Call& c) {
  const Value l = c.arg(0), v = c.arg(1);
  if (!l.is_list()) return Value::boolean(false);
  for (std::size_t i = 0; i < l.size(); ++i) {
    c.tick();
    if (equal(l.at(i), v)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

Value has_any_(Call& c) {
  const Value l = c.arg(0), vs = c.arg(1);
  if (!l.is_list() || !vs.is_list()) return Value::boolean(false);
  for (std::size_t i = 0; i < l.size(); ++i) {
    for (std::size_t j = 0; j < vs.size(); ++j) {
      c.tick();
      if (equal(l.at(i), vs.at(j))) return Value::boolean(true);
    }
  }
  return Value::boolean(false);
}

// steps(x, [t1…tn], [p0…pn]): the points of the highest threshold x reaches (p0 below t1).
Value steps_(Call& c) {
  const Value x = c.arg(0), ts = c.arg(1), ps = c.arg(2);
  if (!ps.is_list() || ps.size() == 0) return Value();
  if (!num(x)) return Value::number(0);
  std::size_t k = 0;
  for (std::size_t i = 0; i < ts.size(); ++i) {
    c.tick();
    const Value t = ts.at(i);
    if (num(t) && x.as_number() >= t.as_number()) k = i + 1;
  }
  const Value p = ps.at(std::min(k, ps.size() - 1));
  return num(p) ? p : Value();
}

// ---- text --------------------------------------------------------------------------------

Value len_(Call& c) {
  const Value v = c.arg(0);
  if (str(v)) return Value::number(static_cast<double>(count_code_points(v.as_string())));
  if (v.is_list()) return Value::number(static_cast<double>(v.size()));
  return Value();
}

Value trim_(Call& c) {
  const Value v = c.arg(0);
  if (!str(v)) return Value();
  const std::string& s = v.as_string();
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return Value::string("");
  return Value::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

Value lower_(Call& c) {
  const Value v = c.arg(0);
  if (!str(v)) return Value();
  std::string s = v.as_string();
  for (auto& ch : s) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return Value::string(std::move(s));
}

Value uscc_valid_(Call& c) {
  const Value v = c.arg(0);
  if (!str(v)) return Value();
  return Value::boolean(uscc_check(v.as_string()));
}

// The regex VM has its own step budget (the same as JSON Schema's "pattern"); a text that
// exhausts it is unknown (null), not a failed evaluation of the whole form.
Value matches_(Call& c) {
  const Value v = c.arg(0);
  if (!str(v)) return Value();
  c.tick();
  switch (c.search(v.as_string())) {
    case regex::Regex::Result::match: return Value::boolean(true);
    case regex::Regex::Result::no_match: return Value::boolean(false);
    case regex::Regex::Result::step_limit: return Value();
  }
  return Value();
}

// ---- dates -------------------------------------------------------------------------------

Value date_(Call& c) {
  const Value v = c.arg(0);
  if (day(v)) return v;
  std::int64_t d = 0;
  if (str(v) && parse_day(v.as_string(), d)) return Value::date(d);
  return Value();
}

// Whole years as an age: the anniversary counts on its day (29 Feb → 1 Mar in other years).
Value years_between_(Call& c) {
  const Value a = c.arg(0), b = c.arg(1);
  if (!day(a) || !day(b)) return Value();
  int y1, m1, d1, y2, m2, d2;
  civil(a.as_date(), y1, m1, d1);
  civil(b.as_date(), y2, m2, d2);
  int years = y2 - y1;
  if (m2 < m1 || (m2 == m1 && d2 < d1)) --years;
  return Value::number(years);
}

Value days_between_(Call& c) {
  const Value a = c.arg(0), b = c.arg(1);
  if (!day(a) || !day(b)) return Value();
  return Value::number(static_cast<double>(b.as_date() - a.as_date()));
}

Value year_(Call& c) {
  const Value a = c.arg(0);
  if (!day(a)) return Value();
  int y, m, d;
  civil(a.as_date(), y, m, d);
  return Value::number(y);
}

// ---- numbers -----------------------------------------------------------------------------

template <double (*F)(double)>
Value unary(Call& c) {
  const Value v = c.arg(0);
  return num(v) ? Value::number(F(v.as_number())) : Value();
}

double abs_of(double x) { return std::fabs(x); }
double floor_of(double x) { return std::floor(x); }
double ceil_of(double x) { return std::ceil(x); }

// round(x, digits): half away from zero, 0 to 12 digits.
Value round_(Call& c) {
  const Value v = c.arg(0);
  int digits = 0;
  if (c.size() > 1) {
    const Value d = c.arg(1);
    if (!num(d)) return Value();
    digits = static_cast<int>(std::clamp(d.as_number(), 0.0, 12.0));
  }
  return num(v) ? Value::number(round_to(v.as_number(), digits)) : Value();
}

Value clamp_(Call& c) {
  const Value v = c.arg(0), lo = c.arg(1), hi = c.arg(2);
  if (!num(v) || !num(lo) || !num(hi)) return Value();
  return Value::number(std::min(std::max(v.as_number(), lo.as_number()), hi.as_number()));
}

template <bool Smaller>
Value pick(Call& c) {
  const Value a = c.arg(0), b = c.arg(1);
  if (!num(a) || !num(b)) return Value();
  return Value::number(Smaller ? std::min(a.as_number(), b.as_number()) : std::max(a.as_number(), b.as_number()));
}

// ---- choices -----------------------------------------------------------------------------

Value if_(Call& c) { return c.arg(0).is_true() ? c.arg(1) : c.arg(2); }

Value coalesce_(Call& c) {
  Value a = c.arg(0);
  return a.is_null() ? c.arg(1) : a;
}

// ---- the table ---------------------------------------------------------------------------

using W = Want;
using T = Type;

const std::array<Function, 33> kFunctions = {{
    // name, min and max arguments, per-item argument, pattern argument, type rule, evaluation
    {"count", 1, 1, -1, false, typed<T::number, W::list>, count_},
    {"sum", 1, 1, -1, false, typed<T::number, W::list>, sum_},
    {"avg", 1, 1, -1, false, typed<T::number, W::list>, avg_},
    {"min", 1, 1, -1, false, typed<T::any, W::list>, min_},  // numbers, dates or strings
    {"max", 1, 1, -1, false, typed<T::any, W::list>, max_},
    {"map", 2, 2, 1, false, typed<T::list, W::list>, map_},
    {"filter", 2, 2, 1, false, typed<T::list, W::list>, filter_},
    {"count_if", 2, 2, 1, false, typed<T::number, W::list, W::boolean>, count_if_},
    {"any", 2, 2, 1, false, typed<T::boolean, W::list, W::boolean>, any_},
    {"all", 2, 2, 1, false, typed<T::boolean, W::list, W::boolean>, all_},
    {"distinct", 1, 1, -1, false, typed<T::list, W::list>, distinct_},
    {"flatten", 1, 1, -1, false, typed<T::list, W::list>, flatten_},
    {"has", 2, 2, -1, false, typed<T::boolean, W::list>, has_},
    {"has_any", 2, 2, -1, false, typed<T::boolean, W::list, W::list>, has_any_},
    {"steps", 3, 3, -1, false, typed<T::number, W::number, W::list, W::list>, steps_},
    {"len", 1, 1, -1, false, typed<T::number, W::string_or_list>, len_},
    {"trim", 1, 1, -1, false, typed<T::string, W::string>, trim_},
    {"lower", 1, 1, -1, false, typed<T::string, W::string>, lower_},
    {"uscc_valid", 1, 1, -1, false, typed<T::boolean, W::string>, uscc_valid_},
    {"matches", 2, 2, -1, true, typed<T::boolean, W::string, W::string>, matches_},
    {"date", 1, 1, -1, false, typed<T::date, W::string_or_date>, date_},
    {"years_between", 2, 2, -1, false, typed<T::number, W::date, W::date>, years_between_},
    {"days_between", 2, 2, -1, false, typed<T::number, W::date, W::date>, days_between_},
    {"year", 1, 1, -1, false, typed<T::number, W::date>, year_},
    {"abs", 1, 1, -1, false, typed<T::number, W::number>, unary<abs_of>},
    {"floor", 1, 1, -1, false, typed<T::number, W::number>, unary<floor_of>},
    {"ceil", 1, 1, -1, false, typed<T::number, W::number>, unary<ceil_of>},
    {"round", 1, 2, -1, false, typed<T::number, W::number, W::number>, round_},
    {"clamp", 3, 3, -1, false, typed<T::number, W::number, W::number, W::number>, clamp_},
    {"min2", 2, 2, -1, false, typed<T::number, W::number, W::number>, pick<true>},
    {"max2", 2, 2, -1, false, typed<T::number, W::number, W::number>, pick<false>},
    {"if", 3, 3, -1, false, if_type, if_},
    {"coalesce", 2, 2, -1, false, coalesce_type, coalesce_},
}};

}  // namespace

const Function* find_function(std::string_view name) {
  for (const auto& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::vector<std::string_view> function_names() {
  std::vector<std::string_view> out;
  for (const auto& f : kFunctions) out.push_back(f.name);
  return out;
}

}  // namespace greenapply::expr
