#include "application.hpp"

#include <chrono>
#include <ctime>

#include "io.hpp"

namespace greenapply::cli {

using nlohmann::json;

std::string current_time_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const json& answers_of(const json& app) {
  if (app.is_object() && app.contains("answers") && app["answers"].is_object() &&
      (app.contains("package") || app.contains("expected")))
    return app["answers"];
  return app;
}

form::FormPackage load_package_or_fail(const PackageFiles& files) {
  try {
    return form::FormPackage::load(files.bundle);
  } catch (const form::PackageError& e) {
    const auto& p = e.problems.front();
    throw UsageError(files.dir + "/" + p.file + ": " + p.pointer + ": " +
                     form::describe(p, files.bundle["common_i18n"]) + " (run greenapply lint " +
                     files.dir + ")");
  }
}

}  // namespace greenapply::cli
