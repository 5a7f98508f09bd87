// JSON Schema validation throughput on the reference form-like workload
// (../shared/bench/form-like-schema.json, 1000 generated instances, ~79 % valid), all errors
// collected as a form needs. bench/run.sh runs this beside ajv in the same session.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "greenapply/json_schema.hpp"
#include "greenapply/json_text.hpp"

namespace {

greenapply::json read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return greenapply::parse_json(ss.str());
}

struct Workload {
  greenapply::json schema;
  greenapply::json instances;
  std::vector<std::string> texts;
  Workload() {
    schema = read_json(GREENAPPLY_SHARED_DIR "/bench/form-like-schema.json");
    const char* inst = std::getenv("GREENAPPLY_BENCH_INSTANCES");
    instances = read_json(inst ? inst : GREENAPPLY_SOURCE_DIR "/build/bench/instances.json");
    for (const auto& i : instances) texts.push_back(i.dump());
  }
};

const Workload& workload() {
  static const Workload w;
  return w;
}

void ValidateAllErrors(benchmark::State& state) {
  const auto& w = workload();
  const auto validator = greenapply::json_schema::Validator::compile(w.schema);
  std::size_t errors = 0;
  for (auto _ : state) {
    for (const auto& instance : w.instances) errors += validator.validate(instance).size();
  }
  benchmark::DoNotOptimize(errors);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * w.instances.size()));
}
BENCHMARK(ValidateAllErrors)->Unit(benchmark::kMillisecond);

void ParseAndValidateAllErrors(benchmark::State& state) {
  const auto& w = workload();
  const auto validator = greenapply::json_schema::Validator::compile(w.schema);
  std::size_t errors = 0;
  for (auto _ : state) {
    for (const auto& text : w.texts) errors += validator.validate(greenapply::parse_json(text)).size();
  }
  benchmark::DoNotOptimize(errors);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * w.texts.size()));
}
BENCHMARK(ParseAndValidateAllErrors)->Unit(benchmark::kMillisecond);

void IsValid(benchmark::State& state) {
  const auto& w = workload();
  const auto validator = greenapply::json_schema::Validator::compile(w.schema);
  std::size_t valid = 0;
  for (auto _ : state) {
    for (const auto& instance : w.instances) valid += validator.is_valid(instance);
  }
  benchmark::DoNotOptimize(valid);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * w.instances.size()));
}
BENCHMARK(IsValid)->Unit(benchmark::kMillisecond);

void CompileSchema(benchmark::State& state) {
  const auto& w = workload();
  for (auto _ : state) benchmark::DoNotOptimize(greenapply::json_schema::Validator::compile(w.schema));
}
BENCHMARK(CompileSchema)->Unit(benchmark::kMicrosecond);

}  // namespace
