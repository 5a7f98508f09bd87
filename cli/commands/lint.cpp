// greenapply lint [PATH...] [--format text|json|github|sarif] [--lang en|zh] [--output FILE]
// Checks form packages. Every problem is reported with its file, line and column: the core
// gives a JSON pointer, lint_report maps it back over the file's text.
// Exit: 0 clean (warnings allowed), 1 problems found, 2 usage or I/O error.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "commands/commands.hpp"
#include "greenapply/form.hpp"
#include "io.hpp"
#include "lint_report.hpp"
#include "package_files.hpp"

namespace greenapply::cli {

namespace fs = std::filesystem;
using greenapply::json;

namespace {

bool is_package(const fs::path& dir) { return fs::is_regular_file(dir / "form.json"); }

// Every package a path names: the package folder itself, the package a file lies in, or every
// package folder under a folder of packages (common/ and hidden folders skipped).
std::vector<std::string> packages_at(const std::string& arg) {
  fs::path p(arg);
  while (!p.empty() && p.filename().empty()) p = p.parent_path();  // "schemas/" → "schemas"
  if (p.empty()) p = arg;
  std::error_code ec;
  if (!fs::exists(p, ec)) throw UsageError(arg + ": no such file or folder");
  if (fs::is_regular_file(p)) {
    for (fs::path dir = fs::absolute(p).parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (is_package(dir)) return {p.is_absolute() ? dir.string() : fs::relative(dir).string()};
      if (dir == dir.parent_path()) break;
    }
    throw UsageError(arg + ": not inside a form package (no form.json beside it or above it)");
  }
  if (is_package(p)) return {p.string()};
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory()) continue;
    const std::string name = it->path().filename().string();
    if (name == "common" || name == "node_modules" || (!name.empty() && name[0] == '.')) {
      it.disable_recursion_pending();
    } else if (is_package(it->path())) {
      found.push_back(it->path().lexically_normal().string());  // "./x" → "x", as a repository names it
      it.disable_recursion_pending();  // a package's own folders (examples/, i18n/) hold no packages
    }
  }
  if (found.empty()) throw UsageError(arg + ": no form package here (no form.json in it or in a folder under it)");
  std::sort(found.begin(), found.end());
  return found;
}

// The file on disk that a problem's file name stands for: the core names files by their part
// ("rules.json", "i18n/zh.json"); the manifest may call them otherwise.
std::string file_on_disk(const PackageFiles& pkg, const std::string& file) {
  const fs::path dir(pkg.dir);
  if (file == "form-package.schema.json") return (dir.parent_path() / file).string();
  const json& files = pkg.bundle["form"].value("files", json::object());
  static const std::pair<const char*, const char*> kParts[] = {
      {"data.schema.json", "data_schema"}, {"layout.json", "layout"}, {"rules.json", "rules"},
      {"eligibility.json", "eligibility"}, {"rubric.json", "rubric"},  {"match.json", "match"}};
  for (const auto& [name, part] : kParts) {
    if (file == name && files.is_object() && files.contains(part) && files[part].is_string())
      return (dir / files[part].get<std::string>()).string();
  }
  if (file.rfind("i18n/", 0) == 0 && files.is_object() && files.contains("i18n") && files["i18n"].is_object()) {
    const std::string lang = fs::path(file).stem().string();
    if (files["i18n"].contains(lang) && files["i18n"][lang].is_string())
      return (dir / files["i18n"][lang].get<std::string>()).string();
  }
  return (dir / file).string();
}

}  // namespace

int run_lint(const Args& args) {
  const Options opts(args, {"format", "lang", "output"}, {});
  const std::string format = opts.get("format").value_or("text");
  if (format != "text" && format != "json" && format != "github" && format != "sarif")
    throw UsageError("--format must be text, json, github or sarif");
  const std::string lang = opts.get("lang").value_or("en");
  if (lang != "en" && lang != "zh") throw UsageError("--lang must be en or zh");

  std::vector<std::string> paths = opts.positionals();
  if (paths.empty()) {
    if (!fs::is_directory("schemas")) throw UsageError("no package given and no schemas/ folder here");
    paths.push_back("schemas");
  }
  std::vector<std::string> dirs;
  for (const auto& path : paths) {
    for (auto& d : packages_at(path)) {
      if (std::find(dirs.begin(), dirs.end(), d) == dirs.end()) dirs.push_back(std::move(d));
    }
  }

  LintReport report(lang);
  for (const auto& dir : dirs) {
    report.add_package(dir);
    try {
      const PackageFiles files = read_package(dir);
      const json package_schema = read_package_schema(files);
      const auto problems = form::lint(files.bundle, package_schema.is_null() ? nullptr : &package_schema);
      const json& common = files.bundle["common_i18n"];
      for (const auto& p : problems) {
        std::string message = form::describe(p, common, lang);
        if (message == p.message_key && !p.params.empty()) message += " " + p.params.dump();
        report.add(file_on_disk(files, p.file), p.location, p.severity, p.message_key, p.params, message,
                   form::describe(Issue{"", p.message_key, {}, p.severity}, common, lang));
      }
    } catch (const JsonFileError& e) {
      report.add_at(e.issue().file, e.issue().line, e.issue().column, "", Severity::error, "json.syntax",
                    {{"detail", e.detail}}, e.what(),
                    "The file is not JSON");
    } catch (const UsageError& e) {
      // A missing or unreadable file of the package: the package cannot be checked at all.
      report.add_at(dir, 0, 0, "", Severity::error, "lint.unreadable_package", json::object(), e.what(),
                    "A file of the package cannot be read");
    }
  }

  std::string out;
  if (format == "text") out = report.text();
  else if (format == "github") out = report.github();
  else if (format == "json") out = report.json_text();
  else out = report.sarif(GREENAPPLY_VERSION);
  if (const auto file = opts.get("output")) {
    write_file(*file, out);
    if (format == "text" || format == "github") std::fputs(report.summary().c_str(), stdout);
  } else {
    std::fputs(out.c_str(), stdout);
  }
  return report.errors() == 0 ? 0 : 1;
}

}  // namespace greenapply::cli
