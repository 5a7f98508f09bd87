// Answers from the input, evaluated against the Bluetech company package (read once from the
// source tree): package loading and evaluation never crash, whatever an applicant's file holds.
#include <cstdint>
#include <optional>
#include <string_view>

#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "package_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto package = [] {
    const auto files = greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/bluetech-2023-company");
    return greenapply::form::FormPackage::load(files.bundle);
  }();
  try {
    const auto answers = greenapply::parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
    (void)greenapply::form::evaluate(package, answers, "2023-04-15T10:00:00+08:00", "zh").dump();
  } catch (const greenapply::JsonTextError&) {
  }
  return 0;
}
