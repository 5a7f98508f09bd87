// The meta-schemas compiled into the library, looked up by their absolute URI (no fragment).
#pragma once

#include <string_view>

namespace greenapply::json_schema::detail {

struct EmbeddedSchema {
  std::string_view uri;   // "$id" without a trailing empty fragment
  std::string_view text;  // the JSON text
};

// Returns the embedded meta-schema for `uri` (with or without a trailing "#"), or nullptr.
const EmbeddedSchema* find_embedded_schema(std::string_view uri);

}  // namespace greenapply::json_schema::detail
