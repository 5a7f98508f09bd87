// Unit tests of the JSON Schema validator (everything except patterns, which need the regex
// module: see pattern_test.cpp).
#include "greenapply/json_schema.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace greenapply::json_schema {
namespace {

using greenapply::json;

std::vector<Issue> errors(const json& schema, const json& instance, const Options& o = {}) {
  return Validator::compile(schema, o).validate(instance);
}

bool valid(const json& schema, const json& instance, const Options& o = {}) {
  const Validator v = Validator::compile(schema, o);
  const bool quick = v.is_valid(instance);
  EXPECT_EQ(quick, v.validate(instance).empty()) << schema.dump() << " " << instance.dump();
  return quick;
}

TEST(Strings, LengthCountsCodePointsNotBytes) {
  const json min3 = {{"minLength", 3}};
  EXPECT_TRUE(valid(min3, "绿色科"));  // 3 code points, 9 bytes
  const auto issues = errors(min3, "绿色");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "schema.minLength");
  EXPECT_EQ(issues[0].params, (json{{"limit", 3}, {"actual", 2}}));
  const json max2 = {{"maxLength", 2}};
  EXPECT_TRUE(valid(max2, "绿色"));
  EXPECT_FALSE(valid(max2, "绿色科"));
  EXPECT_TRUE(valid(max2, "😀😀"));  // 4-byte code points count once
  EXPECT_FALSE(valid(max2, "abc"));
  EXPECT_TRUE(valid(max2, 12345));  // not a string: not constrained
}

TEST(Numbers, IntegersByValue) {
  const json integer = {{"type", "integer"}};
  EXPECT_TRUE(valid(integer, json::parse("1.0")));
  EXPECT_TRUE(valid(integer, json::parse("-0.0")));
  EXPECT_FALSE(valid(integer, json::parse("1.5")));
  EXPECT_TRUE(valid(integer, json::parse("1e308")));
  EXPECT_TRUE(valid(integer, json::parse("18446744073709551615")));
  EXPECT_FALSE(valid(integer, "1"));
  EXPECT_TRUE(valid({{"type", "number"}}, 3));
}

TEST(Numbers, MultipleOfIsExactOnDecimals) {
  const json cents = {{"multipleOf", 0.01}};
  EXPECT_TRUE(valid(cents, json::parse("19.99")));
  EXPECT_TRUE(valid(cents, json::parse("0.07")));
  EXPECT_TRUE(valid(cents, 20));
  EXPECT_FALSE(valid(cents, json::parse("19.999")));
  EXPECT_TRUE(valid({{"multipleOf", 0.1}}, json::parse("0.3")));
  EXPECT_TRUE(valid({{"multipleOf", 0.0001}}, json::parse("0.0075")));
  EXPECT_FALSE(valid({{"multipleOf", 2}}, 7));
  EXPECT_TRUE(valid({{"multipleOf", 5}}, -10));
  EXPECT_TRUE(valid({{"multipleOf", 5}}, json::parse("18446744073709551615")));
  EXPECT_TRUE(valid({{"multipleOf", 1e-5}}, json::parse("1e300")));
  // Division overflows a double: must answer, not crash or loop.
  EXPECT_FALSE(valid({{"type", "integer"}, {"multipleOf", 0.123456789}}, json::parse("1e308")));
  const auto issues = errors({{"multipleOf", 0.5}}, 0.3);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].params, (json{{"divisor", 0.5}}));
}

TEST(Numbers, BoundsCompareExactly) {
  EXPECT_TRUE(valid({{"maximum", 9007199254740993}}, json::parse("9007199254740993")));
  EXPECT_FALSE(valid({{"maximum", 9007199254740992}}, json::parse("9007199254740993")));
  EXPECT_FALSE(valid({{"exclusiveMinimum", 0}}, 0));
  EXPECT_TRUE(valid({{"exclusiveMinimum", 0}}, 0.0001));
  EXPECT_TRUE(valid({{"minimum", -1}}, json::parse("18446744073709551615")));
  const auto issues = errors({{"minimum", 10}}, 3);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "schema.minimum");
  EXPECT_EQ(issues[0].params, (json{{"limit", 10}}));
}

