// Runs the official JSON Schema Test Suite (JSTS) through the validator. Shared by the
// required-tests suite and the optional format suite.
#pragma once

#include <filesystem>
#include <fstream>
#include "greenapply/json.hpp"
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "greenapply/json_schema.hpp"

namespace greenapply::conformance {

namespace fs = std::filesystem;
using greenapply::json;

inline std::optional<json> read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return json::parse(buffer.str());
}

// http://localhost:1234/PATH -> <suite>/remotes/PATH, as the suite's README prescribes.
inline json_schema::Resolver remotes_resolver(const fs::path& remotes) {
  return [remotes](const std::string& uri) -> std::optional<json> {
    const std::string prefix = "http://localhost:1234/";
    if (uri.rfind(prefix, 0) != 0) return std::nullopt;
    const std::string rest = uri.substr(prefix.size());
    if (rest.find("..") != std::string::npos) return std::nullopt;
    return read_json(remotes / rest);
  };
}

// "file.json|group description|test description": the failures a skip list accepts.
struct Outcome {
  std::size_t total = 0;
  std::size_t passed = 0;
  std::vector<std::string> failures;  // ids of failed cases
};

inline std::string case_id(const std::string& file, const json& group, const json& test) {
  return file + "|" + group.value("description", "") + "|" + test.value("description", "");
}

inline Outcome run_directory(const fs::path& dir, const fs::path& remotes,
                             const json_schema::Options& options) {
  Outcome out;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  const auto resolver = remotes_resolver(remotes);
  for (const auto& path : files) {
    const std::string file = path.filename().string();
    const auto groups = read_json(path);
    if (!groups) continue;
    for (const json& group : *groups) {
      std::optional<json_schema::Validator> validator;
      try {
        validator = json_schema::Validator::compile(group.at("schema"), options, resolver);
      } catch (const json_schema::SchemaError&) {
        // every case of the group fails below
      }
      for (const json& test : group.at("tests")) {
        ++out.total;
        const bool expected = test.at("valid").get<bool>();
        bool ok = false;
        if (validator) {
          const auto issues = validator->validate(test.at("data"));
          const bool quick = validator->is_valid(test.at("data"));
          // Both entry points must agree, and an invalid result must say why.
          ok = issues.empty() == expected && quick == expected;
        }
        if (ok) {
          ++out.passed;
        } else {
          out.failures.push_back(case_id(file, group, test));
        }
      }
    }
  }
  return out;
}

// skips.txt: one "draft|file|group|test  # reason" per line; '#' lines are comments. A line
// without a reason is rejected so that every accepted failure is explained.
inline std::set<std::string> read_skips(const fs::path& path, std::vector<std::string>& errors) {
  std::set<std::string> skips;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto hash = line.find("  # ");
    if (hash == std::string::npos || hash + 4 >= line.size()) {
      errors.push_back("skip without a reason: " + line);
      continue;
    }
    skips.insert(line.substr(0, hash));
  }
  return skips;
}

}  // namespace greenapply::conformance
