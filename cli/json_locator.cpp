#include "json_locator.hpp"

#include <vector>

#include "greenapply/json.hpp"

namespace greenapply::cli {

namespace {

// A forward-only scanner over text already known to be valid JSON: it only needs to find where
// values start and end, never to judge them.
class Scanner {
 public:
  explicit Scanner(const std::string& text) : t_(text) {}

  std::size_t skip_ws(std::size_t i) const {
    while (i < t_.size() && (t_[i] == ' ' || t_[i] == '\t' || t_[i] == '\n' || t_[i] == '\r')) ++i;
    return i;
  }

  // Index just past the string literal starting at i (t_[i] == '"').
  std::size_t string_end(std::size_t i) const {
    for (++i; i < t_.size(); ++i) {
      if (t_[i] == '\\') ++i;
      else if (t_[i] == '"') return i + 1;
    }
    return t_.size();
  }

  std::string string_at(std::size_t i) const {
    const std::size_t end = string_end(i);
    try {
      return greenapply::json::parse(t_.substr(i, end - i)).get<std::string>();
    } catch (const greenapply::json::exception&) {
      return {};
    }
  }

  // Index just past the value starting at i.
  std::size_t value_end(std::size_t i) const {
    if (i >= t_.size()) return i;
    if (t_[i] == '"') return string_end(i);
    if (t_[i] == '{' || t_[i] == '[') {
      int depth = 0;
      for (; i < t_.size(); ++i) {
        const char c = t_[i];
        if (c == '"') {
          i = string_end(i) - 1;
        } else if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || c == ']') {
          if (--depth == 0) return i + 1;
        }
      }
      return i;
    }
    while (i < t_.size() && t_[i] != ',' && t_[i] != '}' && t_[i] != ']' && t_[i] != ' ' && t_[i] != '\n' &&
           t_[i] != '\r' && t_[i] != '\t')
      ++i;
    return i;
  }

  char at(std::size_t i) const { return i < t_.size() ? t_[i] : '\0'; }

 private:
  const std::string& t_;
};

std::vector<std::string> pointer_tokens(const std::string& pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::string current;
  for (std::size_t i = 1; i <= pointer.size(); ++i) {
    if (i == pointer.size() || pointer[i] == '/') {
      tokens.push_back(current);
      current.clear();
    } else if (pointer[i] == '~' && i + 1 < pointer.size() && (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
      current += pointer[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      current += pointer[i];
    }
  }
  return tokens;
}

}  // namespace

TextPosition position_of_offset(const std::string& text, std::size_t offset) {
  TextPosition p;
  if (offset > text.size()) offset = text.size();
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // count code points, not UTF-8 continuation bytes
      ++p.column;
    }
  }
  return p;
}

TextPosition locate_pointer(const std::string& text, const std::string& pointer) {
  const Scanner s(text);
  std::size_t value = s.skip_ws(0);
  std::size_t found = value;  // where the deepest part found starts
  for (const std::string& token : pointer_tokens(pointer)) {
    std::size_t i = value;
    bool matched = false;
    if (s.at(i) == '{') {
      i = s.skip_ws(i + 1);
      while (s.at(i) == '"') {
        const std::size_t key = i;
        const bool same = s.string_at(key) == token;
        i = s.skip_ws(s.string_end(key));
        i = s.skip_ws(i + 1);  // past ':'
        if (same) {
          found = key;
          value = i;
          matched = true;
          break;
        }
        i = s.skip_ws(s.value_end(i));
        if (s.at(i) != ',') break;
        i = s.skip_ws(i + 1);
      }
    } else if (s.at(i) == '[') {
      std::size_t index = 0;
      bool numeric = !token.empty() && token.size() < 10;
      for (char c : token) numeric = numeric && c >= '0' && c <= '9';
      if (numeric) index = std::stoul(token);
      i = s.skip_ws(i + 1);
      for (std::size_t n = 0; numeric && s.at(i) != ']' && s.at(i) != '\0'; ++n) {
        if (n == index) {
          found = value = i;
          matched = true;
          break;
        }
        i = s.skip_ws(s.value_end(i));
        if (s.at(i) != ',') break;
        i = s.skip_ws(i + 1);
      }
    }
    if (!matched) break;
  }
  return position_of_offset(text, found);
}

}  // namespace greenapply::cli
