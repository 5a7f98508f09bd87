// URI references (RFC 3986) as JSON Schema uses them: resolving "$id" and "$ref" against a
// base URI, and splitting off the fragment. No normalisation beyond dot-segment removal.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace greenapply::json_schema::detail {

// Resolves `reference` against `base` (RFC 3986 section 5.2). Either may be relative; a
// relative base gives a relative result.
std::string resolve_uri(std::string_view base, std::string_view reference);

// "http://x/y#frag" -> {"http://x/y", "frag"}; fragment is nullopt when there is no '#'.
struct SplitUri {
  std::string base;
  std::optional<std::string> fragment;
};
SplitUri split_fragment(std::string_view uri);

// Percent-decodes a fragment ("%25" -> "%"); invalid escapes are kept as they are.
std::string percent_decode(std::string_view text);

}  // namespace greenapply::json_schema::detail
