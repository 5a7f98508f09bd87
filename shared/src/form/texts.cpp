#include "texts.hpp"

namespace greenapply::form {

Texts::Texts(const greenapply::json* package_i18n, const greenapply::json* common_i18n,
             std::string lang)
    : package_(package_i18n), common_(common_i18n), lang_(std::move(lang)),
      package_lang_(table(package_, lang_)), common_lang_(table(common_, lang_)),
      package_en_(table(package_, "en")), common_en_(table(common_, "en")) {}

const greenapply::json* Texts::table(const greenapply::json* source, const std::string& lang) {
  if (!source || !source->is_object()) return nullptr;
  const auto t = source->find(lang);
  return t == source->end() || !t->is_object() ? nullptr : &*t;
}

const std::string* Texts::find(const std::string& key, const greenapply::json* package_table,
                               const greenapply::json* common_table) {
  for (const greenapply::json* t : {package_table, common_table}) {
    if (!t) continue;
    const auto entry = t->find(key);
    if (entry != t->end() && entry->is_string()) return entry->get_ptr<const std::string*>();
  }
  return nullptr;
}

bool Texts::has(const std::string& key) const { return find(key, package_lang_, common_lang_) != nullptr; }

bool Texts::has_package_text(const std::string& key) const {
  return find(key, package_lang_, nullptr) != nullptr;
}

const std::string* Texts::pattern_of(const std::string& key) const {
  const std::string* pattern = find(key, package_lang_, common_lang_);
  if (!pattern && lang_ != "en") pattern = find(key, package_en_, common_en_);
  return pattern;
}

std::string Texts::text(const std::string& key, const greenapply::json& params) const {
  const std::string* pattern = pattern_of(key);
  return pattern ? fill_placeholders(*pattern, params) : key;
}

std::string Texts::text(const std::string& key) const {
  const std::string* pattern = pattern_of(key);
  return pattern ? *pattern : key;
}

std::string param_to_text(const greenapply::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& item : value) {
      if (!out.empty()) out += ", ";
      out += param_to_text(item);
    }
    return out;
  }
  return value.dump();
}

std::string fill_placeholders(const std::string& pattern, const greenapply::json& params) {
  std::string out;
  out.reserve(pattern.size());
  std::size_t i = 0;
  while (i < pattern.size()) {
    // The text up to the next brace, in one piece.
    const auto open = pattern.find('{', i);
    out.append(pattern, i, (open == std::string::npos ? pattern.size() : open) - i);
    if (open == std::string::npos) break;
    const auto close = pattern.find('}', open + 1);
    if (close != std::string::npos && params.is_object()) {
      const auto it = params.find(std::string_view(pattern).substr(open + 1, close - open - 1));
      if (it != params.end()) {
        out += param_to_text(*it);
        i = close + 1;
        continue;
      }
    }
    out += '{';  // not a placeholder of these params: kept as written
    i = open + 1;
  }
  return out;
}

}  // namespace greenapply::form
