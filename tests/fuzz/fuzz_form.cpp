// Answers from the input, evaluated against one of the real form packages (read once from the
// source tree; the input's first byte picks which, its bits 4-6 the evaluation time (kNow), its
// high bit the language): evaluation never crashes, whatever an applicant's file holds, on any
// of the packages' rules, visibility, eligibility and rubric, its result keeps the promises the page and the ranking rely on, and
// its application package survives the XML export and import unchanged.
// Mutations are JSON-aware (json_mutator.hpp) with the packages' field names and enum values.
#include <cmath>
#include <cstdint>
#include <set>
#include <string_view>
#include <vector>

#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/xml.hpp"
#include "json_mutator.hpp"
#include "package_files.hpp"

namespace {

struct Packages {
  std::vector<greenapply::form::FormPackage> forms;
  greenapply::fuzz::JsonMutator mutator{{}};
};

const Packages& packages() {
  static const Packages p = [] {
    Packages out;
    std::set<std::string> keys, strings;
    for (const char* name : {"bluetech-2023-company", "bluetech-2023-team", "wipo-green-technology", "wipo-green-need", "ip-clinic"}) {
      const auto bundle = greenapply::cli::read_package(std::string(GREENAPPLY_SOURCE_DIR "/schemas/") + name).bundle;
      out.forms.push_back(greenapply::form::FormPackage::load(bundle));
      // Field names and enum values: the schemas and the worked examples' answers.
      for (const char* part : {"data_schema", "common_schemas", "examples"}) {
        if (bundle.contains(part)) greenapply::fuzz::collect_words(bundle[part], keys, strings);
      }
    }
    out.mutator = greenapply::fuzz::JsonMutator(greenapply::fuzz::make_words(keys, strings));
    return out;
  }();
  return p;
}

// Evaluation times around the Bluetech round's window (opens 1 March, closes before 1 May 2023,
// Beijing time) and at the ends of the calendar: ages, deadlines and the countdown must hold.
constexpr const char* kNow[] = {"2023-04-15T10:00:00+08:00", "2023-02-28T23:59:59+08:00", "2023-04-30T23:59:59+08:00",
                                "2023-04-30T16:00:00Z",      "2026-06-01T10:00:00-12:00", "1970-01-01T00:00:00Z",
                                "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"};

// A reported number must be finite: NaN or infinity would print as null or break the ranking.
bool finite_number(const greenapply::json& v) { return v.is_number() && std::isfinite(v.get<double>()); }

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed) {
  return greenapply::fuzz::mutate_input(packages().mutator, data, size, max_size, seed, 1);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto& forms = packages().forms;
  if (size == 0) return 0;
  const auto& package = forms[data[0] % forms.size()];
  greenapply::json answers;
  try {
    answers = greenapply::parse_json(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  } catch (const greenapply::JsonTextError&) {
    return 0;
  }
  const auto ev = greenapply::form::evaluate(package, answers, kNow[(data[0] >> 4) & 7], data[0] & 0x80 ? "zh" : "en");
  // The self-score is on 0…100 and every dimension within its maximum.
  if (ev["score"].is_object()) {
    const auto& total = ev["score"]["total"];
    if (!finite_number(total) || total.get<double>() < 0 || total.get<double>() > 100) __builtin_trap();
    for (const auto& dim : ev["score"]["dimensions"]) {
      if (!finite_number(dim["points"]) || dim["points"].get<double>() > dim["max"].get<double>()) __builtin_trap();
    }
  }
  // "valid" is exactly "no error-severity issue".
  bool any_error = false;
  for (const auto& e : ev["errors"]) any_error |= e["severity"] == "error";
  if (ev["valid"].get<bool>() == any_error) __builtin_trap();
  (void)ev.dump();
  // The package an applicant e-mails, as JSON and as XML: the organiser's import of the XML
  // gives back the same document byte for byte (docs/xml.md promises a lossless round trip).
  const auto app = greenapply::form::make_application_package(package, answers, "2026-06-01T10:00:00+08:00", "en");
  if (greenapply::xml::from_xml(greenapply::xml::to_xml(app)).dump() != app.dump()) __builtin_trap();
  return 0;
}
