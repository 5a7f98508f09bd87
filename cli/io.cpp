#include "io.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "greenapply/csv_cell.hpp"
#include "greenapply/json_text.hpp"
#include "json_locator.hpp"

namespace greenapply::cli {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UsageError("cannot read " + path + ": " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw UsageError("cannot read " + path + ": read error");
  return buffer.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw UsageError("cannot write " + path + ": " + std::strerror(errno));
  out << content;
  out.flush();
  if (!out) throw UsageError("cannot write " + path + ": write error");
}

greenapply::json parse_json_text(const std::string& text, const std::string& origin) {
  try {
    return parse_json(text);
  } catch (const JsonTextError& e) {
    const TextPosition at = position_of_offset(text, e.issue().offset);
    Issue issue = e.issue();
    issue.file = origin;
    issue.line = at.line;
    issue.column = at.column;
    throw JsonFileError(origin + ": " + e.what(), std::move(issue), e.detail);
  }
}

greenapply::json parse_json_file(const std::string& path) {
  return parse_json_text(read_file(path), path);
}

Options::Options(const Args& args, const std::vector<std::string>& value_options,
                 const std::vector<std::string>& flag_options) {
  auto is_in = [](const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) == 0 && a.size() > 2) {
      std::string name = a.substr(2);
      std::string value;
      bool has_inline_value = false;
      if (const auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name = name.substr(0, eq);
        has_inline_value = true;
      }
      if (is_in(flag_options, name) && !has_inline_value) {
        flags_.push_back(name);
      } else if (is_in(value_options, name)) {
        if (!has_inline_value) {
          if (i + 1 >= args.size()) throw UsageError("option --" + name + " needs a value");
          value = args[++i];
        }
        values_.emplace_back(name, value);
      } else {
        throw UsageError("unknown option --" + name);
      }
    } else {
      positionals_.push_back(a);
    }
  }
}

std::vector<std::string> Options::all(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : values_) {
    if (k == name) out.push_back(v);
  }
  return out;
}

std::optional<std::string> Options::get(const std::string& name) const {
  std::optional<std::string> last;
  for (const auto& [k, v] : values_) {
    if (k == name) last = v;
  }
  return last;
}

std::string Options::require(const std::string& name) const {
  auto v = get(name);
  if (!v) throw UsageError("missing required option --" + name);
  return *v;
}

bool Options::flag(const std::string& name) const {
  return std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

std::string csv_cell(const std::string& s) {
  std::string out;
  append_csv_cell(out, s);
  return out;
}

std::string cell(const greenapply::json& v) {
  std::string out;
  append_cell_text(out, v);
  return out;
}

}  // namespace greenapply::cli
