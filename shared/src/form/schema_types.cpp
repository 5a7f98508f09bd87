#include "schema_types.hpp"

#include "pointer.hpp"

namespace greenapply::form {

namespace {
constexpr int kMaxBranchDepth = 16;  // bounds the walk through nested allOf/if/then on hostile schemas
}

const greenapply::json* find_common_schema(const greenapply::json* common_schemas, const std::string& uri) {
  if (!common_schemas || !common_schemas->is_array()) return nullptr;
  for (const auto& doc : *common_schemas) {
    if (doc.is_object() && doc.contains("$id") && doc["$id"] == uri) return &doc;
  }
  return nullptr;
}

const greenapply::json* SchemaTypes::common_document(const std::string& uri) const {
  return find_common_schema(common_, uri);
}

const greenapply::json* SchemaTypes::follow_ref(const greenapply::json& node, const greenapply::json*& doc) const {
  if (!node.is_object()) return nullptr;
  const auto ref = node.find("$ref");
  if (ref == node.end() || !ref->is_string()) return nullptr;
  const std::string& target = ref->get_ref<const std::string&>();
  const auto hash = target.find('#');
  const greenapply::json* in = doc ? doc : &root_;
  if (hash != 0) {
    in = common_document(target.substr(0, hash));
    if (!in) return nullptr;
  }
  const greenapply::json* found = hash == std::string::npos ? in : find_at(*in, target.substr(hash + 1));
  if (found) doc = in;
  return found;
}

const greenapply::json* SchemaTypes::resolve(const greenapply::json* node) const {
  // Local references ("#/$defs/x") resolve in the data schema; absolute ones
  // ("https://…/taxonomy.schema.json#/$defs/tech_field") in the shared document with that "$id",
  // and local references met inside a shared document resolve in that document.
  const greenapply::json* doc = &root_;
  for (int hops = 0; node && node->is_object() && hops < 32; ++hops) {
    const auto ref = node->find("$ref");
    if (ref == node->end() || !ref->is_string()) return node;
    const std::string& target = ref->get_ref<const std::string&>();
    const auto hash = target.find('#');
    if (hash != 0) {
      doc = common_document(target.substr(0, hash));
      if (!doc) return node;
    }
    node = hash == std::string::npos ? doc : find_at(*doc, target.substr(hash + 1));
  }
  return node;
}

const greenapply::json* SchemaTypes::child(const greenapply::json* node, const std::string& step,
                                         int depth) const {
  node = resolve(node);
  if (!node || !node->is_object() || depth > kMaxBranchDepth) return nullptr;
  if (step == "[]") {
    if (const auto items = node->find("items"); items != node->end() && items->is_object())
      return resolve(&*items);
  } else if (const auto props = node->find("properties"); props != node->end() && props->is_object()) {
    if (const auto p = props->find(step); p != props->end()) return resolve(&*p);
  }
  for (const char* key : {"allOf", "anyOf", "oneOf"}) {
    if (const auto list = node->find(key); list != node->end() && list->is_array()) {
      for (const auto& branch : *list) {
        if (const auto* found = child(&branch, step, depth + 1)) return found;
      }
    }
  }
  for (const char* key : {"then", "else"}) {
    if (const auto branch = node->find(key); branch != node->end()) {
      if (const auto* found = child(&*branch, step, depth + 1)) return found;
    }
  }
  return nullptr;
}

const greenapply::json* SchemaTypes::find(const std::vector<std::string>& path) const {
  const greenapply::json* node = &root_;
  for (const auto& step : path) {
    node = child(node, step, 0);
    if (!node) return nullptr;
  }
  return node;
}

const greenapply::json* SchemaTypes::find_pointer(const std::string& pointer) const {
  std::vector<std::string> path;
  for (auto& token : split_pointer(pointer)) {
    const bool index = token == "*" || (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos);
    path.push_back(index ? "[]" : token);
  }
  return find(path);
}

expr::Type SchemaTypes::type_of(const greenapply::json& subschema) const {
  const greenapply::json* s = resolve(&subschema);
  if (!s || !s->is_object()) return expr::Type::any;
  if (const auto f = s->find("format"); f != s->end() && *f == "date") return expr::Type::date;
  if (const auto c = s->find("const"); c != s->end()) {
    if (c->is_boolean()) return expr::Type::boolean;
    if (c->is_number()) return expr::Type::number;
    if (c->is_string()) return expr::Type::string;
  }
  auto from_name = [](const std::string& t) {
    if (t == "string") return expr::Type::string;
    if (t == "number" || t == "integer") return expr::Type::number;
    if (t == "boolean") return expr::Type::boolean;
    if (t == "array") return expr::Type::list;
    if (t == "object") return expr::Type::object;
    if (t == "null") return expr::Type::null;
    return expr::Type::any;
  };
  if (const auto t = s->find("type"); t != s->end()) {
    if (t->is_string()) return from_name(t->get<std::string>());
    if (t->is_array()) {
      for (const auto& name : *t) {
        if (name.is_string() && name != "null") return from_name(name.get<std::string>());
      }
    }
  }
  if (const auto e = s->find("enum"); e != s->end() && e->is_array() && !e->empty()) {
    const auto& first = (*e)[0];
    if (first.is_string()) return expr::Type::string;
    if (first.is_number()) return expr::Type::number;
    if (first.is_boolean()) return expr::Type::boolean;
  }
  return expr::Type::any;
}

std::optional<expr::Type> SchemaTypes::type_of(const std::vector<std::string>& path) const {
  const greenapply::json* node = find(path);
  if (!node) return std::nullopt;
  return type_of(*node);
}

}  // namespace greenapply::form
