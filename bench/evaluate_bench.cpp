// The full evaluation an applicant's page runs on every keystroke (validate + visibility +
// computed values + constraints + eligibility + score + messages), natively, on the Bluetech
// company form's worked examples, and the same with 20 team members and 10 patents.
#include <benchmark/benchmark.h>

#include <optional>

#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "package_files.hpp"

namespace {

struct Forms {
  greenapply::cli::PackageFiles files;
  std::optional<greenapply::form::FormPackage> package;
  std::vector<greenapply::json> examples;
  greenapply::json large;
  Forms() {
    files = greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/bluetech-2023-company");
    package = greenapply::form::FormPackage::load(files.bundle);
    for (const auto& ex : files.bundle["examples"]) examples.push_back(ex["content"]["answers"]);
    // The largest realistic application: the richest example, grown to 20 team members and
    // 10 key patents (the page's performance bar is stated for this size).
    large = examples.front();
    auto grow = [](greenapply::json& list, std::size_t n) {
      if (!list.is_array() || list.empty()) return;
      while (list.size() < n) list.push_back(list[list.size() % list.size()]);
    };
    if (large.contains("team")) grow(large["team"]["core_team"], 20);
    if (large.contains("ip")) grow(large["ip"]["key_patents"], 10);
  }
};

const Forms& forms() {
  static const Forms f;
  return f;
}

void EvaluateWorkedExamples(benchmark::State& state) {
  const auto& f = forms();
  std::size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& answers : f.examples)
      bytes += greenapply::form::evaluate(*f.package, answers, "2023-04-15T10:00:00+08:00", "en").size();
  }
  benchmark::DoNotOptimize(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.examples.size()));
}
BENCHMARK(EvaluateWorkedExamples)->Unit(benchmark::kMicrosecond);

void EvaluateLargeApplicationToJsonText(benchmark::State& state) {
  const auto& f = forms();
  std::size_t bytes = 0;
  for (auto _ : state) {
    // What the page pays per keystroke: evaluation plus serialising the answer for JS.
    bytes += greenapply::write_json(greenapply::form::evaluate(*f.package, f.large, "2023-04-15T10:00:00+08:00", "zh")).size();
  }
  benchmark::DoNotOptimize(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(EvaluateLargeApplicationToJsonText)->Unit(benchmark::kMicrosecond);

// The text of that evaluation alone, by the writer the page uses (arg 1) and by nlohmann's
// dump() (arg 0), which it replaced: the same bytes (writer_test), side by side.
void EvaluationToJsonText(benchmark::State& state) {
  const auto& f = forms();
  const greenapply::json evaluation = greenapply::form::evaluate(*f.package, f.large, "2023-04-15T10:00:00+08:00", "zh");
  std::size_t bytes = 0;
  for (auto _ : state) bytes += state.range(0) ? greenapply::write_json(evaluation).size() : evaluation.dump().size();
  benchmark::DoNotOptimize(bytes);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(EvaluationToJsonText)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

void LoadPackage(benchmark::State& state) {
  const auto& f = forms();
  for (auto _ : state) benchmark::DoNotOptimize(greenapply::form::FormPackage::load(f.files.bundle));
}
BENCHMARK(LoadPackage)->Unit(benchmark::kMillisecond);

}  // namespace
