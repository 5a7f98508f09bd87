// The validator's view of "format" checks, backed by the formats module when it is built.
#pragma once

#include "greenapply/json.hpp"
#include <string_view>

namespace greenapply::json_schema::detail {

// Is `format` one that can be asserted (false for unknown formats, which are then ignored).
bool format_known(std::string_view format);
// Does `value` satisfy `format` (values of other types than the format applies to pass).
bool format_check(std::string_view format, const greenapply::json& value);

}  // namespace greenapply::json_schema::detail
