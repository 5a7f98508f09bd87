// The problems lint found, located in their files, written in the four formats lint offers:
// text (file:line:col, like a compiler), github (workflow commands: annotations on a pull
// request), json (for scripts) and sarif (SARIF 2.1.0, for code-scanning tools).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"

namespace greenapply::cli {

class LintReport {
 public:
  explicit LintReport(std::string lang) : lang_(std::move(lang)) {}

  void add_package(const std::string& dir) { packages_.push_back(dir); }
  // A problem at a pointer: the file is read (once) and the pointer located in its text.
  void add(const std::string& path, const std::string& pointer, Severity severity, const std::string& key,
           const greenapply::json& params, const std::string& message, const std::string& rule_text);
  // A problem whose place is already known.
  void add_at(const std::string& path, std::size_t line, std::size_t column, const std::string& pointer,
              Severity severity, const std::string& key, const greenapply::json& params, const std::string& message,
              const std::string& rule_text);

  std::size_t errors() const { return errors_; }
  std::size_t warnings() const { return warnings_; }

  std::string text() const;
  std::string github() const;
  std::string json_text() const;
  std::string sarif(const std::string& version) const;
  std::string summary() const;  // "lint: N package(s), E error(s), W warning(s)\n"

 private:
  std::string lang_;
  std::vector<std::string> packages_;
  // Each problem is an Issue whose file is the path as the user named it (relative paths stay
  // relative) and whose line and column (1-based, column in code points; 0 when the problem is
  // about the package, not a place in a file) locate it, beside its translated message.
  std::vector<std::pair<Issue, std::string>> problems_;
  std::map<std::string, std::string> rules_;  // message key → its text with placeholders
  std::map<std::string, std::string> texts_;  // file contents read for locating
  std::size_t errors_ = 0, warnings_ = 0;
};

}  // namespace greenapply::cli
