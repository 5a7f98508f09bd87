#include "functions.hpp"

#include <array>

namespace greenapply::expr {

namespace {

constexpr std::array<FunctionInfo, 33> kFunctions = {{
    {"count", Fn::count, 1, 1, -1},       {"sum", Fn::sum, 1, 1, -1},
    {"min", Fn::min, 1, 1, -1},           {"max", Fn::max, 1, 1, -1},
    {"avg", Fn::avg, 1, 1, -1},           {"map", Fn::map, 2, 2, 1},
    {"filter", Fn::filter, 2, 2, 1},      {"count_if", Fn::count_if, 2, 2, 1},
    {"any", Fn::any, 2, 2, 1},            {"all", Fn::all, 2, 2, 1},
    {"distinct", Fn::distinct, 1, 1, -1}, {"flatten", Fn::flatten, 1, 1, -1},
    {"len", Fn::len, 1, 1, -1},           {"trim", Fn::trim, 1, 1, -1},
    {"lower", Fn::lower, 1, 1, -1},       {"date", Fn::date, 1, 1, -1},
    {"years_between", Fn::years_between, 2, 2, -1}, {"days_between", Fn::days_between, 2, 2, -1},
    {"year", Fn::year, 1, 1, -1},         {"abs", Fn::abs, 1, 1, -1},
    {"round", Fn::round, 1, 2, -1},       {"floor", Fn::floor, 1, 1, -1},
    {"ceil", Fn::ceil, 1, 1, -1},         {"clamp", Fn::clamp, 3, 3, -1},
    {"min2", Fn::min2, 2, 2, -1},         {"max2", Fn::max2, 2, 2, -1},
    {"if", Fn::if_, 3, 3, -1},            {"coalesce", Fn::coalesce, 2, 2, -1},
    {"steps", Fn::steps, 3, 3, -1},       {"has", Fn::has, 2, 2, -1},
    {"has_any", Fn::has_any, 2, 2, -1},   {"uscc_valid", Fn::uscc_valid, 1, 1, -1},
    {"matches", Fn::matches, 2, 2, -1},
}};

bool is(Type actual, Type wanted) { return actual == Type::any || actual == Type::null || actual == wanted; }
bool is_list(Type t) { return is(t, Type::list); }

}  // namespace

const FunctionInfo* find_function(std::string_view name) {
  for (const auto& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

std::optional<Type> function_type(Fn fn, const std::vector<Type>& a, std::size_t& bad) {
  auto need = [&](std::size_t i, Type t) {
    if (i < a.size() && !is(a[i], t)) {
      bad = i;
      return false;
    }
    return true;
  };
  auto need_list = [&](std::size_t i) {
    if (i < a.size() && !is_list(a[i])) {
      bad = i;
      return false;
    }
    return true;
  };
  switch (fn) {
    case Fn::count:
    case Fn::sum:
    case Fn::avg:
      if (!need_list(0)) return std::nullopt;
      return Type::number;
    case Fn::min:
    case Fn::max:
      if (!need_list(0)) return std::nullopt;
      return Type::any;  // numbers, dates or strings: whatever the list holds
    case Fn::map:
    case Fn::filter:
    case Fn::distinct:
    case Fn::flatten:
      if (!need_list(0)) return std::nullopt;
      return Type::list;
    case Fn::count_if:
      if (!need_list(0) || !need(1, Type::boolean)) return std::nullopt;
      return Type::number;
    case Fn::any:
    case Fn::all:
      if (!need_list(0) || !need(1, Type::boolean)) return std::nullopt;
      return Type::boolean;
    case Fn::len:
      if (!(is(a[0], Type::string) || is_list(a[0]))) {
        bad = 0;
        return std::nullopt;
      }
      return Type::number;
    case Fn::trim:
    case Fn::lower:
      if (!need(0, Type::string)) return std::nullopt;
      return Type::string;
    case Fn::date:
      if (!(is(a[0], Type::string) || a[0] == Type::date)) {
        bad = 0;
        return std::nullopt;
      }
      return Type::date;
    case Fn::years_between:
    case Fn::days_between:
      if (!need(0, Type::date) || !need(1, Type::date)) return std::nullopt;
      return Type::number;
    case Fn::year:
      if (!need(0, Type::date)) return std::nullopt;
      return Type::number;
    case Fn::abs:
    case Fn::floor:
    case Fn::ceil:
      if (!need(0, Type::number)) return std::nullopt;
      return Type::number;
    case Fn::round:
      if (!need(0, Type::number) || !need(1, Type::number)) return std::nullopt;
      return Type::number;
    case Fn::clamp:
      if (!need(0, Type::number) || !need(1, Type::number) || !need(2, Type::number)) return std::nullopt;
      return Type::number;
    case Fn::min2:
    case Fn::max2:
      if (!need(0, Type::number) || !need(1, Type::number)) return std::nullopt;
      return Type::number;
    case Fn::if_: {
      if (!need(0, Type::boolean)) return std::nullopt;
      if (a[1] == a[2] || a[2] == Type::null || a[2] == Type::any) return a[1];
      if (a[1] == Type::null || a[1] == Type::any) return a[2];
      bad = 2;
      return std::nullopt;
    }
    case Fn::coalesce:
      if (a[0] == a[1] || a[1] == Type::null || a[1] == Type::any) return a[0] == Type::null ? a[1] : a[0];
      if (a[0] == Type::null || a[0] == Type::any) return a[1];
      bad = 1;
      return std::nullopt;
    case Fn::steps:
      if (!need(0, Type::number) || !need_list(1) || !need_list(2)) return std::nullopt;
      return Type::number;
    case Fn::has:
      if (!need_list(0)) return std::nullopt;
      return Type::boolean;
    case Fn::has_any:
      if (!need_list(0) || !need_list(1)) return std::nullopt;
      return Type::boolean;
    case Fn::uscc_valid:
      if (!need(0, Type::string)) return std::nullopt;
      return Type::boolean;
    case Fn::matches:
      if (!need(0, Type::string) || !need(1, Type::string)) return std::nullopt;
      return Type::boolean;
  }
  return Type::any;
}

}  // namespace greenapply::expr
