// Schema and instance from the input (split at the first NUL): compile + validate must end in
// a verdict or a SchemaError, never a crash, hang or sanitizer report.
#include <cstdint>
#include <string_view>

#include "greenapply/json_schema.hpp"
#include "greenapply/json_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  const std::string_view schema_text = input.substr(0, nul);
  const std::string_view instance_text = nul == std::string_view::npos ? "null" : input.substr(nul + 1);
  try {
    const auto schema = greenapply::parse_json(schema_text);
    const auto instance = greenapply::parse_json(instance_text);
    const auto v = greenapply::json_schema::Validator::compile(schema);
    const auto issues = v.validate(instance);
    if (issues.empty() != v.is_valid(instance)) __builtin_trap();  // the two entry points agree
  } catch (const greenapply::JsonTextError&) {
  } catch (const greenapply::json_schema::SchemaError&) {
  }
  return 0;
}
