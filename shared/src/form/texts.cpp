#include "texts.hpp"

namespace greenapply::form {

Texts::Texts(const nlohmann::json* package_i18n, const nlohmann::json* common_i18n,
             std::string lang)
    : package_(package_i18n), common_(common_i18n), lang_(std::move(lang)) {}

const std::string* Texts::find(const std::string& key, const std::string& lang) const {
  for (const nlohmann::json* source : {package_, common_}) {
    if (!source || !source->is_object()) continue;
    const auto table = source->find(lang);
    if (table == source->end() || !table->is_object()) continue;
    const auto entry = table->find(key);
    if (entry != table->end() && entry->is_string()) return entry->get_ptr<const std::string*>();
  }
  return nullptr;
}

bool Texts::has(const std::string& key) const { return find(key, lang_) != nullptr; }

bool Texts::has_package_text(const std::string& key) const {
  if (!package_ || !package_->is_object()) return false;
  const auto table = package_->find(lang_);
  if (table == package_->end() || !table->is_object()) return false;
  const auto entry = table->find(key);
  return entry != table->end() && entry->is_string();
}

std::string Texts::text(const std::string& key, const nlohmann::json& params) const {
  const std::string* pattern = find(key, lang_);
  if (!pattern && lang_ != "en") pattern = find(key, "en");
  if (!pattern) return key;
  return fill_placeholders(*pattern, params);
}

std::string param_to_text(const nlohmann::json& value) {
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

std::string fill_placeholders(const std::string& pattern, const nlohmann::json& params) {
  std::string out;
  out.reserve(pattern.size());
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i + 1);
      if (close != std::string::npos && params.is_object()) {
        const auto it = params.find(std::string_view(pattern).substr(i + 1, close - i - 1));
        if (it != params.end()) {
          out += param_to_text(*it);
          i = close;
          continue;
        }
      }
    }
    out += pattern[i];
  }
  return out;
}

}  // namespace greenapply::form
