// greenapply/json_schema.hpp — JSON Schema validator (drafts 2020-12, 2019-09 and 07).
//
// A schema is compiled once into a Validator: every `$ref` is resolved to a compiled node,
// regexes are compiled, keyword lists are fixed. Validating never re-reads the schema, so one
// Validator can check many instances (the page validates on every keystroke).
//
// Errors are data (greenapply::Issue): instance pointer, keyword pointer (evaluation path),
// absolute keyword URI, message key ("schema.<keyword>", "limit.depth", "limit.recursion",
// "limit.regex_steps") and params. Texts live in schemas/common/i18n/json_schema.{en,zh}.json.
//
// Everything here is pure: no files, no network. Schemas that are not embedded (the official
// 2020-12, 2019-09 and draft-07 meta-schemas are) and not part of the schema itself are fetched only
// through the caller's Resolver.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include "greenapply/json.hpp"
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "greenapply/issue.hpp"

namespace greenapply::json_schema {

enum class Dialect { draft2020_12, draft7, draft2019_09 };

struct Options {
  // Dialect of a schema without "$schema". A document fetched for a "$ref" that has no
  // "$schema" is read in the dialect of the schema that refers to it.
  Dialect default_dialect = Dialect::draft2020_12;
  // The schema's retrieval URI (e.g. "file:///forms/data.schema.json"): the base that relative
  // references and "$id"s resolve against, so "partial.json" names the neighbouring file.
  // Empty: the schema has no base of its own (only its "$id", if any).
  std::string base_uri;
  // true: "format" is an assertion for the formats the formats module knows (unknown formats
  // are ignored). false: "format" is an annotation only, as the specification's default.
  bool format_assertion = false;
  // Deepest instance (and schema) nesting that is evaluated; deeper gives "limit.depth".
  std::size_t max_depth = 256;
  // Deepest chain of nested schema evaluations (e.g. through recursive "$ref"s) before
  // "limit.recursion" is reported.
  std::size_t max_recursion = 512;
  // Regex steps allowed per pattern match before "limit.regex_steps" is reported.
  std::size_t regex_step_budget = 100000;
};

// Returns the schema document for an absolute URI (without fragment) that is neither embedded
// nor defined by the schema being compiled, or nullopt if it is unknown. Called only during
// compile(); whatever it throws propagates out of compile() unchanged.
using Resolver = std::function<std::optional<greenapply::json>(const std::string& uri)>;

// Thrown by compile() for a schema that cannot be used. message_key is one of
// "schema_error.bad_ref" (unresolvable $ref/$dynamicRef; params.ref),
// "schema_error.unknown_dialect" (params.schema), "schema_error.unknown_vocabulary"
// (params.vocabulary), "schema_error.bad_regex" (params.pattern, params.offset),
// "schema_error.bad_keyword" (a keyword with a value of the wrong kind; params.keyword),
// "schema_error.not_a_schema" (neither object nor boolean), "limit.depth" (schema too deep).
struct SchemaError : Failure {
  // absolute_keyword_location: the absolute URI + JSON pointer fragment of the bad keyword.
  SchemaError(const std::string& what, std::string absolute_keyword_location, std::string message_key,
              greenapply::json params = greenapply::json::object())
      : Failure(what, Issue{"", std::move(message_key), std::move(params), Severity::error, "", "",
                            std::move(absolute_keyword_location)}) {}
};

namespace detail {
struct CompiledSchema;
}

class Validator {
 public:
  // Compiles `schema` (a JSON Schema: object or boolean). The dialect comes from "$schema",
  // else options.default_dialect. Throws SchemaError for an unusable schema (see above), and
  // whatever the resolver throws.
  // The schema is copied; the Validator does not refer to the caller's json afterwards.
  static Validator compile(const greenapply::json& schema, const Options& options = {},
                           const Resolver& resolver = {});

  // Every error, in schema keyword order. Empty = valid. Does not throw (except
  // std::bad_alloc).
  std::vector<Issue> validate(const greenapply::json& instance) const;

  // true if valid; stops at the first error. Does not throw (except std::bad_alloc).
  bool is_valid(const greenapply::json& instance) const;

 private:
  explicit Validator(std::shared_ptr<const detail::CompiledSchema> compiled);
  std::shared_ptr<const detail::CompiledSchema> compiled_;  // immutable, shared by copies
};

// JSON Schema "basic" output: {"valid": bool, "errors": [{"keywordLocation",
// "absoluteKeywordLocation", "instanceLocation", "error" (the message key), "params"}]}.
greenapply::json basic_output(const std::vector<Issue>& issues);

// Checks `schema` against the meta-schema of its dialect ("$schema" or
// options.default_dialect); returns the issues (empty = a valid schema). Throws SchemaError
// only if the dialect's meta-schema itself cannot be compiled (unknown "$schema" is reported
// as an issue "schema_error.unknown_dialect" at "/$schema").
std::vector<Issue> check_against_metaschema(const greenapply::json& schema,
                                            const Options& options = {},
                                            const Resolver& resolver = {});

}  // namespace greenapply::json_schema
