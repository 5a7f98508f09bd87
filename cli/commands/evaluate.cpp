// greenapply evaluate --form PKG --cases CASES.json
// Machine interface for parity tests and tools: CASES.json is an array of
// {"answers": {...}, "now": "...", "lang": "en"|"zh"}; prints one compact evaluation JSON per
// line, byte for byte what the wasm build's Form.evaluate() returns for the same case.
#include <cstdio>

#include "application.hpp"
#include "commands/commands.hpp"
#include "greenapply/json_text.hpp"
#include "io.hpp"

namespace greenapply::cli {

int run_evaluate(const Args& args) {
  const Options opts(args, {"form", "cases"}, {});
  const PackageFiles files = read_package(opts.require("form"));
  const form::FormPackage pkg = load_package_or_fail(files);
  const greenapply::json cases = parse_json_file(opts.require("cases"));
  if (!cases.is_array()) throw UsageError(opts.require("cases") + ": expected a JSON array of cases");
  for (const auto& c : cases) {
    if (!c.is_object()) throw UsageError("each case must be an object with answers, now and lang");
    try {
      const auto out = form::evaluate(pkg, c.value("answers", greenapply::json::object()),
                                      c.value("now", std::string()), c.value("lang", std::string("en")));
      std::puts(greenapply::write_json(out).c_str());
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }
  return 0;
}

}  // namespace greenapply::cli
