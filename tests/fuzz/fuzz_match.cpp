// The matcher: a spec from the input (loaded or refused with a SpecError, never a crash) scoring
// need and technology answers from the input; and the real need form ranking whatever
// technology files a seeker opens. Input: JSON {"spec": …, "need": …, "technologies": […]}.
// Every score is null or on 0…100, every fraction on 0…1, and the ranking lists each entry
// once. Mutations are JSON-aware (json_mutator.hpp) with both WIPO GREEN forms' field names,
// enum values and match.json's own keys.
#include <cmath>
#include <cstdint>
#include <set>
#include <string_view>

#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/match.hpp"
#include "json_mutator.hpp"
#include "package_files.hpp"

namespace {

struct Setup {
  greenapply::form::FormPackage need_form;
  greenapply::fuzz::JsonMutator mutator;
};

const Setup& setup() {
  static const Setup s = [] {
    const auto need = greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-need").bundle;
    const auto tech = greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-technology").bundle;
    std::set<std::string> keys, strings;
    for (const auto* bundle : {&need, &tech}) {
      for (const char* part : {"data_schema", "common_schemas", "examples", "match"}) {
        if (bundle->contains(part)) greenapply::fuzz::collect_words((*bundle)[part], keys, strings);
      }
    }
    for (const char* k : {"spec", "need", "technologies", "format", "package", "answers", "id"}) keys.insert(k);
    strings.insert("greenapply-application");
    return Setup{greenapply::form::FormPackage::load(need), greenapply::fuzz::JsonMutator(greenapply::fuzz::make_words(keys, strings))};
  }();
  return s;
}

bool in_range(const greenapply::json& v, double hi) {
  return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= 0 && v.get<double>() <= hi;
}

// A ranking: one row per technology given, every score null or 0…100, every fraction 0…1.
void check_ranking(const greenapply::json& ranking, const greenapply::json& techs) {
  if (!ranking.is_array() || ranking.size() != (techs.is_array() ? techs.size() : 0)) __builtin_trap();
  std::set<std::size_t> seen;
  for (const auto& row : ranking) {
    if (!seen.insert(row["index"].get<std::size_t>()).second) __builtin_trap();
    if (row.contains("problem")) continue;
    if (!row["score"].is_null() && !in_range(row["score"], 100)) __builtin_trap();
    for (const auto& c : row["components"]) {
      if (c["applicable"].get<bool>() && !in_range(c["fraction"], 1)) __builtin_trap();
    }
  }
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed) {
  return greenapply::fuzz::mutate_input(setup().mutator, data, size, max_size, seed, 0);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& need_form = setup().need_form;
  greenapply::json input;
  try {
    input = greenapply::parse_json(std::string_view(reinterpret_cast<const char*>(data), size));
  } catch (const greenapply::JsonTextError&) {
    return 0;
  }
  const greenapply::json& need = input.is_object() && input.contains("need") ? input["need"] : input;
  const greenapply::json& techs = input.is_object() && input.contains("technologies") ? input["technologies"] : input;
  if (input.is_object() && input.contains("spec")) {
    try {
      const auto m = greenapply::match::Matcher::load(input["spec"]);
      check_ranking(m.rank(need, techs), techs);
      if (techs.is_array() && !techs.empty()) {
        const auto one = m.score(need, techs[0]);
        if (!one["score"].is_null() && !in_range(one["score"], 100)) __builtin_trap();
      }
    } catch (const greenapply::match::SpecError&) {
    }
  }
  const auto result = greenapply::form::match_technologies(need_form, need, techs, "2026-06-01T10:00:00+08:00", "zh");
  check_ranking(result["results"], techs);
  (void)result.dump();
  return 0;
}
