// Lint rule 3b. field error texts name a field and a keyword that field can raise.
#include <algorithm>
#include <set>

#include "linter.hpp"
#include "../pointer.hpp"

namespace greenapply::form::lint_rules {

namespace {

// `node` and every subschema that applies in place to the same answer.
void closure(std::pair<const json*, const json*> n, const SchemaTypes& types,
                    std::vector<std::pair<const json*, const json*>>& out, int depth) {
  if (!n.first || depth > 16) return;
  out.push_back(n);
  const json& s = *n.first;
  if (!s.is_object()) return;
  const json* in = n.second;
  if (const json* target = types.follow_ref(s, in)) closure({target, in}, types, out, depth + 1);
  for (const char* key : {"allOf", "anyOf", "oneOf"}) {
    if (const auto list = s.find(key); list != s.end() && list->is_array())
      for (const auto& branch : *list) closure({&branch, n.second}, types, out, depth + 1);
  }
  for (const char* key : {"then", "else"}) {
    if (const auto branch = s.find(key); branch != s.end()) closure({&*branch, n.second}, types, out, depth + 1);
  }
  if (const auto deps = s.find("dependentSchemas"); deps != s.end() && deps->is_object())
    for (const auto& [name, branch] : deps->items()) closure({&branch, n.second}, types, out, depth + 1);
}

// The subschemas of the items of arrays among `nodes`.
std::vector<std::pair<const json*, const json*>> items_of(
    const std::vector<std::pair<const json*, const json*>>& nodes, const SchemaTypes& types) {
  std::vector<std::pair<const json*, const json*>> out;
  for (const auto& [node, in] : nodes) {
    if (!node->is_object()) continue;
    if (const auto items = node->find("items"); items != node->end() && items->is_object())
      closure({&*items, in}, types, out, 0);
    if (const auto prefix = node->find("prefixItems"); prefix != node->end() && prefix->is_array())
      for (const auto& item : *prefix) closure({&item, in}, types, out, 0);
  }
  return out;
}

}  // namespace

// 3b. field error texts ("<field>.error.<keyword>", see Evaluation::message_of): each must
// name a field of the data schema and a keyword that field's schema can raise; otherwise the
// text is never shown (a typo, or a field renamed since), which is worth a warning, not a block.
void Linter::error_texts() {
  const json& i18n = doc("i18n");
  if (!i18n.is_object()) return;
  std::set<std::string> keys;  // every language: the parity check reports the ones missing in one
  for (const auto& [lang, table] : i18n.items()) {
    if (table.is_object())
      for (const auto& [k, v] : table.items()) keys.insert(k);
  }
  const SchemaTypes types(doc("data_schema"), &doc("common_schemas"));
  static const std::string kMarker = ".error.";
  for (const auto& key : keys) {
    const auto at = key.rfind(kMarker);
    if (at == std::string::npos || at == 0) continue;
    const std::string field = key.substr(0, at);
    const std::string keyword = key.substr(at + kMarker.size());
    if (keyword.empty() || keyword.find('.') != std::string::npos) continue;
    const std::string where = "/" + escape_token(key);
    const std::string file = i18n.contains("en") && i18n["en"].is_object() && i18n["en"].contains(key)
                                 ? "i18n/en.json"
                                 : "i18n/zh.json";
    bool exists = false;
    const std::set<std::string> raisable = raisable_keywords(types, field, exists);
    if (!exists)
      problem(file, where, "lint.error_text_unknown_field", {{"key", key}, {"field", field}},
              Severity::warning);
    else if (!raisable.count(keyword))
      problem(file, where, "lint.error_text_unknown_keyword",
              {{"key", key}, {"field", field}, {"keyword", keyword}, {"keywords", json(raisable)}},
              Severity::warning);
  }
}

// The schema.* keywords an answer at the field `field_key` ("team.core_team.email": section,
// repeat, field; array items have no token, as in text keys) can raise. The walk takes every
// branch of the schema (allOf/anyOf/oneOf/then/else/dependentSchemas and $ref, keeping a
// node's own keywords beside its reference's), not just the first as type lookup does: a
// pattern required by an if/then on the country is as real as an unconditional one.
std::set<std::string> Linter::raisable_keywords(const SchemaTypes& types, const std::string& field_key, bool& exists) const {
  using Node = std::pair<const json*, const json*>;  // subschema, the document it lives in
  const json* root_doc = &types.root();
  std::vector<Node> current;
  closure({root_doc, root_doc}, types, current, 0);
  std::vector<std::string> tokens;
  for (std::size_t start = 0;;) {
    const auto dot = field_key.find('.', start);
    tokens.push_back(field_key.substr(start, dot == std::string::npos ? dot : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  bool required_by_parent = false;
  for (const auto& token : tokens) {
    std::vector<Node> next;
    required_by_parent = false;
    // An object's property, or (array indexes have no token) the property of its items',
    // through as many array levels as the schema nests (bounded).
    std::vector<Node> frontier = current;
    for (int level = 0; level < 4 && !frontier.empty(); ++level) {
      for (const auto& [node, in] : frontier) {
        if (!node->is_object()) continue;
        if (const auto props = node->find("properties"); props != node->end() && props->is_object()) {
          if (const auto p = props->find(token); p != props->end()) closure({&*p, in}, types, next, 0);
        }
        if (const auto req = node->find("required"); req != node->end() && req->is_array() &&
                                                     std::find(req->begin(), req->end(), token) != req->end())
          required_by_parent = true;
      }
      frontier = items_of(frontier, types);
    }
    current = std::move(next);
    if (current.empty()) {
      exists = false;
      return {};
    }
  }
  exists = true;
  // Keywords of the field and of its items at any depth (an item's error has the field's key),
  // except "required", which speaks at the missing child: that one counts when a parent asks.
  static const std::set<std::string> kKeywords = {
      "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
      "maxLength", "minLength", "pattern", "format", "items", "additionalItems", "contains", "minContains",
      "maxContains", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties",
      "dependentRequired", "additionalProperties", "propertyNames", "anyOf", "oneOf", "not",
      "unevaluatedItems", "unevaluatedProperties"};
  std::set<std::string> out;
  std::vector<Node> level = current;
  for (int depth = 0; depth < 4 && !level.empty(); ++depth) {
    for (const auto& [node, in] : level) {
      if (node->is_boolean() && !node->get<bool>()) out.insert("false");
      if (!node->is_object()) continue;
      for (const auto& [k, v] : node->items()) {
        if (kKeywords.count(k)) out.insert(k);
      }
    }
    level = items_of(level, types);
  }
  if (required_by_parent) out.insert("required");
  return out;
}

}  // namespace greenapply::form::lint_rules