TEST(Equality, NumbersCompareByValueAtAnyDepth) {
  const json e = {{"enum", json::array({1, {{"a", {1, 2}}}})}};
  EXPECT_TRUE(valid(e, 1.0));
  EXPECT_TRUE(valid(e, json::parse(R"({"a": [1.0, 2]})")));
  EXPECT_FALSE(valid(e, "1"));
  EXPECT_FALSE(valid(e, true));
  EXPECT_FALSE(valid(e, json::parse(R"({"a": [1, 2, 3]})")));
  EXPECT_FALSE(valid({{"const", 0}}, false));
  EXPECT_TRUE(
      valid({{"const", json::parse(R"({"x": [null, 2.0]})")}}, json::parse(R"({"x": [null, 2]})")));
  const json unique = {{"uniqueItems", true}};
  EXPECT_FALSE(valid(unique, json::parse("[1, 1.0]")));
  EXPECT_FALSE(valid(unique, json::parse(R"([{"a": 1}, {"a": 1.0}])")));
  EXPECT_TRUE(valid(unique, json::parse("[[1], [true], 0, false]")));
}

TEST(Required, OneIssuePerMissingPropertyAtTheParent) {
  const json schema = json::parse(R"({
    "properties": {"a/b": {"required": ["x~y", "z", "present"]}}})");
  const auto issues = errors(schema, json::parse(R"({"a/b": {"present": 1}})"));
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].message_key, "schema.required");
  EXPECT_EQ(issues[0].location, "/a~1b");
  EXPECT_EQ(issues[0].keyword_location, "/properties/a~1b/required");
  EXPECT_EQ(issues[0].absolute_keyword_location, "#/properties/a~1b/required");
  EXPECT_EQ(issues[0].params, (json{{"property", "x~y"}}));
  EXPECT_EQ(issues[1].params, (json{{"property", "z"}}));
}

TEST(Errors, AllErrorsAreCollectedWithTheirLocations) {
  const json schema = json::parse(R"({
    "type": "object",
    "properties": {
      "name": {"type": "string", "minLength": 2},
      "age": {"type": "integer", "minimum": 18},
      "tags": {"type": "array", "items": {"type": "string"}}
    },
    "required": ["name", "email"]
  })");
  const json instance = json::parse(R"({"name": "A", "age": 17.5, "tags": ["ok", 3, "x~y", 4]})");
  const auto issues = errors(schema, instance);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& i : issues) got.emplace_back(i.location, i.message_key);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"/age", "schema.minimum"}, {"/age", "schema.type"},    {"/name", "schema.minLength"},
      {"/tags/1", "schema.type"}, {"/tags/3", "schema.type"}, {"", "schema.required"}};
  EXPECT_EQ(got, expected);
  EXPECT_EQ(issues[3].keyword_location, "/properties/tags/items/type");
  EXPECT_EQ(issues[1].params, (json{{"expected", {"integer"}}}));
  EXPECT_FALSE(Validator::compile(schema).is_valid(instance));
}

TEST(Errors, PointersEscapeTildeAndSlash) {
  const json schema = {{"additionalProperties", {{"type", "number"}}}};
  const auto issues = errors(schema, json::parse(R"({"a~b/c": "x"})"));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].location, "/a~0b~1c");
  EXPECT_EQ(issues[0].keyword_location, "/additionalProperties/type");
}

TEST(Errors, AdditionalPropertiesFalseNamesTheProperty) {
  const json schema = json::parse(R"({"properties": {"a": {}}, "additionalProperties": false})");
  const auto issues = errors(schema, json::parse(R"({"a": 1, "b": 2, "c": 3})"));
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].message_key, "schema.additionalProperties");
  EXPECT_EQ(issues[0].location, "");
  EXPECT_EQ(issues[0].params, (json{{"property", "b"}}));
}

TEST(Output, BasicShape) {
  const auto issues = errors({{"$id", "https://example.org/s"}, {"minLength", 2}}, "x");
  const json out = basic_output(issues);
  EXPECT_EQ(out["valid"], false);
  ASSERT_EQ(out["errors"].size(), 1u);
  EXPECT_EQ(out["errors"][0], json::parse(R"({"keywordLocation": "/minLength",
              "absoluteKeywordLocation": "https://example.org/s#/minLength",
              "instanceLocation": "", "error": "schema.minLength",
              "params": {"limit": 2, "actual": 1}})"));
  EXPECT_EQ(basic_output({}), (json{{"valid", true}}));
}

