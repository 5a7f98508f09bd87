// greenapply check --form PKG APP.json [--now ISO-8601] [--lang en|zh] [--json]
// Prints what the applicant saw: errors, eligibility, self-score and advice.
// Exit: 0 no errors, 1 errors in the application, 2 unusable input.
#include <cstdio>

#include "application.hpp"
#include "commands/commands.hpp"
#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "io.hpp"
#include "package_files.hpp"

namespace greenapply::cli {

using greenapply::json;

namespace {

void print_human(const json& r) {
  std::printf("%s %s — %s\n", r["form"]["id"].get<std::string>().c_str(),
              r["form"]["version"].get<std::string>().c_str(),
              r["applicant_name"].is_string() ? r["applicant_name"].get<std::string>().c_str() : "(no name)");
  const json& el = r["eligibility"];
  std::printf("\nEligibility: %s\n  %s\n", el["verdict_message"].get<std::string>().c_str(),
              el["window_message"].get<std::string>().c_str());
  for (const auto& reason : el["reasons"])
    std::printf("  [%s] %s\n", reason["severity"].get<std::string>().c_str(), reason["message"].get<std::string>().c_str());
  std::printf("\nErrors: %zu\n", r["errors"].size());
  for (const auto& e : r["errors"])
    std::printf("  %s: %s%s\n", e["pointer"].get<std::string>().c_str(), e["message"].get<std::string>().c_str(),
                e["severity"] == "warning" ? " (warning)" : "");
  if (r["score"].is_object()) {
    const json& s = r["score"];
    std::printf("\nSelf-score: %s  band %s %s\n", s["total"].dump().c_str(), s["band"].get<std::string>().c_str(),
                s["band_label"].get<std::string>().c_str());
    for (const auto& d : s["dimensions"])
      std::printf("  %-24s %6s / %-4s (%s/%s points)%s\n", d["title"].get<std::string>().c_str(), d["score"].dump().c_str(),
                  d["weight"].dump().c_str(), d["points"].dump().c_str(), d["max"].dump().c_str(),
                  d["needs_work"].get<bool>() ? "  needs work" : "");
    // Indicators beside the total, never in it (the package's note says so).
    for (const auto& d : s.value("indicators", json::array()))
      std::printf("  %-24s %6s / 100  not in the total: %s\n", d["title"].get<std::string>().c_str(), d["score"].dump().c_str(),
                  d["note"].get<std::string>().c_str());
    if (!s["advice"].empty()) std::printf("\nAdvice:\n");
    for (const auto& a : s["advice"])
      std::printf("  +%s  %s\n", a["gain"].dump().c_str(), a["message"].get<std::string>().c_str());
  }
}

}  // namespace

int run_check(const Args& args) {
  const Options opts(args, {"form", "now", "lang"}, {"json"});
  if (opts.positionals().size() != 1) throw UsageError("expected exactly one application file (APP.json)");
  const PackageFiles files = read_package(opts.require("form"));
  const form::FormPackage pkg = load_package_or_fail(files);
  const json app = parse_json_file(opts.positionals()[0]);
  const std::string now = opts.get("now").value_or(current_time_utc());
  const std::string lang = opts.get("lang").value_or("en");
  json result;
  try {
    result = form::evaluate(pkg, answers_of(app), now, lang);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  if (opts.flag("json")) {
    std::puts(greenapply::write_json(result, 2).c_str());
  } else {
    print_human(result);
  }
  return result["valid"].get<bool>() ? 0 : 1;
}

}  // namespace greenapply::cli
