// Matching, as `greenapply match` and the need form's panel run it: one worked need against
// the technology form's worked examples repeated to 1,000 entries (the ranking included).
#include <benchmark/benchmark.h>

#include <optional>

#include "greenapply/form.hpp"
#include "package_files.hpp"

namespace {

struct Match {
  std::optional<greenapply::form::FormPackage> need_form;
  greenapply::json need, technologies = greenapply::json::array();
  Match() {
    const auto need_files = greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-need");
    const auto tech_files = greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-technology");
    need_form = greenapply::form::FormPackage::load(need_files.bundle);
    need = need_files.bundle["examples"][0]["content"]["answers"];
    const auto& examples = tech_files.bundle["examples"];
    while (technologies.size() < 1000) technologies.push_back(examples[technologies.size() % examples.size()]["content"]["answers"]);
  }
};

void MatchNeedAgainstThousandTechnologies(benchmark::State& state) {
  static const Match m;
  std::size_t n = 0;
  for (auto _ : state) {
    n += greenapply::form::match_technologies(*m.need_form, m.need, m.technologies, "2026-06-01T10:00:00+08:00", "en")["results"].size();
  }
  benchmark::DoNotOptimize(n);
  state.SetItemsProcessed(static_cast<int64_t>(n));  // technologies scored per second
}
BENCHMARK(MatchNeedAgainstThousandTechnologies)->Unit(benchmark::kMillisecond);

}  // namespace