TEST(Limits, DeepInstanceIsCutOffNotOverflowed) {
  json deep = json::array();
  for (int i = 0; i < 1000000; ++i) deep = json::array({std::move(deep)});
  const Validator v = Validator::compile(json::parse(R"({"items": {"$ref": "#"}})"));
  const auto issues = v.validate(deep);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_TRUE(issues[0].message_key == "limit.depth" || issues[0].message_key == "limit.recursion")
      << issues[0].message_key;
  EXPECT_FALSE(v.is_valid(deep));
  // Within the limit, the same shape validates.
  json shallow = json::array();
  for (int i = 0; i < 100; ++i) shallow = json::array({std::move(shallow)});
  EXPECT_TRUE(v.is_valid(shallow));
}

TEST(Limits, DepthLimitIsConfigurable) {
  Options o;
  o.max_depth = 2;
  const json schema = json::parse(R"({"type": "object", "properties": {"a": {"$ref": "#"}}})");
  EXPECT_TRUE(valid(schema, json::parse(R"({"a": {"a": {}}})"), o));
  const auto issues = errors(schema, json::parse(R"({"a": {"a": {"a": {}}}})"), o);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "limit.depth");
  EXPECT_EQ(issues[0].location, "/a/a");
  EXPECT_EQ(issues[0].params, (json{{"limit", 2}}));
}

TEST(Limits, SelfReferenceTerminates) {
  const Validator self = Validator::compile(json::parse(R"({"$ref": "#"})"));
  const auto issues = self.validate(42);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "limit.recursion");
  EXPECT_FALSE(self.is_valid(42));
  const Validator cycle = Validator::compile(json::parse(R"({
    "$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}},
    "$ref": "#/$defs/a"})"));
  EXPECT_FALSE(cycle.is_valid(json::object()));
}

TEST(Limits, ALimitInsideNotOrAnyOfStillFailsTheInstance) {
  // Without this, "not" would turn the cut-off recursion into a pass.
  for (const char* text : {R"({"not": {"$ref": "#"}})", R"({"anyOf": [{"$ref": "#"}, true]})"}) {
    const Validator v = Validator::compile(json::parse(text));
    EXPECT_FALSE(v.is_valid(1)) << text;
    const auto issues = v.validate(1);
    ASSERT_FALSE(issues.empty()) << text;
    EXPECT_EQ(issues.back().message_key, "limit.recursion");
    EXPECT_EQ(std::count_if(issues.begin(), issues.end(),
                            [](const Issue& i) { return i.message_key == "limit.recursion"; }),
              1)
        << text;
  }
}

TEST(Limits, DeepSchemaIsRefused) {
  json schema = json::object();
  for (int i = 0; i < 1000; ++i) schema = json{{"not", std::move(schema)}};
  try {
    Validator::compile(schema);
    FAIL() << "expected SchemaError";
  } catch (const SchemaError& e) {
    EXPECT_EQ(e.issue().message_key, "limit.depth");
  }
}

TEST(Compile, OnceForManyInstancesAndIndependentOfTheSource) {
  std::optional<Validator> v;
  {
    const json schema = json::parse(R"({"type": "object", "properties": {
        "n": {"$ref": "#/$defs/small"}}, "$defs": {"small": {"maximum": 5}}})");
    v = Validator::compile(schema);
  }  // the schema json is gone; the validator owns what it needs
  const Validator copy = *v;
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(v->is_valid(json{{"n", i}}), i <= 5);
    EXPECT_EQ(copy.validate(json{{"n", i}}).size(), i <= 5 ? 0u : 1u);
  }
  EXPECT_FALSE(v->is_valid("not an object"));
}

TEST(Compile, UnusableSchemasThrowSchemaError) {
  auto key_of = [](const json& schema) -> std::string {
    try {
      Validator::compile(schema);
    } catch (const SchemaError& e) {
      return e.issue().message_key;
    }
    return "none";
  };
  EXPECT_EQ(key_of(json::parse(R"({"$ref": "#/$defs/missing"})")), "schema_error.bad_ref");
  EXPECT_EQ(key_of(json::parse(R"({"$ref": "http://example.org/nowhere.json"})")),
            "schema_error.bad_ref");
  EXPECT_EQ(key_of(json::parse(R"({"$schema": "http://example.org/my-dialect"})")),
            "schema_error.unknown_dialect");
  EXPECT_EQ(key_of(json::parse(R"({"minLength": "three"})")), "schema_error.bad_keyword");
  EXPECT_EQ(key_of(json::parse(R"({"type": "text"})")), "schema_error.bad_keyword");
  EXPECT_EQ(key_of(json::parse(R"({"properties": {"a": 3}})")), "schema_error.not_a_schema");
  EXPECT_EQ(key_of(json(5)), "schema_error.not_a_schema");
  EXPECT_EQ(key_of(json(true)), "none");
}

TEST(Refs, ResolverSuppliesRemoteDocumentsOnly) {
  std::vector<std::string> asked;
  const Resolver resolver = [&](const std::string& uri) -> std::optional<json> {
    asked.push_back(uri);
    if (uri == "https://example.org/defs.json") {
      return json::parse(R"({"$defs": {"code": {"type": "string", "maxLength": 4}}})");
    }
    return std::nullopt;
  };
  const Validator v = Validator::compile(json::parse(R"({"$id": "https://example.org/main.json",
        "properties": {"c": {"$ref": "defs.json#/$defs/code"}}})"),
                                         {}, resolver);
  EXPECT_EQ(asked, std::vector<std::string>{"https://example.org/defs.json"});
  EXPECT_TRUE(v.is_valid(json{{"c", "ab"}}));
  const auto issues = v.validate(json{{"c", "abcde"}});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].keyword_location, "/properties/c/$ref/maxLength");
  EXPECT_EQ(issues[0].absolute_keyword_location,
            "https://example.org/defs.json#/$defs/code/maxLength");
}

TEST(Refs, DynamicRefFollowsTheDynamicScope) {
  // A generic list whose item type is chosen by the schema that extends it.
  const json schema = json::parse(R"({
    "$id": "https://example.org/string-list",
    "$ref": "list",
    "$defs": {
      "item": {"$dynamicAnchor": "item", "type": "string"},
      "list": {"$id": "list", "type": "array", "items": {"$dynamicRef": "#item"},
               "$defs": {"default": {"$dynamicAnchor": "item"}}}
    }})");
  const Validator v = Validator::compile(schema);
  EXPECT_TRUE(v.is_valid(json::parse(R"(["a", "b"])")));
  EXPECT_FALSE(v.is_valid(json::parse(R"(["a", 1])")));
}

TEST(Draft7, RefOverridesSiblingsAndOldKeywordsWork) {
  Options o;
  o.default_dialect = Dialect::draft7;
  const json schema = json::parse(R"({
    "definitions": {"n": {"type": "number"}},
    "properties": {
      "r": {"$ref": "#/definitions/n", "maximum": 0},
      "t": {"items": [{"type": "string"}], "additionalItems": false}
    },
    "dependencies": {"a": ["b"], "c": {"required": ["d"]}}
  })");
  EXPECT_TRUE(valid(schema, json{{"r", 5}}, o));  // "maximum" beside "$ref" is ignored
  EXPECT_FALSE(valid(schema, json{{"r", "x"}}, o));
  EXPECT_TRUE(valid(schema, json{{"t", {"x"}}}, o));
  EXPECT_FALSE(valid(schema, json{{"t", {"x", "y"}}}, o));
  EXPECT_FALSE(valid(schema, json{{"a", 1}}, o));
  EXPECT_TRUE(valid(schema, json{{"a", 1}, {"b", 2}}, o));
  EXPECT_FALSE(valid(schema, json{{"c", 1}}, o));
  // "$schema" wins over the default.
  json declared = schema;
  declared["$schema"] = "http://json-schema.org/draft-07/schema#";
  EXPECT_TRUE(valid(declared, json{{"r", 5}}));
  // In 2020-12 "maximum" applies beside "$ref", and array-form "items" is not a schema.
  const json ref_and_max = json::parse(R"({"$defs": {"n": {"type": "number"}},
      "properties": {"r": {"$ref": "#/$defs/n", "maximum": 0}}})");
  EXPECT_FALSE(valid(ref_and_max, json{{"r", 5}}));
  EXPECT_THROW(Validator::compile(schema), SchemaError);
}

TEST(Unevaluated, SeesThroughRefsAndConditionals) {
  const json schema = json::parse(R"({
    "$defs": {"base": {"properties": {"id": {"type": "integer"}}}},
    "allOf": [{"$ref": "#/$defs/base"}],
    "if": {"properties": {"kind": {"const": "team"}}, "required": ["kind"]},
    "then": {"properties": {"members": {"type": "array"}}},
    "unevaluatedProperties": false
  })");
  EXPECT_TRUE(valid(schema, json::parse(R"({"id": 1, "kind": "team", "members": []})")));
  EXPECT_FALSE(valid(schema, json::parse(R"({"id": 1, "kind": "solo", "members": []})")));
  const auto issues = errors(schema, json::parse(R"({"id": 1, "extra": true})"));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].message_key, "schema.unevaluatedProperties");
  EXPECT_EQ(issues[0].params, (json{{"property", "extra"}}));
}

