// File and argument helpers for the CLI. Every failure is a UsageError whose what() is the
// one-line message the user sees; main() turns it into exit code 2.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "greenapply/json.hpp"

#include "commands/commands.hpp"
#include "greenapply/issue.hpp"

namespace greenapply::cli {

// A command that cannot run: a bad argument or a file that cannot be read (key cli.usage), or a
// failure of the core re-said in the CLI's words (the core's issue kept).
struct UsageError : Failure {
  explicit UsageError(const std::string& what, Issue issue = Issue{"", "cli.usage"})
      : Failure(what, std::move(issue)) {}
};

// A file that is not JSON: its issue has the file, line and column (1-based; column in code
// points), so that lint can annotate the line.
struct JsonFileError : UsageError {
  JsonFileError(const std::string& message, Issue issue, std::string detail_)
      : UsageError(message, std::move(issue)), detail(std::move(detail_)) {}
  std::string detail;  // the parser's own words
};

// Reads a whole file; throws UsageError("cannot read PATH: reason").
std::string read_file(const std::string& path);
// Writes a whole file; throws UsageError on failure.
void write_file(const std::string& path, const std::string& content);
// Parses JSON strictly (UTF-8 checked, depth-limited); throws JsonFileError("PATH: line L, column C: reason").
greenapply::json parse_json_file(const std::string& path);
greenapply::json parse_json_text(const std::string& text, const std::string& origin);

// One CSV cell and the text of a JSON value in one, as greenapply/csv_cell.hpp writes them.
std::string csv_cell(const std::string& s);
std::string cell(const greenapply::json& v);

// Simple option parsing: "--name value" pairs, flags and positionals.
class Options {
 public:
  Options(const Args& args, const std::vector<std::string>& value_options,
          const std::vector<std::string>& flag_options);
  std::optional<std::string> get(const std::string& name) const;
  // Every value of an option given more than once (--attach a.pdf --attach b.pdf), in order.
  std::vector<std::string> all(const std::string& name) const;
  std::string require(const std::string& name) const;
  bool flag(const std::string& name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::vector<std::pair<std::string, std::string>> values_;
  std::vector<std::string> flags_;
  std::vector<std::string> positionals_;
};

}  // namespace greenapply::cli
