// Any bytes: parse_json's reader against nlohmann's own parser, which it replaced. They must
// accept the same texts (within the depth bound, which nlohmann does not have) and build the
// same tree, kinds of number included; a rejection must point inside the text. And write_json
// against nlohmann's dump(), which it replaced: the same text for the tree read, compact and
// indented, and for the bytes taken as one string (not always UTF-8: then the same error).
// And greenapply::json (members in a sorted vector) against nlohmann::json (a std::map): the
// same text for what both read.
#include <cstdint>
#include <string>
#include <string_view>

#include "greenapply/json_text.hpp"
#include "reader.hpp"
#include "strictly_same.hpp"

namespace {

void same_text(const greenapply::json& j, int indent) {
  std::string expected, got;
  try {
    expected = j.dump(indent);
  } catch (const greenapply::json::exception& e) {
    expected = std::string("error: ") + e.what();
  }
  try {
    got = greenapply::write_json(j, indent);
  } catch (const greenapply::json::exception& e) {
    got = std::string("error: ") + e.what();
  }
  if (got != expected) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  greenapply::json ours;
  greenapply::json_text_detail::ReadFailure failure;
  const bool accepted =
      greenapply::json_text_detail::read_json(text, greenapply::kMaxJsonDepth, ours, failure);
  greenapply::json reference;
  bool nlohmann_reads = true;
  try {
    reference = greenapply::json::parse(text);
  } catch (const greenapply::json::exception&) {
    nlohmann_reads = false;
  }
  same_text(greenapply::json(std::string(text)), -1);
  if (accepted) {
    if (!nlohmann_reads || !greenapply::strictly_same(ours, reference)) __builtin_trap();
    same_text(ours, -1);
    same_text(ours, 2);
    try {
      if (nlohmann::json::parse(text).dump() != reference.dump()) __builtin_trap();
    } catch (const nlohmann::json::type_error&) {  // not UTF-8 inside: dump() refuses, as ours does
    }
  } else {
    if (failure.offset > size || failure.detail.empty()) __builtin_trap();
    if (nlohmann_reads && std::string(failure.key) != "json.depth") __builtin_trap();
  }
  return 0;
}
