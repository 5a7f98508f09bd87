// Text lookup for one language: the package's own texts first, then the engine's common texts,
// then English, then the key itself (so a missing text is visible, and lint reports it).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace greenapply::form {

class Texts {
 public:
  Texts(const nlohmann::json* package_i18n, const nlohmann::json* common_i18n, std::string lang);
  bool has(const std::string& key) const;
  // True when the package itself (not the engine's common texts) has key in this language.
  bool has_package_text(const std::string& key) const;
  // The text for key with {name} placeholders filled from params (strings as is, numbers in
  // their shortest form, lists joined with ", "). Unknown placeholders stay as written.
  std::string text(const std::string& key, const nlohmann::json& params = nlohmann::json::object()) const;
  const std::string& lang() const { return lang_; }

 private:
  // The key in the package's then the common table of one language (found once, when the
  // Texts is made: a lookup per text used to find the language's table in each source first).
  static const std::string* find(const std::string& key, const nlohmann::json* package_table,
                                 const nlohmann::json* common_table);
  static const nlohmann::json* table(const nlohmann::json* source, const std::string& lang);
  const nlohmann::json* package_;
  const nlohmann::json* common_;
  std::string lang_;
  const nlohmann::json* package_lang_;
  const nlohmann::json* common_lang_;
  const nlohmann::json* package_en_;
  const nlohmann::json* common_en_;
};

std::string fill_placeholders(const std::string& pattern, const nlohmann::json& params);
std::string param_to_text(const nlohmann::json& value);

}  // namespace greenapply::form
