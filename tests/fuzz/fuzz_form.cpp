// Answers from the input, evaluated against one of the real form packages (read once from the
// source tree; the input's first byte picks which): evaluation never crashes, whatever an
// applicant's file holds, on any of the packages' rules, visibility, eligibility and rubric.
#include <cstdint>
#include <string_view>
#include <vector>

#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "package_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto packages = [] {
    std::vector<greenapply::form::FormPackage> list;
    for (const char* name : {"bluetech-2023-company", "bluetech-2023-team", "wipo-green-technology", "wipo-green-need", "ip-clinic"})
      list.push_back(greenapply::form::FormPackage::load(
          greenapply::cli::read_package(std::string(GREENAPPLY_SOURCE_DIR "/schemas/") + name).bundle));
    return list;
  }();
  if (size == 0) return 0;
  const auto& package = packages[data[0] % packages.size()];
  try {
    const auto answers = greenapply::parse_json(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    (void)greenapply::form::evaluate(package, answers, "2023-04-15T10:00:00+08:00", data[0] & 0x80 ? "zh" : "en").dump();
    (void)greenapply::form::make_application_package(package, answers, "2026-06-01T10:00:00+08:00", "en").dump();
  } catch (const greenapply::JsonTextError&) {
  }
  return 0;
}
