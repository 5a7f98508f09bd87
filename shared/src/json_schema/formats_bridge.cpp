#include "formats_bridge.hpp"

#if GREENAPPLY_JSON_SCHEMA_HAS_FORMATS
#include "greenapply/formats.hpp"
#endif

namespace greenapply::json_schema::detail {

#if GREENAPPLY_JSON_SCHEMA_HAS_FORMATS
bool format_known(std::string_view format) { return formats::known(format); }
bool format_check(std::string_view format, const nlohmann::json& value) {
  return formats::check(format, value);
}
#else
// Built before the formats module exists: no format is known, so "format" stays an annotation.
bool format_known(std::string_view) { return false; }
bool format_check(std::string_view, const nlohmann::json&) { return true; }
#endif

}  // namespace greenapply::json_schema::detail
