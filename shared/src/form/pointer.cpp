#include "pointer.hpp"

namespace greenapply::form {

std::vector<std::string> split_pointer(std::string_view pointer) {
  std::vector<std::string> tokens;
  if (pointer.empty()) return tokens;
  std::size_t pos = pointer[0] == '/' ? 1 : 0;
  while (true) {
    const std::size_t slash = pointer.find('/', pos);
    const std::string_view raw = pointer.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size()) {
        token += raw[i + 1] == '1' ? '/' : '~';
        ++i;
      } else {
        token += raw[i];
      }
    }
    tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return tokens;
}

std::string join_pointer(const std::vector<std::string>& tokens) {
  std::string out;
  for (const auto& t : tokens) {
    out += '/';
    out += escape_token(t);
  }
  return out;
}

bool is_within(std::string_view pointer, std::string_view prefix) {
  if (pointer.size() < prefix.size() || pointer.compare(0, prefix.size(), prefix) != 0) return false;
  return pointer.size() == prefix.size() || pointer[prefix.size()] == '/';
}

std::string_view first_token(std::string_view pointer) {
  if (pointer.size() < 2 || pointer[0] != '/') return {};
  const std::size_t end = pointer.find('/', 1);
  const std::string_view token = pointer.substr(1, end == std::string_view::npos ? end : end - 1);
  return token == "*" ? std::string_view() : token;
}

std::string field_text_key(std::string_view pointer) {
  std::string key;
  for (const auto& token : split_pointer(pointer)) {
    const bool index = token == "*" || (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos);
    if (index) continue;
    if (!key.empty()) key += '.';
    key += token;
  }
  return key;
}

namespace {

void expand(const greenapply::json& node, const std::vector<std::string>& tokens, std::size_t i,
            std::string& prefix, std::vector<std::string>& out) {
  if (i == tokens.size()) {
    out.push_back(prefix);
    return;
  }
  const std::size_t keep = prefix.size();
  if (tokens[i] == "*") {
    if (!node.is_array()) return;
    for (std::size_t k = 0; k < node.size(); ++k) {
      prefix += '/';
      prefix += std::to_string(k);
      expand(node[k], tokens, i + 1, prefix, out);
      prefix.resize(keep);
    }
    return;
  }
  prefix += '/';
  prefix += escape_token(tokens[i]);
  if (i + 1 == tokens.size()) {
    out.push_back(prefix);  // the leaf need not exist (a missing answer is still a field)
  } else if (node.is_object()) {
    const auto it = node.find(tokens[i]);
    if (it != node.end()) expand(*it, tokens, i + 1, prefix, out);
  }
  prefix.resize(keep);
}

}  // namespace

std::vector<std::string> expand_pattern(const greenapply::json& doc, std::string_view pattern) {
  std::vector<std::string> out;
  std::string prefix;
  expand(doc, split_pointer(pattern), 0, prefix, out);
  return out;
}

namespace {

// One walk for both constness: Json is greenapply::json or const greenapply::json. Tokens are
// read in place (unescaped into `buf` only when they hold a '~'): this runs for every field of
// every evaluation, and splitting the pointer into strings first cost more than the lookups.
template <class Json>
Json* walk(Json& doc, std::string_view pointer) {
  Json* node = &doc;
  if (pointer.empty()) return node;
  std::string buf;
  std::size_t pos = pointer[0] == '/' ? 1 : 0;
  while (true) {
    const std::size_t slash = pointer.find('/', pos);
    std::string_view token = pointer.substr(pos, slash == std::string_view::npos ? slash : slash - pos);
    if (token.find('~') != std::string_view::npos) {
      buf.clear();
      for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size()) {
          buf += token[i + 1] == '1' ? '/' : '~';
          ++i;
        } else {
          buf += token[i];
        }
      }
      token = buf;
    }
    if (node->is_object()) {
      const auto it = node->find(token);
      if (it == node->end()) return nullptr;
      node = &*it;
    } else if (node->is_array()) {
      if (token.empty() || token.size() > 9 || token.find_first_not_of("0123456789") != std::string_view::npos)
        return nullptr;
      std::size_t k = 0;
      for (const char c : token) k = k * 10 + static_cast<std::size_t>(c - '0');
      if (k >= node->size()) return nullptr;
      node = &(*node)[k];
    } else {
      return nullptr;
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return node;
}

}  // namespace

const greenapply::json* find_at(const greenapply::json& doc, std::string_view pointer) {
  return walk(doc, pointer);
}

void erase_at(greenapply::json& doc, std::string_view pointer) {
  auto tokens = split_pointer(pointer);
  if (tokens.empty()) return;
  const std::string last = tokens.back();
  tokens.pop_back();
  greenapply::json* parent = walk(doc, join_pointer(tokens));
  if (parent && parent->is_object()) parent->erase(last);
}

}  // namespace greenapply::form
