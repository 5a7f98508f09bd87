// Lint rule 3c. Chinese typography of the package's Chinese texts.
#include "linter.hpp"
#include "../chinese_text.hpp"
#include "../pointer.hpp"

namespace greenapply::form::lint_rules {

// 3b. Chinese typography: every Chinese text of the package uses full-width punctuation
// beside Chinese characters, and has no English word that is not a name or code on the
// allow-list below (an English original name in full-width brackets after the Chinese one,
// "创蓝碳中和先锋奖（Bluetech ...）", is allowed too). Placeholders, e-mail addresses and web
// addresses are not text. One message key, the offending snippet as its parameter.
void Linter::chinese_texts() {
  const json& i18n = doc("i18n");
  if (!i18n.is_object() || !i18n.contains("zh") || !i18n["zh"].is_object()) return;
  for (const auto& [key, value] : i18n["zh"].items()) {
    if (!value.is_string() || key == "$schema") continue;
    for (const auto& found : chinese_typography_problems(value.get<std::string>()))
      problem("i18n/zh.json", "/" + escape_token(key), "lint.zh_typography", {{"key", key}, {"found", found}});
  }
}

}  // namespace greenapply::form::lint_rules
