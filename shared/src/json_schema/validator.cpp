// The public API: Validator, basic output, meta-schema checks.
#include <optional>

#include "compiled.hpp"
#include "greenapply/json_schema.hpp"
#include "metaschemas.hpp"

namespace greenapply::json_schema {

using greenapply::json;

Validator::Validator(std::shared_ptr<const detail::CompiledSchema> compiled)
    : compiled_(std::move(compiled)) {}

Validator Validator::compile(const json& schema, const Options& options, const Resolver& resolver) {
  return Validator(detail::compile_schema(schema, options, resolver));
}

std::vector<Issue> Validator::validate(const json& instance) const {
  std::vector<Issue> issues;
  detail::evaluate(*compiled_, instance, &issues);
  return issues;
}

bool Validator::is_valid(const json& instance) const {
  return detail::evaluate(*compiled_, instance, nullptr);
}

json basic_output(const std::vector<Issue>& issues) {
  json errors = json::array();
  bool valid = true;
  for (const Issue& issue : issues) {
    if (issue.severity == Severity::error) valid = false;
    errors.push_back({{"keywordLocation", issue.keyword_location},
                      {"absoluteKeywordLocation", issue.absolute_keyword_location},
                      {"instanceLocation", issue.location},
                      {"error", issue.message_key},
                      {"params", issue.params}});
  }
  json out = {{"valid", valid}};
  if (!errors.empty()) out["errors"] = std::move(errors);
  return out;
}

std::vector<Issue> check_against_metaschema(const json& schema, const Options& options,
                                            const Resolver& resolver) {
  std::string meta_uri = options.default_dialect == Dialect::draft7
                             ? "http://json-schema.org/draft-07/schema"
                         : options.default_dialect == Dialect::draft2019_09
                             ? "https://json-schema.org/draft/2019-09/schema"
                             : "https://json-schema.org/draft/2020-12/schema";
  if (schema.is_object() && schema.contains("$schema")) {
    const json& declared = schema["$schema"];
    if (!declared.is_string()) {
      Issue issue;
      issue.location = "/$schema";
      issue.message_key = "schema_error.unknown_dialect";
      issue.params = {{"schema", declared}};
      return {issue};
    }
    meta_uri = declared.get<std::string>();
  }
  // The meta-schema is referenced from a tiny wrapper so that "$schema" URIs with or without
  // a trailing "#" and custom meta-schemas (via the resolver) all work the same way.
  std::optional<Validator> meta;
  try {
    meta = Validator::compile(json{{"$ref", meta_uri}}, options, resolver);
  } catch (const SchemaError&) {
    Issue issue;
    issue.location = "/$schema";
    issue.message_key = "schema_error.unknown_dialect";
    issue.params = {{"schema", meta_uri}};
    return {issue};
  }
  return meta->validate(schema);
}

}  // namespace greenapply::json_schema
