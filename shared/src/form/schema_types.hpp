// What type the data schema gives a field, for type-checking expressions at load time.
// Follows "properties", "items" (path step "[]"), "$ref"s (local ones, and absolute ones into the
// shared schemas of schemas/common such as the technology taxonomy) and the branches of
// allOf/anyOf/oneOf/if/then/else (the first that knows the field wins).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/expression.hpp"

namespace greenapply::form {

// The shared schema document (schemas/common/*.schema.json) with this "$id" in the bundle's
// "common_schemas" list, or nullptr (also when the list is null or not an array).
const greenapply::json* find_common_schema(const greenapply::json* common_schemas, const std::string& uri);

class SchemaTypes {
 public:
  // `common_schemas`: the bundle's array of shared schema documents, found by their "$id"
  // (may be null or not an array: then only local references resolve).
  explicit SchemaTypes(const greenapply::json& schema, const greenapply::json* common_schemas = nullptr)
      : root_(schema), common_(common_schemas) {}
  // The subschema for a path of property names ("[]" = array items), or nullptr if no branch
  // of the schema declares it.
  const greenapply::json* find(const std::vector<std::string>& path) const;
  std::optional<expr::Type> type_of(const std::vector<std::string>& path) const;
  // expr::Type of a subschema ("format": "date" → date).
  expr::Type type_of(const greenapply::json& subschema) const;
  // Same for a JSON pointer into the answers with "*" or digits for array items.
  const greenapply::json* find_pointer(const std::string& pointer) const;
  const greenapply::json& root() const { return root_; }
  // The shared schema document a "$ref" target URI (without fragment) names, or nullptr.
  const greenapply::json* common_document(const std::string& uri) const;
  // One "$ref" hop from `node`, found in `doc` (the document `node` lives in: the data schema or
  // a shared one); updates `doc` to the target's document. nullptr when node has no "$ref" or
  // its target is not found. Lint uses it to see a node's own keywords beside its target's.
  const greenapply::json* follow_ref(const greenapply::json& node, const greenapply::json*& doc) const;
  // `node` with its "$ref"s followed (local ones in the data schema, absolute ones in the shared
  // documents), as find() steps through them.
  const greenapply::json* resolved(const greenapply::json* node) const { return resolve(node); }

 private:
  const greenapply::json* resolve(const greenapply::json* node) const;
  const greenapply::json* child(const greenapply::json* node, const std::string& step, int depth) const;
  const greenapply::json& root_;
  const greenapply::json* common_;
};

}  // namespace greenapply::form
