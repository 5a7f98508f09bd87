// The built-in functions: names, arity, which argument (if any) is evaluated per list item
// with `it` bound, and how argument types give the result type.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "node.hpp"

namespace greenapply::expr {

struct FunctionInfo {
  std::string_view name;
  Fn fn;
  int min_args;
  int max_args;
  int item_arg;  // index of the argument evaluated per item (it bound), or -1
};

const FunctionInfo* find_function(std::string_view name);

// Checks argument types (any matches everything); returns the result type, or nullopt with
// the index of the offending argument in bad_arg.
std::optional<Type> function_type(Fn fn, const std::vector<Type>& args, std::size_t& bad_arg);

}  // namespace greenapply::expr
