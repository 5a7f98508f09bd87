// What type the data schema gives a field, for type-checking expressions at load time.
// Follows "properties", "items" (path step "[]"), "$ref"s (local ones, and absolute ones into the
// shared schemas of schemas/common such as the technology taxonomy) and the branches of
// allOf/anyOf/oneOf/if/then/else (the first that knows the field wins).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "greenapply/expression.hpp"

namespace greenapply::form {

// The shared schema document (schemas/common/*.schema.json) with this "$id" in the bundle's
// "common_schemas" list, or nullptr (also when the list is null or not an array).
const nlohmann::json* find_common_schema(const nlohmann::json* common_schemas, const std::string& uri);

class SchemaTypes {
 public:
  // `common_schemas`: the bundle's array of shared schema documents, found by their "$id"
  // (may be null or not an array: then only local references resolve).
  explicit SchemaTypes(const nlohmann::json& schema, const nlohmann::json* common_schemas = nullptr)
      : root_(schema), common_(common_schemas) {}
  // The subschema for a path of property names ("[]" = array items), or nullptr if no branch
  // of the schema declares it.
  const nlohmann::json* find(const std::vector<std::string>& path) const;
  std::optional<expr::Type> type_of(const std::vector<std::string>& path) const;
  // expr::Type of a subschema ("format": "date" → date).
  expr::Type type_of(const nlohmann::json& subschema) const;
  // Same for a JSON pointer into the answers with "*" or digits for array items.
  const nlohmann::json* find_pointer(const std::string& pointer) const;
  const nlohmann::json& root() const { return root_; }
  // The shared schema document a "$ref" target URI (without fragment) names, or nullptr.
  const nlohmann::json* common_document(const std::string& uri) const;
  // One "$ref" hop from `node`, found in `doc` (the document `node` lives in: the data schema or
  // a shared one); updates `doc` to the target's document. nullptr when node has no "$ref" or
  // its target is not found. Lint uses it to see a node's own keywords beside its target's.
  const nlohmann::json* follow_ref(const nlohmann::json& node, const nlohmann::json*& doc) const;
  // `node` with its "$ref"s followed (local ones in the data schema, absolute ones in the shared
  // documents), as find() steps through them.
  const nlohmann::json* resolved(const nlohmann::json* node) const { return resolve(node); }

 private:
  const nlohmann::json* resolve(const nlohmann::json* node) const;
  const nlohmann::json* child(const nlohmann::json* node, const std::string& step, int depth) const;
  const nlohmann::json& root_;
  const nlohmann::json* common_;
};

}  // namespace greenapply::form
