// Text lookup for one language: the package's own texts first, then the engine's common texts,
// then English, then the key itself (so a missing text is visible, and lint reports it).
#pragma once

#include <string>
#include <string_view>

#include "greenapply/json.hpp"

namespace greenapply::form {

class Texts {
 public:
  Texts(const greenapply::json* package_i18n, const greenapply::json* common_i18n, std::string lang);
  bool has(const std::string& key) const;
  // True when the package itself (not the engine's common texts) has key in this language.
  bool has_package_text(const std::string& key) const;
  // The text for key with {name} placeholders filled from params (strings as is, numbers in
  // their shortest form, lists joined with ", "). Unknown placeholders stay as written.
  std::string text(const std::string& key, const greenapply::json& params) const;
  // The text for key as written (the same as with no params: every placeholder stays). Most
  // texts take none, and this makes no empty params object for them.
  std::string text(const std::string& key) const;
  const std::string& lang() const { return lang_; }

 private:
  // The key in the package's then the common table of one language (found once, when the
  // Texts is made: a lookup per text used to find the language's table in each source first).
  static const std::string* find(const std::string& key, const greenapply::json* package_table,
                                 const greenapply::json* common_table);
  static const greenapply::json* table(const greenapply::json* source, const std::string& lang);
  // The key's text in this language, else in English; null when neither has it.
  const std::string* pattern_of(const std::string& key) const;
  const greenapply::json* package_;
  const greenapply::json* common_;
  std::string lang_;
  const greenapply::json* package_lang_;
  const greenapply::json* common_lang_;
  const greenapply::json* package_en_;
  const greenapply::json* common_en_;
};

std::string fill_placeholders(const std::string& pattern, const greenapply::json& params);
std::string param_to_text(const greenapply::json& value);

}  // namespace greenapply::form
