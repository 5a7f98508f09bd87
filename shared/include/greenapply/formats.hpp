// greenapply/formats.hpp — JSON Schema "format" checks (draft 2020-12 and draft-07 formats).
#pragma once

#include <string_view>

#include "greenapply/json.hpp"

namespace greenapply::formats {

bool known(std::string_view format);
// true when value is not a string (formats apply to strings only) or is a valid instance.
bool check(std::string_view format, const greenapply::json& value);

}  // namespace greenapply::formats