TEST(Format, AnnotationByDefault) {
  EXPECT_TRUE(valid({{"format", "email"}}, "not an email"));
  EXPECT_TRUE(valid({{"format", "no-such-format"}}, "x"));
  Options o;
  o.format_assertion = true;
  EXPECT_TRUE(valid({{"format", "no-such-format"}}, "x", o));  // unknown formats are ignored
}

}  // namespace
}  // namespace greenapply::json_schema

namespace greenapply::json_schema {
namespace {

TEST(Equality, LongArraysUseTheSameEquality) {
  const Validator v = Validator::compile(json{{"uniqueItems", true}});
  json items = json::array();
  for (int i = 0; i < 5000; ++i) items.push_back(json{{"n", i}, {"tags", {i % 7, "x"}}});
  EXPECT_TRUE(v.is_valid(items));
  items.push_back(json::parse(R"({"n": 4321.0, "tags": [2, "x"]})"));  // equals item 4321
  const auto issues = v.validate(items);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].params, (json{{"first", 4321}, {"second", 5000}}));
  json mixed = json::array();
  for (int i = 0; i < 40; ++i) mixed.push_back(i % 2 ? json(i) : json(std::to_string(i)));
  mixed.push_back(false);
  mixed.push_back(0);  // 0 is not false, and "0" is a string
  EXPECT_TRUE(v.is_valid(mixed));
  mixed.push_back(json::parse("39.0"));
  EXPECT_FALSE(v.is_valid(mixed));
}

}  // namespace
}  // namespace greenapply::json_schema

