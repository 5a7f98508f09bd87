// greenapply match --form NEED_PKG --needs DIR|FILE --technologies DIR [--csv OUT.csv] [--json OUT.json]
//                  [--now ISO-8601] [--lang en|zh]
// Ranks every technology entry (application packages of the need form's technology form, JSON
// or XML, in a folder and its sub-folders) against each need, with the core's matcher — the
// same numbers a seeker sees on the page. A file that cannot be read is a row with the reason;
// the run goes on. When the technology form's package sits beside the need form's (schemas/),
// every technology entry is also validated against it: the "valid" and "errors" columns tell an
// organiser which well-matching entries still need fixing. Without --csv/--json the ranking is
// printed as JSON.
#include <cstdio>
#include <filesystem>
#include <optional>

#include "application.hpp"
#include "commands/commands.hpp"
#include "greenapply/json_text.hpp"
#include "io.hpp"

namespace greenapply::cli {

namespace fs = std::filesystem;
using greenapply::json;

namespace {

// One file, or every application file of a folder.
std::vector<std::string> files_at(const std::string& where) {
  if (fs::is_regular_file(where)) return {where};
  if (!fs::is_directory(where)) throw UsageError(where + ": not a file or folder");
  return application_files(where);
}

std::string shown(const std::string& path, const std::string& base) {
  return fs::is_directory(base) ? fs::relative(path, base).string() : fs::path(path).filename().string();
}

// A parsed file, or the one-line reason it could not be read.
struct Loaded {
  std::string file;
  json doc;
  std::string problem;
};

Loaded load(const std::string& path, const std::string& base) {
  Loaded l{shown(path, base), json(), ""};
  try {
    l.doc = read_application(path);
  } catch (const std::exception& e) {
    l.problem = e.what();
  }
  return l;
}

}  // namespace

int run_match(const Args& args) {
  const Options opts(args, {"form", "needs", "technologies", "csv", "json", "now", "lang"}, {});
  if (!opts.positionals().empty()) throw UsageError("unexpected argument " + opts.positionals()[0]);
  const PackageFiles files = read_package(opts.require("form"));
  const form::FormPackage pkg = load_package_or_fail(files);
  if (!form::has_matcher(pkg)) throw UsageError(opts.require("form") + ": not a need form (it has no match.json)");
  const std::string lang = opts.get("lang").value_or("en");
  if (lang != "en" && lang != "zh") throw UsageError("--lang must be en or zh");
  const std::string now = opts.get("now").value_or(current_time_utc());
  const std::string needs_arg = opts.require("needs"), tech_arg = opts.require("technologies");
  if (!fs::is_directory(tech_arg)) throw UsageError(tech_arg + ": not a folder");

  // The technology form, when it is beside the need form: entries are validated against it.
  std::optional<form::FormPackage> tech_pkg;
  const fs::path tech_dir = fs::path(files.dir).parent_path() / files.bundle["match"].value("technology_form", std::string());
  if (fs::is_regular_file(tech_dir / "form.json")) tech_pkg = load_package_or_fail(read_package(tech_dir.string()));

  std::vector<Loaded> techs;
  std::vector<json> checks;  // per readable technology: {"valid", "errors"} or null
  json tech_docs = json::array();
  std::vector<std::size_t> tech_index;  // position in tech_docs → position in techs
  for (const auto& path : files_at(tech_arg)) {
    techs.push_back(load(path, tech_arg));
    if (techs.back().problem.empty()) {
      tech_docs.push_back(techs.back().doc);
      tech_index.push_back(techs.size() - 1);
      json check;
      if (tech_pkg) {
        const json ev = form::evaluate(*tech_pkg, answers_of(techs.back().doc), now, lang);
        check = {{"valid", ev["valid"]}, {"errors", ev["errors"].size()}};
      }
      checks.push_back(std::move(check));
    }
  }

  json report = json::array();
  std::vector<std::string> component_ids;
  for (const auto& path : files_at(needs_arg)) {
    const Loaded need = load(path, needs_arg);
    json entry = {{"need_file", need.file}};
    if (!need.problem.empty()) {
      entry["problem"] = need.problem;
      report.push_back(entry);
      continue;
    }
    json m;
    try {
      m = form::match_technologies(pkg, answers_of(need.doc), tech_docs, now, lang);
    } catch (const std::exception& e) {
      entry["problem"] = e.what();
      report.push_back(entry);
      continue;
    }
    if (component_ids.empty()) {
      for (const auto& c : m["components"]) component_ids.push_back(c["id"].get<std::string>());
    }
    entry["need_title"] = m["need_title"];
    json results = json::array();
    int rank = 0;
    for (auto r : m["results"]) {
      const std::size_t at = r["index"].get<std::size_t>();
      const Loaded& t = techs[tech_index[at]];
      r.erase("index");
      if (!checks[at].is_null()) r.update(checks[at]);
      r["technology_file"] = t.file;
      if (!r.contains("problem")) r["rank"] = ++rank;
      results.push_back(std::move(r));
    }
    for (const auto& t : techs) {
      if (!t.problem.empty()) results.push_back({{"technology_file", t.file}, {"problem", t.problem}});
    }
    entry["results"] = std::move(results);
    report.push_back(std::move(entry));
  }

  if (const auto out = opts.get("csv")) {
    std::string csv = "need_file,need_title,rank,technology_file,technology,owner,valid,errors,score";
    for (const auto& id : component_ids) csv += "," + id;
    csv += ",problem\n";
    for (const auto& need : report) {
      const std::string head = csv_cell(cell(need["need_file"])) + "," + csv_cell(cell(need.value("need_title", json())));
      if (!need.contains("results")) {
        csv += head + ",,,,,,,";
        for (std::size_t i = 0; i < component_ids.size(); ++i) csv += ",";
        csv += "," + csv_cell(cell(need.value("problem", json()))) + "\n";
        continue;
      }
      for (const auto& r : need["results"]) {
        csv += head + "," + cell(r.value("rank", json())) + "," + csv_cell(cell(r["technology_file"])) + "," +
               csv_cell(cell(r.value("title", json()))) + "," + csv_cell(cell(r.value("owner", json()))) + "," +
               cell(r.value("valid", json())) + "," + cell(r.value("errors", json())) + "," + cell(r.value("score", json()));
        // Each component as the share of its weight the technology earned ("" = not applicable).
        for (const auto& id : component_ids) {
          json points;
          for (const auto& c : r.value("components", json::array())) {
            if (c["id"] == id) points = c.value("points", json());
          }
          csv += "," + cell(points);
        }
        csv += "," + csv_cell(cell(r.value("problem", json()))) + "\n";
      }
    }
    write_file(*out, csv);
  }
  if (const auto out = opts.get("json")) write_file(*out, greenapply::write_json(report, 2) + "\n");
  if (!opts.get("csv") && !opts.get("json")) std::puts(greenapply::write_json(report, 2).c_str());
  return 0;
}

}  // namespace greenapply::cli
