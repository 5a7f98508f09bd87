// greenapply batch --form PKG PATH... [--csv OUT.csv] [--json OUT.json] [--report OUT.html] [--now ISO-8601]
//                  [--jobs N]
// Re-checks every application received: PATH is a folder (read with its sub-folders), an
// application package (.json, .xml), an e-mail (.eml) or a mailbox export (mbox). Files beside
// a package in its folder are its attachments. The deciding is the core's (greenapply/round.hpp:
// the same ranking as the organiser's page); this command reads files and writes outputs. A
// bad file or message is a row in the ranking and the batch goes on. The applications are read
// and evaluated on --jobs threads (default: every hardware thread); the outputs are the same
// byte for byte whatever the number.
// Exit: 0 done (whatever the applications' verdicts), 2 unusable input.
#include <cstdio>
#include <filesystem>
#include <functional>

#include "application.hpp"
#include "commands/commands.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/round.hpp"
#include "io.hpp"
#include "threads.hpp"

namespace greenapply::cli {

namespace fs = std::filesystem;
using greenapply::json;

namespace {

// A package is read when the core checks it, on that thread, and let go after: a round's
// packages are never all in memory (10,000 took 81 MB, and touching that much fresh memory cost
// a sixth of the batch's time; BENCHMARKS.md, session 17). Other files are read now: a mailbox
// is told by its first bytes, an attachment by its digest.
round::ReceivedFile received(const std::string& name, const std::string& path) {
  if (!round::is_package_name(name)) return {name, read_file(path), {}};
  return {name, {}, [path] { return read_file(path); }};
}

// Every file the organiser gave: a folder's regular files (hidden ones aside) named by their
// path inside it ("/"-separated), a file by the path given. In name order within a folder.
std::vector<round::ReceivedFile> received_files(const std::vector<std::string>& paths) {
  std::vector<round::ReceivedFile> files;
  for (const auto& path : paths) {
    if (fs::is_directory(path)) {
      std::vector<std::pair<std::string, std::string>> found;  // name, path
      for (const auto& entry : fs::recursive_directory_iterator(path)) {
        if (!entry.is_regular_file()) continue;
        // The iterator appends names to the folder's path, so the name inside it is lexical: no
        // fs::relative, which makes both paths canonical (a readlink per path component and a
        // getcwd, for every file: a fifth of a 10,000-file batch's time went to those calls).
        const fs::path rel = entry.path().lexically_relative(path);
        bool hidden = false;
        for (const auto& part : rel) hidden |= part.string().rfind('.', 0) == 0;
        if (!hidden) found.emplace_back(rel.generic_string(), entry.path().string());
      }
      std::sort(found.begin(), found.end());
      for (const auto& [name, p] : found) files.push_back(received(name, p));
    } else if (fs::is_regular_file(path)) {
      files.push_back(received(fs::path(path).generic_string(), path));
    } else {
      throw UsageError(path + ": no such file or folder");
    }
  }
  return files;
}

}  // namespace

int run_batch(const Args& args) {
  const Options opts(args, {"form", "csv", "json", "now", "report", "jobs"}, {});
  if (opts.positionals().empty()) throw UsageError("expected a folder, packages, .eml or mbox files of applications");
  const PackageFiles package_files = read_package(opts.require("form"));
  const form::FormPackage pkg = load_package_or_fail(package_files);
  const std::string now = opts.get("now").value_or(current_time_utc());
  const unsigned jobs = jobs_option(opts.get("jobs"));

  const json result = round::check_round(pkg, received_files(opts.positionals()), now, threads_for_each(jobs));

  // The outputs are independent texts of one result: made side by side, written in turn.
  std::vector<std::pair<std::string, std::function<std::string()>>> outputs;
  if (const auto out = opts.get("json")) outputs.emplace_back(*out, [&] { return greenapply::write_json(result, 2) + "\n"; });
  if (const auto out = opts.get("csv")) outputs.emplace_back(*out, [&] { return round::round_csv(result); });
  if (const auto out = opts.get("report"))
    outputs.emplace_back(*out, [&] { return round::round_report_html(result, package_files.bundle); });
  std::vector<std::string> texts(outputs.size());
  threads_for_each(jobs)(outputs.size(), [&](std::size_t i) { texts[i] = outputs[i].second(); });
  for (std::size_t i = 0; i < outputs.size(); ++i) write_file(outputs[i].first, texts[i]);
  std::size_t unreadable = 0;
  for (const auto& r : result["ranking"]) unreadable += r["verdict"] == "unreadable";
  const std::size_t superseded = result["superseded"].size();
  std::fprintf(stderr, "batch: %zu application(s), %zu unreadable", result["ranking"].size(), unreadable);
  if (superseded) std::fprintf(stderr, ", %zu superseded", superseded);
  std::fputc('\n', stderr);
  if (!opts.get("csv") && !opts.get("json") && !opts.get("report")) std::puts(greenapply::write_json(result["ranking"], 2).c_str());
  return 0;
}

}  // namespace greenapply::cli
