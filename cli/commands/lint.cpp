// greenapply lint [PACKAGE_DIR...] — checks form packages; prints "file: pointer: message".
// Exit: 0 clean (warnings allowed), 1 problems found, 2 unusable input.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands/commands.hpp"
#include "greenapply/form.hpp"
#include "io.hpp"
#include "package_files.hpp"

namespace greenapply::cli {

namespace fs = std::filesystem;

int run_lint(const Args& args) {
  const Options opts(args, {}, {});
  std::vector<std::string> dirs = opts.positionals();
  if (dirs.empty()) {
    if (!fs::is_directory("schemas")) throw UsageError("no package given and no schemas/ folder here");
    for (const auto& entry : fs::directory_iterator("schemas")) {
      if (fs::exists(entry.path() / "form.json")) dirs.push_back(entry.path().string());
    }
    std::sort(dirs.begin(), dirs.end());
  }
  for (const auto& dir : dirs) {
    if (!fs::exists(fs::path(dir) / "form.json")) throw UsageError(dir + ": not a form package folder (no form.json)");
  }
  std::size_t errors = 0, warnings = 0;
  for (const auto& dir : dirs) {
    std::size_t package_errors = 0;
    try {
      const PackageFiles files = read_package(dir);
      const nlohmann::json package_schema = read_package_schema(files);
      const auto problems = form::lint(files.bundle, package_schema.is_null() ? nullptr : &package_schema);
      for (const auto& p : problems) {
        const bool is_error = p.severity == Severity::error;
        (is_error ? package_errors : warnings) += 1;
        std::string line = files.dir + "/" + p.file + ": " + (p.pointer.empty() ? "/" : p.pointer) + ": " +
                           (is_error ? "" : "warning: ") + form::describe(p, files.bundle["common_i18n"]);
        if (form::describe(p, files.bundle["common_i18n"]) == p.message_key && !p.params.empty())
          line += " " + p.params.dump();
        std::puts(line.c_str());
      }
    } catch (const UsageError& e) {
      std::printf("%s: %s\n", dir.c_str(), e.what());
      ++package_errors;
    }
    errors += package_errors;
  }
  std::printf("lint: %zu package(s), %zu error(s), %zu warning(s)\n", dirs.size(), errors, warnings);
  return errors == 0 ? 0 : 1;
}

}  // namespace greenapply::cli
