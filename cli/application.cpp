#include "application.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>

#include "greenapply/json_text.hpp"
#include "greenapply/match.hpp"
#include "greenapply/xml.hpp"
#include "io.hpp"

namespace greenapply::cli {

using greenapply::json;

std::string current_time_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

const json& answers_of(const json& app) { return match::answers_of(app); }

std::vector<std::string> application_files(const std::string& dir) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext == ".json" || ext == ".xml") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

json read_application(const std::string& path) {
  const std::string text = read_file(path);
  const bool xml = path.size() > 4 && path.compare(path.size() - 4, 4, ".xml") == 0;
  return xml ? xml::from_xml(text) : parse_json(text);
}

form::FormPackage load_package_or_fail(const PackageFiles& files) {
  try {
    return form::FormPackage::load(files.bundle);
  } catch (const form::PackageError& e) {
    const Issue& p = e.issue();
    throw UsageError(files.dir + "/" + p.file + ": " + p.location + ": " +
                     form::describe(p, files.bundle["common_i18n"]) + " (run greenapply lint " +
                     files.dir + ")",
                     p);
  }
}

}  // namespace greenapply::cli
