#include "package_files.hpp"

#include <algorithm>
#include <filesystem>

#include "io.hpp"

namespace greenapply::cli {

namespace fs = std::filesystem;
using greenapply::json;

namespace {

json read_json(const fs::path& path) { return parse_json_file(path.string()); }

json read_optional_texts(const fs::path& dir, const std::string& lang) {
  // The engine's own texts: i18n/<lang>.json plus every i18n/<module>.<lang>.json beside it.
  json merged = json::object();
  if (!fs::is_directory(dir)) return merged;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = "." + lang + ".json";
    if (name == lang + ".json" ||
        (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0))
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) merged.update(read_json(f));
  return merged;
}

// Every shared schema (schemas/common/*.schema.json, e.g. the technology taxonomy), in name
// order; packages reference them by "$id".
json read_common_schemas(const fs::path& dir) {
  json list = json::array();
  if (!fs::is_directory(dir)) return list;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".schema.json";
    if (entry.is_regular_file() && name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) list.push_back(read_json(f));
  return list;
}

}  // namespace

PackageFiles read_package(const std::string& dir_arg) {
  PackageFiles pkg;
  fs::path dir(dir_arg);
  if (!fs::is_directory(dir)) throw UsageError(dir_arg + ": not a form package folder");
  while (!dir.empty() && dir.filename().empty()) dir = dir.parent_path();  // "schemas/x/" → "schemas/x"
  pkg.dir = dir.string();
  const json form = read_json(dir / "form.json");
  if (!form.is_object() || !form.contains("files") || !form["files"].is_object())
    throw UsageError((dir / "form.json").string() + ": no \"files\" object");
  const json& files = form["files"];
  json bundle = json::object();
  bundle["form"] = form;
  for (const char* part : {"data_schema", "layout", "rules", "eligibility", "rubric", "match"}) {
    if (files.contains(part) && files[part].is_string())
      bundle[part] = read_json(dir / files[part].get<std::string>());
  }
  bundle["i18n"] = json::object();
  if (files.contains("i18n") && files["i18n"].is_object()) {
    for (const auto& [lang, file] : files["i18n"].items()) {
      if (file.is_string()) bundle["i18n"][lang] = read_json(dir / file.get<std::string>());
    }
  }
  bundle["examples"] = json::array();
  if (files.contains("examples") && files["examples"].is_array()) {
    for (const auto& file : files["examples"]) {
      if (!file.is_string()) continue;
      bundle["examples"].push_back({{"file", file}, {"content", read_json(dir / file.get<std::string>())}});
    }
  }
  const fs::path common = dir.parent_path() / "common";
  pkg.common_dir = common.string();
  bundle["common_i18n"] = {{"en", read_optional_texts(common / "i18n", "en")},
                           {"zh", read_optional_texts(common / "i18n", "zh")}};
  bundle["common_schemas"] = read_common_schemas(common);
  pkg.bundle = std::move(bundle);
  return pkg;
}

json read_package_schema(const PackageFiles& pkg) {
  const fs::path p = fs::path(pkg.dir).parent_path() / "form-package.schema.json";
  if (!fs::exists(p)) return json();
  return read_json(p);
}

}  // namespace greenapply::cli
