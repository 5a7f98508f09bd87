// The form package linter's rules (lint() in ../lint.cpp runs them in order): one file per
// family of checks in this folder, each a method of Linter, which holds the bundle and collects
// the problems.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/form.hpp"
#include "greenapply/issue.hpp"
#include "../package_data.hpp"
#include "../schema_types.hpp"

namespace greenapply::form::lint_rules {

using greenapply::json;

// A problem in one of the package's files.
inline Issue in_file(std::string file, std::string pointer, std::string key, json params, Severity severity) {
  return Issue{std::move(pointer), std::move(key), std::move(params), severity, std::move(file)};
}

class Linter {
 public:
  Linter(const json& bundle, std::vector<Issue>& out) : b_(bundle), out_(out) {}

  void problem(std::string file, std::string pointer, std::string key, json params = json::object(),
               Severity severity = Severity::error) {
    out_.push_back(in_file(std::move(file), std::move(pointer), std::move(key), std::move(params), severity));
  }

  const json& doc(const char* name) const {
    static const json kNull;
    const auto it = b_.find(name);
    return it == b_.end() ? kNull : *it;
  }

  // 1. every file against its definition in form-package.schema.json
  void format(const json& package_schema);
  void check_against(const json& schema, const json& instance, const std::string& file);

  // 2. the data schema is valid JSON Schema 2020-12
  void metaschema();

  // 3. texts: every key in every language, and each text a package needs exists
  void texts(const PackageData& d);

  // 3b. field error texts ("<field>.error.<keyword>", see Evaluation::message_of): each must
  // name a field of the data schema and a keyword that field's schema can raise; otherwise the
  // text is never shown (a typo, or a field renamed since), which is worth a warning, not a block.
  void error_texts();

  // The schema.* keywords an answer at the field `field_key` ("team.core_team.email": section,
  // repeat, field; array items have no token, as in text keys) can raise. The walk takes every
  // branch of the schema (allOf/anyOf/oneOf/then/else/dependentSchemas and $ref, keeping a
  // node's own keywords beside its reference's), not just the first as type lookup does: a
  // pattern required by an if/then on the country is as real as an unconditional one.
  std::set<std::string> raisable_keywords(const SchemaTypes& types, const std::string& field_key, bool& exists) const;

  // 4. layout covers the schema; nothing required can be hidden
  void structure(const PackageData& d);

  // 3b. Chinese typography: every Chinese text of the package uses full-width punctuation
  // beside Chinese characters, and has no English word that is not a name or code on the
  // allow-list below (an English original name in full-width brackets after the Chinese one,
  // "创蓝碳中和先锋奖（Bluetech ...）", is allowed too). Placeholders, e-mail addresses and web
  // addresses are not text. One message key, the offending snippet as its parameter.
  void chinese_texts();

  // 5. rubric arithmetic
  void rubric(const PackageData& d);

  // 6. placeholders and the window
  // The organiser's round reads form.json's applicant_id and track (greenapply/round.hpp); a
  // wrong pointer would silently group nobody or count no track. Checked here, not at load, so
  // the applicant's page does not carry a check only the organiser needs.
  void round_pointers();
  void submission(const PackageData& d);

  // 7. the worked examples: each gives its expected result, and each criterion reaches its
  // maximum in at least one (lint/examples.cpp)
  void examples(const FormPackage& pkg);

 private:
  const json& b_;
  std::vector<Issue>& out_;
};

}  // namespace greenapply::form::lint_rules
