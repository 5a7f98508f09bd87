// Schemas split across documents: the caller's base URI (where the schema was read from), the
// draft-07 "$id" that "$ref" makes ignored, and the dialect of a referenced document that
// declares none. The core never reads files; the resolver here is a map of URIs to documents.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "greenapply/json_schema.hpp"

namespace greenapply::json_schema {
namespace {

using greenapply::json;

// A resolver over fixed documents that records which URIs were asked for.
struct Documents {
  std::map<std::string, json> by_uri;
  std::vector<std::string> asked;
  Resolver resolver() {
    return [this](const std::string& uri) -> std::optional<json> {
      asked.push_back(uri);
      const auto it = by_uri.find(uri);
      if (it == by_uri.end()) return std::nullopt;
      return it->second;
    };
  }
};

TEST(SplitSchema, RelativeRefsResolveAgainstTheBaseUri) {
  Documents docs;
  docs.by_uri["file:///forms/parts/name.json"] = json{{"type", "string"}};
  Options o;
  o.base_uri = "file:///forms/main.json";
  const Validator v = Validator::compile(json{{"$ref", "parts/name.json"}}, o, docs.resolver());
  EXPECT_TRUE(v.is_valid("x"));
  EXPECT_FALSE(v.is_valid(1));
  EXPECT_EQ(docs.asked, std::vector<std::string>{"file:///forms/parts/name.json"});
  // Without a base the same reference names nothing.
  EXPECT_THROW(Validator::compile(json{{"$ref", "parts/name.json"}}, {}, docs.resolver()), SchemaError);
}

TEST(SplitSchema, ARootIdStillOverridesTheBaseUri) {
  Documents docs;
  docs.by_uri["https://example.com/s/name.json"] = json{{"type", "string"}};
  Options o;
  o.base_uri = "file:///forms/main.json";
  const json schema = {{"$id", "https://example.com/s/main.json"}, {"properties", {{"n", {{"$ref", "name.json"}}}}}};
  const Validator v = Validator::compile(schema, o, docs.resolver());
  EXPECT_FALSE(v.is_valid(json{{"n", 1}}));
}

TEST(SplitSchema, Draft7FallsBackToTheIgnoredSiblingIdOnlyWhenTheFileIsUnknown) {
  const json schema = json::parse(R"({"$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://example.com/s/main.json", "$ref": "part.json"})");
  Options o;
  o.base_uri = "file:///forms/main.json";
  Documents by_id;
  by_id.by_uri["https://example.com/s/part.json"] = json{{"type", "integer"}};
  const Validator fallback = Validator::compile(schema, o, by_id.resolver());
  EXPECT_TRUE(fallback.is_valid(3));
  EXPECT_FALSE(fallback.is_valid("3"));
  // The file beside the schema is the spec's answer and wins when it exists.
  Documents both = by_id;
  both.by_uri["file:///forms/part.json"] = json{{"type", "string"}};
  const Validator spec = Validator::compile(schema, o, both.resolver());
  EXPECT_TRUE(spec.is_valid("3"));
  EXPECT_FALSE(spec.is_valid(3));
}

TEST(SplitSchema, AReferencedDocumentWithoutSchemaTakesTheReferrersDialect) {
  Documents docs;
  // Draft-07 reading: "$ref" overrides "maxLength"; "#inner" is a plain-name "$id".
  docs.by_uri["https://example.com/plain.json"] = json::parse(
      R"({"$ref": "#inner", "maxLength": 1, "definitions": {"s": {"$id": "#inner", "type": "string"}}})");
  const json draft7 = json::parse(R"({"$schema": "http://json-schema.org/draft-07/schema#",
    "$ref": "https://example.com/plain.json"})");
  const Validator seven = Validator::compile(draft7, {}, docs.resolver());
  EXPECT_TRUE(seven.is_valid("abc"));
  EXPECT_FALSE(seven.is_valid(1));
  const json draft2020 = json::parse(R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
    "$ref": "https://example.com/plain.json"})");
  // Read as 2020-12 (what happened before), "#inner" is no anchor and the schema is refused.
  EXPECT_THROW(Validator::compile(draft2020, {}, docs.resolver()), SchemaError);
}

TEST(Draft2019, RecursiveRefExtendsTheOutermostRecursiveAnchor) {
  Documents docs;
  // A tree whose nodes are extended by the referring schema: every nested node must carry
  // "name" because the outer resource also has "$recursiveAnchor": true.
  docs.by_uri["https://example.com/tree.json"] = json::parse(R"({"$schema": "https://json-schema.org/draft/2019-09/schema",
    "$id": "https://example.com/tree.json", "$recursiveAnchor": true, "type": "object",
    "properties": {"kids": {"type": "array", "items": {"$recursiveRef": "#"}}}})");
  const json named = json::parse(R"({"$schema": "https://json-schema.org/draft/2019-09/schema",
    "$id": "https://example.com/named.json", "$recursiveAnchor": true,
    "$ref": "tree.json", "required": ["name"]})");
  const Validator v = Validator::compile(named, {}, docs.resolver());
  EXPECT_TRUE(v.is_valid(json::parse(R"({"name": "a", "kids": [{"name": "b"}]})")));
  EXPECT_FALSE(v.is_valid(json::parse(R"({"name": "a", "kids": [{"kids": []}]})")));
  // Without the outer anchor the tree's own root is the target: nested nodes need no name.
  json plain = named;
  plain.erase("$recursiveAnchor");
  EXPECT_TRUE(Validator::compile(plain, {}, docs.resolver()).is_valid(json::parse(R"({"name": "a", "kids": [{"kids": []}]})")));
}

}  // namespace
}  // namespace greenapply::json_schema
