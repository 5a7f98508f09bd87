#include "formats_bridge.hpp"

#include "greenapply/formats.hpp"

namespace greenapply::json_schema::detail {

bool format_known(std::string_view format) { return formats::known(format); }
bool format_check(std::string_view format, const greenapply::json& value) {
  return formats::check(format, value);
}

}  // namespace greenapply::json_schema::detail
