// Issue #14: the Chinese texts an applicant reads outside the packages (programme names and
// summaries, the taxonomy, the engine's messages) keep Chinese typography, as lint checks each
// package's own texts: full-width punctuation beside Chinese characters and no English word but
// the names and codes on the allow-list. The messages for organisers and package authors
// (lint, package loading, expressions) name code and stay out of it.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include "greenapply/json.hpp"

#include "chinese_text.hpp"

namespace {

namespace fs = std::filesystem;

bool for_authors(const std::string& key) {
  for (const char* prefix : {"lint.", "package.", "expr.", "cli.", "match.spec.", "limit.", "schema_error."})
    if (key.rfind(prefix, 0) == 0) return true;
  return false;
}

TEST(CommonChineseTexts, KeepChineseTypography) {
  const fs::path dir = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "common" / "i18n";
  std::size_t checked = 0;
  for (const char* name : {"zh.json", "programmes.zh.json", "taxonomy.zh.json", "json_schema.zh.json", "match.zh.json"}) {
    std::ifstream in(dir / name);
    ASSERT_TRUE(in) << name;
    const auto texts = greenapply::json::parse(in);
    for (const auto& [key, value] : texts.items()) {
      if (key == "$schema" || !value.is_string() || for_authors(key)) continue;
      ++checked;
      for (const auto& found : greenapply::form::chinese_typography_problems(value.get<std::string>()))
        ADD_FAILURE() << name << " " << key << ": \"" << found << "\" in " << value.get<std::string>();
    }
  }
  EXPECT_GT(checked, 100u);  // the files were read, not skipped
}

}  // namespace