namespace greenapply::json_schema {
namespace {

TEST(Vocabularies, UnknownRequiredVocabularyIsRefusedOptionalIgnored) {
  auto meta_with = [](bool required) {
    return [required](const std::string& uri) -> std::optional<json> {
      if (uri != "https://example.org/meta") return std::nullopt;
      json meta = json::parse(R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.org/meta",
        "$vocabulary": {"https://json-schema.org/draft/2020-12/vocab/core": true,
                        "https://json-schema.org/draft/2020-12/vocab/applicator": true}})");
      meta["$vocabulary"]["https://example.org/vocab/colours"] = required;
      return meta;
    };
  };
  const json schema = json::parse(R"({"$schema": "https://example.org/meta",
      "properties": {"a": {"minimum": 5}}})");
  try {
    Validator::compile(schema, {}, meta_with(true));
    FAIL() << "expected SchemaError";
  } catch (const SchemaError& e) {
    EXPECT_EQ(e.issue().message_key, "schema_error.unknown_vocabulary");
    EXPECT_EQ(e.issue().params["vocabulary"], "https://example.org/vocab/colours");
  }
  // Optional unknown vocabulary: ignored; validation vocabulary absent, so "minimum" is not
  // asserted, while the applicator vocabulary still applies "properties".
  const Validator v = Validator::compile(schema, {}, meta_with(false));
  EXPECT_TRUE(v.is_valid(json{{"a", 1}}));
}

TEST(Refs, AnchorsAndEmbeddedResourcesResolveAgainstTheirBase) {
  const json schema = json::parse(R"({
    "$id": "https://example.org/root.json",
    "properties": {
      "a": {"$ref": "#positive"},
      "b": {"$ref": "inner.json#/$defs/short"},
      "c": {"$ref": "https://example.org/root.json#/$defs/p%25ct"}
    },
    "$defs": {
      "positive": {"$anchor": "positive", "exclusiveMinimum": 0},
      "inner": {"$id": "inner.json", "$defs": {"short": {"maxLength": 2}}},
      "p%ct": {"type": "boolean"}
    }})");
  const Validator v = Validator::compile(schema);
  EXPECT_TRUE(v.is_valid(json{{"a", 1}, {"b", "xy"}, {"c", true}}));
  const auto issues = v.validate(json{{"a", 0}, {"b", "xyz"}, {"c", 1}});
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].absolute_keyword_location,
            "https://example.org/root.json#/$defs/positive/exclusiveMinimum");
  EXPECT_EQ(issues[1].absolute_keyword_location,
            "https://example.org/inner.json#/$defs/short/maxLength");
  EXPECT_EQ(issues[1].keyword_location, "/properties/b/$ref/maxLength");
  EXPECT_EQ(issues[2].keyword_location, "/properties/c/$ref/type");
}

}  // namespace
}  // namespace greenapply::json_schema
