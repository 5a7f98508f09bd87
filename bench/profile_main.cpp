// A deterministic driver for instruction-count profiling (valgrind --tool=callgrind): runs one
// benchmark workload N times, with the work inside measured_loop() so that
// `--toggle-collect='*measured_loop*'` counts the measured work only, not the set-up.
//   greenapply_profile validate|is_valid|parse_validate|evaluate|evaluate_large [N]
//   greenapply_profile load [N] [package dir]   the page's Form.load: the bundle's text parsed and
//                                               loaded (default schemas/bluetech-2023-company)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "greenapply/form.hpp"
#include "greenapply/json_schema.hpp"
#include "greenapply/json_text.hpp"
#include "package_files.hpp"

namespace {

greenapply::json read_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return greenapply::parse_json(ss.str());
}

struct Ctx {
  std::string mode;
  std::optional<greenapply::json_schema::Validator> validator;
  greenapply::json instances;
  std::vector<std::string> texts;
  std::optional<greenapply::form::FormPackage> package;
  std::vector<greenapply::json> examples;
  std::string bundle_text;
};

__attribute__((noinline)) std::size_t measured_loop(const Ctx& c, int n) {
  std::size_t sink = 0;
  for (int r = 0; r < n; ++r) {
    if (c.mode == "validate") {
      for (const auto& i : c.instances) sink += c.validator->validate(i).size();
    } else if (c.mode == "is_valid") {
      for (const auto& i : c.instances) sink += c.validator->is_valid(i);
    } else if (c.mode == "parse_validate") {
      for (const auto& t : c.texts) sink += c.validator->validate(greenapply::parse_json(t)).size();
    } else if (c.mode == "evaluate") {
      for (const auto& a : c.examples)
        sink += greenapply::form::evaluate(*c.package, a, "2023-04-15T10:00:00+08:00", "en").size();
    } else if (c.mode == "load") {
      sink += greenapply::form::FormPackage::load(greenapply::parse_json(c.bundle_text)).warnings().size();
    }
  }
  return sink;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: greenapply_profile validate|is_valid|parse_validate|evaluate|load [N] [package dir]\n");
    return 2;
  }
  Ctx c;
  c.mode = argv[1];
  const int n = argc > 2 ? std::atoi(argv[2]) : 1;
  if (c.mode == "load") {
    const std::string dir = argc > 3 ? argv[3] : GREENAPPLY_SOURCE_DIR "/schemas/bluetech-2023-company";
    // As the page sends it (www/js/bundle.js): no examples, the texts of one language.
    greenapply::json bundle = greenapply::cli::read_package(dir).bundle;
    bundle.erase("examples");
    for (const char* texts : {"i18n", "common_i18n"}) bundle[texts].erase("zh");
    c.bundle_text = bundle.dump();
  } else if (c.mode == "evaluate") {
    auto files = greenapply::cli::read_package(GREENAPPLY_SOURCE_DIR "/schemas/bluetech-2023-company");
    c.package = greenapply::form::FormPackage::load(files.bundle);
    for (const auto& ex : files.bundle["examples"]) c.examples.push_back(ex["content"]["answers"]);
  } else {
    c.validator = greenapply::json_schema::Validator::compile(
        read_json(GREENAPPLY_SHARED_DIR "/bench/form-like-schema.json"));
    const char* inst = std::getenv("GREENAPPLY_BENCH_INSTANCES");
    c.instances = read_json(inst ? inst : GREENAPPLY_SOURCE_DIR "/build/bench/instances.json");
    for (const auto& i : c.instances) c.texts.push_back(i.dump());
  }
  std::printf("%zu\n", measured_loop(c, n));
  return 0;
}
