// greenapply validate --schema S.json (--instance I.json | --instances ARRAY.json)
//                     [--remotes DIR] [--refs DIR] [--output basic] [--format-assertion]
//                     [--default-dialect draft2020-12|draft7|META-SCHEMA-URI]
// Exit: 0 valid, 1 invalid, 2 unusable input (unreadable/malformed file, invalid schema).
// --remotes DIR serves http://localhost:1234/PATH from DIR/PATH; --refs DIR makes every JSON file
// in DIR with an "$id" available under that id (e.g. --refs schemas/common for the shared
// technology taxonomy a package's data schema references). Nothing else is fetched.
#include <cstdio>
#include <filesystem>
#include <map>

#include "commands/commands.hpp"
#include "greenapply/json_schema.hpp"
#include "io.hpp"

namespace greenapply::cli {

using nlohmann::json;

namespace {

// The documents of --refs DIR by their "$id" (read once, before compiling).
std::map<std::string, json> documents_by_id(const std::optional<std::string>& dir) {
  std::map<std::string, json> out;
  if (!dir) return out;
  if (!std::filesystem::is_directory(*dir)) throw UsageError(*dir + ": not a folder");
  for (const auto& entry : std::filesystem::directory_iterator(*dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    json doc = parse_json_file(entry.path().string());
    if (!doc.is_object() || !doc.contains("$id") || !doc["$id"].is_string()) continue;
    const std::string id = doc["$id"].get<std::string>();  // before the move: C++17 evaluates the right side first
    out[id] = std::move(doc);
  }
  return out;
}

// http://localhost:1234/PATH from --remotes DIR/PATH (the official test suite's remotes).
std::optional<json> remotes_file(const std::filesystem::path& root, const std::string& uri) {
  const std::string prefix = "http://localhost:1234/";
  if (uri.rfind(prefix, 0) != 0) return std::nullopt;
  const std::string rest = uri.substr(prefix.size());
  // Stay inside DIR: no parent segments, no absolute paths.
  if (rest.empty() || rest.find("..") != std::string::npos || rest[0] == '/') return std::nullopt;
  const std::filesystem::path file = root / rest;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
  return parse_json_file(file.string());
}

json_schema::Resolver make_resolver(const std::optional<std::string>& remotes, std::map<std::string, json> by_id) {
  if (!remotes && by_id.empty()) return {};
  return [remotes, by_id = std::move(by_id)](const std::string& uri) -> std::optional<json> {
    if (const auto it = by_id.find(uri); it != by_id.end()) return it->second;
    if (!remotes) return std::nullopt;
    return remotes_file(*remotes, uri);
  };
}

json_schema::Dialect dialect_from(const std::string& name) {
  if (name == "draft7" || name.find("draft-07") != std::string::npos) {
    return json_schema::Dialect::draft7;
  }
  if (name == "draft2020-12" || name.find("2020-12") != std::string::npos) {
    return json_schema::Dialect::draft2020_12;
  }
  throw UsageError("unknown dialect " + name + " (draft2020-12 or draft7)");
}

}  // namespace

int run_validate(const Args& args) {
  const Options opts(args,
                     {"schema", "instance", "instances", "remotes", "refs", "output", "default-dialect"},
                     {"format-assertion"});
  const json schema = parse_json_file(opts.require("schema"));
  const auto output = opts.get("output");
  if (output && *output != "basic") throw UsageError("unknown --output " + *output + " (basic)");
  json_schema::Options options;
  options.format_assertion = opts.flag("format-assertion");
  if (const auto d = opts.get("default-dialect")) options.default_dialect = dialect_from(*d);

  std::optional<json_schema::Validator> validator;
  try {
    validator =
        json_schema::Validator::compile(schema, options, make_resolver(opts.get("remotes"), documents_by_id(opts.get("refs"))));
  } catch (const json_schema::SchemaError& e) {
    throw UsageError("invalid schema: " + std::string(e.what()));
  }

  if (const auto many = opts.get("instances")) {
    const json instances = parse_json_file(*many);
    if (!instances.is_array()) throw UsageError(*many + ": expected a JSON array of instances");
    json results = json::array();
    bool all_valid = true;
    for (const json& instance : instances) {
      const bool valid = validator->is_valid(instance);
      all_valid = all_valid && valid;
      results.push_back(valid);
    }
    std::puts(results.dump().c_str());
    return all_valid ? 0 : 1;
  }

  const json instance = parse_json_file(opts.require("instance"));
  if (output) {
    const auto issues = validator->validate(instance);
    std::puts(json_schema::basic_output(issues).dump(2).c_str());
    return issues.empty() ? 0 : 1;
  }
  return validator->is_valid(instance) ? 0 : 1;
}

}  // namespace greenapply::cli
