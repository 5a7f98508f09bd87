#include "lint_report.hpp"

#include "greenapply/issue_json.hpp"
#include "io.hpp"
#include "json_locator.hpp"

namespace greenapply::cli {

using greenapply::json;

namespace {

// GitHub workflow commands: data escapes %, CR, LF; property values also ':' and ','.
std::string escape_data(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(const std::string& s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

// SARIF artifact locations are URI references: forward slashes, spaces and the like escaped.
std::string to_uri_reference(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
        c == '.' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  if (out.rfind("./", 0) == 0) out.erase(0, 2);
  return out;
}

}  // namespace

void LintReport::add(const std::string& path, const std::string& pointer, Severity severity, const std::string& key,
                     const json& params, const std::string& message, const std::string& rule_text) {
  auto it = texts_.find(path);
  if (it == texts_.end()) {
    std::string text;
    try {
      text = read_file(path);
    } catch (const UsageError&) {
      // A file the core knows but the disk does not (never read): no place to point at.
    }
    it = texts_.emplace(path, std::move(text)).first;
  }
  std::size_t line = 0, column = 0;
  if (!it->second.empty()) {
    const TextPosition at = locate_pointer(it->second, pointer);
    line = at.line;
    column = at.column;
  }
  add_at(path, line, column, pointer, severity, key, params, message, rule_text);
}

void LintReport::add_at(const std::string& path, std::size_t line, std::size_t column, const std::string& pointer,
                        Severity severity, const std::string& key, const json& params, const std::string& message,
                        const std::string& rule_text) {
  (severity == Severity::error ? errors_ : warnings_) += 1;
  rules_.emplace(key, rule_text);
  Issue issue{pointer, key, params, severity, path};
  issue.line = line;
  issue.column = column;
  problems_.emplace_back(std::move(issue), message);
}

std::string LintReport::summary() const {
  return "lint: " + std::to_string(packages_.size()) + " package(s), " + std::to_string(errors_) + " error(s), " +
         std::to_string(warnings_) + " warning(s)\n";
}

std::string LintReport::text() const {
  std::string out;
  for (const auto& [p, message] : problems_) {
    out += p.file;
    if (p.line > 0) out += ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
    out += std::string(": ") + to_string(p.severity) + ": ";
    if (!p.location.empty()) out += p.location + ": ";
    out += message + "\n";
  }
  return out + summary();
}

std::string LintReport::github() const {
  std::string out;
  for (const auto& [p, message] : problems_) {
    out += p.severity == Severity::error ? "::error " : "::warning ";
    out += "file=" + escape_property(p.file);
    if (p.line > 0) out += ",line=" + std::to_string(p.line) + ",col=" + std::to_string(p.column);
    out += ",title=" + escape_property("greenapply lint: " + p.message_key);
    out += "::" + escape_data(p.location.empty() ? message : p.location + ": " + message) + "\n";
  }
  return out + summary();
}

std::string LintReport::json_text() const {
  json problems = json::array();
  for (const auto& [p, message] : problems_) {
    json problem = to_json(p);  // file always; line and column when the problem has a place
    problem["message"] = message;
    problems.push_back(std::move(problem));
  }
  return json({{"packages", packages_},
               {"lang", lang_},
               {"errors", errors_},
               {"warnings", warnings_},
               {"problems", problems}})
             .dump(2) +
         "\n";
}

std::string LintReport::sarif(const std::string& version) const {
  json rules = json::array();
  std::map<std::string, std::size_t> rule_index;
  for (const auto& [key, text] : rules_) {
    rule_index[key] = rules.size();
    rules.push_back({{"id", key}, {"shortDescription", {{"text", text.empty() ? key : text}}}});
  }
  json results = json::array();
  for (const auto& [p, message] : problems_) {
    json physical = {{"artifactLocation", {{"uri", to_uri_reference(p.file)}}}};
    if (p.line > 0) physical["region"] = {{"startLine", p.line}, {"startColumn", p.column}};
    json result = {{"ruleId", p.message_key},
                   {"ruleIndex", rule_index[p.message_key]},
                   {"level", p.severity == Severity::error ? "error" : "warning"},
                   {"message", {{"text", message}}},
                   {"locations", json::array({{{"physicalLocation", physical}}})}};
    if (!p.location.empty()) result["properties"] = {{"jsonPointer", p.location}};
    results.push_back(std::move(result));
  }
  const json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool",
                              {{"driver",
                                {{"name", "greenapply lint"},
                                 {"version", version},
                                 {"rules", rules}}}}},
                             {"language", lang_},
                             {"columnKind", "unicodeCodePoints"},
                             {"results", results}}})}};
  return log.dump(2) + "\n";
}

}  // namespace greenapply::cli
