// The matcher: a spec from the input (loaded or refused with a SpecError, never a crash) scoring
// need and technology answers from the input; and the real need form ranking whatever
// technology files a seeker opens. Input: JSON {"spec": …, "need": …, "technologies": […]}.
#include <cstdint>
#include <string_view>

#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/match.hpp"
#include "package_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto need_form = greenapply::form::FormPackage::load(
      greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-need").bundle);
  nlohmann::json input;
  try {
    input = greenapply::parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const greenapply::JsonTextError&) {
    return 0;
  }
  const nlohmann::json& need = input.is_object() && input.contains("need") ? input["need"] : input;
  const nlohmann::json& techs = input.is_object() && input.contains("technologies") ? input["technologies"] : input;
  if (input.is_object() && input.contains("spec")) {
    try {
      const auto m = greenapply::match::Matcher::load(input["spec"]);
      (void)m.rank(need, techs).dump();
      if (techs.is_array() && !techs.empty()) (void)m.score(need, techs[0]).dump();
    } catch (const greenapply::match::SpecError&) {
    }
  }
  (void)greenapply::form::match_technologies(need_form, need, techs, "2026-06-01T10:00:00+08:00", "zh").dump();
  return 0;
}
