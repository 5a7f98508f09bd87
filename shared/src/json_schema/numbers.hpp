// Number and string facts JSON Schema needs, exact where the JSON text is exact.
#pragma once

#include <cstddef>
#include "greenapply/json.hpp"
#include <string_view>

namespace greenapply::json_schema::detail {

// A number with no fractional part is an integer, whatever its JSON spelling (1.0 is one).
bool is_integer_value(const greenapply::json& number);

// -1, 0 or 1 as a < b, a == b, a > b (both numbers). Integers compare exactly.
int compare_numbers(const greenapply::json& a, const greenapply::json& b);

// Is `value` an integer multiple of `divisor` (> 0)? Exact on the shortest decimal spelling of
// both numbers, so 19.99 is a multiple of 0.01 although the binary doubles are not.
bool is_multiple_of(const greenapply::json& value, const greenapply::json& divisor);

// Length in Unicode code points of UTF-8 text (continuation bytes are not counted).
std::size_t code_point_length(std::string_view utf8);

}  // namespace greenapply::json_schema::detail
