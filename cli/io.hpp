// File and argument helpers for the CLI. Every failure is a UsageError whose what() is the
// one-line message the user sees; main() turns it into exit code 2.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "commands/commands.hpp"

namespace greenapply::cli {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A file that is not JSON: where, so that lint can annotate the line.
struct JsonFileError : UsageError {
  JsonFileError(const std::string& message, std::string path_, std::size_t line_, std::size_t column_,
                std::string detail_)
      : UsageError(message), path(std::move(path_)), line(line_), column(column_), detail(std::move(detail_)) {}
  std::string path;
  std::size_t line, column;  // 1-based; column in code points
  std::string detail;
};

// Reads a whole file; throws UsageError("cannot read PATH: reason").
std::string read_file(const std::string& path);
// Writes a whole file; throws UsageError on failure.
void write_file(const std::string& path, const std::string& content);
// Parses JSON strictly (UTF-8 checked, depth-limited); throws JsonFileError("PATH: line L, column C: reason").
nlohmann::json parse_json_file(const std::string& path);
nlohmann::json parse_json_text(const std::string& text, const std::string& origin);

// One CSV cell: always quoted, inner quotes doubled, and a leading = + - @ neutralised so a
// spreadsheet never runs an applicant's text as a formula.
std::string csv_cell(const std::string& s);
// The text of a JSON value in a CSV cell: a string as it is, null as nothing, others as JSON.
std::string cell(const nlohmann::json& v);

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
