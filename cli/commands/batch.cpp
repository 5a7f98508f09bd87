// greenapply batch --form PKG DIR [--csv OUT.csv] [--json OUT.json] [--now ISO-8601]
// Re-checks every received application package in a folder (JSON or XML, nested folders too)
// with the current package and engine, and writes a ranking. A bad file is reported in the
// ranking and the batch goes on. Exit: 0 done (whatever the applications' verdicts), 2 unusable input.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "application.hpp"
#include "commands/commands.hpp"
#include "greenapply/digest.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/xml.hpp"
#include "io.hpp"

namespace greenapply::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Row {
  std::string file;
  json result;  // one ranking entry
};

std::string lower_trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

void progress(std::size_t done, std::size_t total) {
  static const bool tty = isatty(2);
  if (!tty || total < 200) return;
  if (done % 100 != 0 && done != total) return;
  const int width = 30;
  const int filled = static_cast<int>(width * done / total);
  std::fprintf(stderr, "\r[%.*s%*s] %zu/%zu", filled, "##############################", width - filled, "", done, total);
  if (done == total) std::fputc('\n', stderr);
}

}  // namespace

int run_batch(const Args& args) {
  const Options opts(args, {"form", "csv", "json", "now"}, {});
  if (opts.positionals().size() != 1) throw UsageError("expected exactly one folder of applications");
  const std::string dir = opts.positionals()[0];
  if (!fs::is_directory(dir)) throw UsageError(dir + ": not a folder");
  const PackageFiles files = read_package(opts.require("form"));
  const form::FormPackage pkg = load_package_or_fail(files);
  const std::string default_now = opts.get("now").value_or(current_time_utc());

  const std::vector<std::string> paths = application_files(dir);

  std::vector<std::string> dimension_ids;
  std::vector<Row> rows;
  std::map<std::string, std::vector<std::size_t>> by_applicant;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    Row row{fs::relative(path, dir).string(), json::object()};
    json& r = row.result;
    r["file"] = row.file;
    json flags = json::array();
    try {
      const json app = read_application(path);
      const json& answers = answers_of(app);
      const std::string now = app.is_object() && app.contains("received_at") && app["received_at"].is_string()
                                  ? app["received_at"].get<std::string>()
                                  : default_now;
      const json ev = form::evaluate(pkg, answers, now, "en");
      r["applicant"] = ev["applicant_name"];
      r["form"] = pkg.id();
      r["version"] = app.is_object() && app.contains("package") ? app["package"].value("version", "") : "";
      r["verdict"] = ev["eligibility"]["verdict"];
      r["window"] = ev["eligibility"]["window"];
      json reasons = json::array();
      for (const auto& x : ev["eligibility"]["reasons"]) reasons.push_back(x["id"]);
      r["reasons"] = reasons;
      r["errors"] = ev["errors"].size();
      r["total"] = ev["score"].is_object() ? ev["score"]["total"] : json();
      r["band"] = ev["score"].is_object() ? ev["score"]["band"] : json();
      json dims = json::object();
      if (ev["score"].is_object()) {
        for (const auto& d : ev["score"]["dimensions"]) {
          dims[d["id"].get<std::string>()] = d["score"];
          if (std::find(dimension_ids.begin(), dimension_ids.end(), d["id"]) == dimension_ids.end())
            dimension_ids.push_back(d["id"]);
        }
      }
      r["dimensions"] = dims;
      if (app.is_object() && app.contains("package")) {
        // An exported package: compare with what the applicant saw and what they sent.
        const json& seen = app.value("self_assessment", json::object());
        if (seen.is_object() && seen.contains("score") && seen["score"].is_object() &&
            seen["score"].value("total", json()) != r["total"])
          flags.push_back("score_differs");
        if (app.value("answers_sha256", std::string()) != sha256_hex(canonical_json(answers)))
          flags.push_back("answers_sha256_mismatch");
        if (app["package"].value("version", std::string()) != pkg.version()) flags.push_back("package_version_differs");
        if (app.value("engine", std::string()) != GREENAPPLY_VERSION) flags.push_back("engine_version_differs");
      } else {
        flags.push_back("not_a_package");
      }
      if (r["applicant"].is_string()) by_applicant[lower_trim(r["applicant"].get<std::string>())].push_back(rows.size());
    } catch (const UsageError& e) {
      r["verdict"] = "unreadable";
      r["problem"] = e.what();
    } catch (const JsonTextError& e) {
      r["verdict"] = "unreadable";
      r["problem"] = e.what();
    } catch (const xml::XmlError& e) {
      r["verdict"] = "unreadable";
      r["problem"] = e.what();
    } catch (const std::exception& e) {
      r["verdict"] = "unreadable";
      r["problem"] = e.what();
    }
    r["flags"] = flags;
    rows.push_back(std::move(row));
    progress(i + 1, paths.size());
  }
  for (const auto& [name, idx] : by_applicant) {
    if (name.empty() || idx.size() < 2) continue;
    for (std::size_t k : idx) rows[k].result["flags"].push_back("duplicate_applicant");
  }
  // Ranking: eligible first, then by total (highest first), then file name: deterministic.
  auto group = [](const json& r) {
    const std::string v = r.value("verdict", "");
    return v == "eligible" ? 0 : v == "eligible_with_warnings" ? 1 : v == "ineligible" ? 2 : 3;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const int ga = group(a.result), gb = group(b.result);
    if (ga != gb) return ga < gb;
    const double ta = a.result.value("total", json()).is_number() ? a.result["total"].get<double>() : -1;
    const double tb = b.result.value("total", json()).is_number() ? b.result["total"].get<double>() : -1;
    if (ta != tb) return ta > tb;
    return a.file < b.file;
  });
  json ranking = json::array();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].result["rank"] = i + 1;
    ranking.push_back(rows[i].result);
  }
  if (const auto out = opts.get("json")) {
    write_file(*out, json{{"form", pkg.id()}, {"version", pkg.version()}, {"engine", GREENAPPLY_VERSION},
                          {"now", default_now}, {"ranking", ranking}}.dump(2) + "\n");
  }
  if (const auto out = opts.get("csv")) {
    std::string csv = "rank,file,applicant,form,version,verdict,window,reasons,errors";
    for (const auto& d : dimension_ids) csv += "," + d;
    csv += ",total,band,flags,problem\n";
    for (const auto& r : ranking) {
      std::string reasons, flags;
      for (const auto& x : r.value("reasons", json::array())) reasons += (reasons.empty() ? "" : " ") + cell(x);
      for (const auto& x : r["flags"]) flags += (flags.empty() ? "" : " ") + cell(x);
      csv += cell(r["rank"]) + "," + csv_cell(r["file"]) + "," + csv_cell(cell(r.value("applicant", json()))) + "," +
             csv_cell(cell(r.value("form", json()))) + "," + csv_cell(cell(r.value("version", json()))) + "," +
             csv_cell(cell(r["verdict"])) + "," + csv_cell(cell(r.value("window", json()))) + "," + csv_cell(reasons) +
             "," + cell(r.value("errors", json()));
      for (const auto& d : dimension_ids) csv += "," + cell(r.value("dimensions", json::object()).value(d, json()));
      csv += "," + cell(r.value("total", json())) + "," + csv_cell(cell(r.value("band", json()))) + "," +
             csv_cell(flags) + "," + csv_cell(cell(r.value("problem", json()))) + "\n";
    }
    write_file(*out, csv);
  }
  std::size_t unreadable = 0;
  for (const auto& r : ranking) unreadable += r["verdict"] == "unreadable";
  std::fprintf(stderr, "batch: %zu application(s), %zu unreadable\n", ranking.size(), unreadable);
  if (!opts.get("csv") && !opts.get("json")) std::puts(json(ranking).dump(2).c_str());
  return 0;
}

}  // namespace greenapply::cli
