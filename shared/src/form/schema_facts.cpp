// schema_facts() and drop_unknown_answers() (greenapply/form.hpp): the page's questions about the
// data schema — a field's default, whether an answer still has a field, which shared list labels
// a field's options — answered by the same schema walk the core uses for types (SchemaTypes), so
// the page and the core cannot disagree about what a pointer names.
#include <cstdint>
#include <string>

#include "greenapply/form.hpp"
#include "package_data.hpp"
#include "pointer.hpp"
#include "schema_types.hpp"

namespace greenapply::form {

using greenapply::json;

namespace {

constexpr int kMaxAllOfDepth = 8;  // nested allOf searched for a property's own node
constexpr int kMaxRefHops = 16;    // "$ref" chain followed for a default

bool is_item_step(const std::string& token) {
  return token == "*" || (!token.empty() && token.find_first_not_of("0123456789") == std::string::npos);
}

// The schema node of the pointer's last step as written, before its "$ref" is followed: a
// "default" beside a "$ref" (allowed in 2020-12) belongs to this node, not to the target.
const json* own_node(const SchemaTypes& types, const std::string& pointer) {
  std::vector<std::string> steps = split_pointer(pointer);
  if (steps.empty()) return nullptr;
  const std::string last = steps.back();
  steps.pop_back();
  const json* parent = steps.empty() ? &types.root() : types.find_pointer(join_pointer(steps));
  const auto search = [&](const auto& self, const json* node, int depth) -> const json* {
    node = types.resolved(node);
    if (node == nullptr || !node->is_object() || depth > kMaxAllOfDepth) return nullptr;
    if (is_item_step(last)) {
      if (const auto items = node->find("items"); items != node->end()) return &*items;
    } else if (const auto props = node->find("properties"); props != node->end() && props->is_object()) {
      if (const auto p = props->find(last); p != props->end()) return &*p;
    }
    if (const auto all = node->find("allOf"); all != node->end() && all->is_array()) {
      for (const json& branch : *all) {
        if (const json* found = self(self, &branch, depth + 1)) return found;
      }
    }
    return nullptr;
  };
  return parent == nullptr ? nullptr : search(search, parent, 0);
}

// The nearest "default" along the field's "$ref" chain, or nullptr.
const json* field_default(const SchemaTypes& types, const std::string& pointer) {
  const json* node = own_node(types, pointer);
  const json* doc = nullptr;  // the document `node` lives in (nullptr: the data schema)
  for (int hops = 0; node != nullptr && node->is_object() && hops < kMaxRefHops; ++hops) {
    if (const auto d = node->find("default"); d != node->end()) return &*d;
    node = types.follow_ref(*node, doc);
  }
  return nullptr;
}

// Sets `value` at `pointer` in `doc`, making the objects (or, for an index step, arrays) on the way.
void set_at(json& doc, const std::string& pointer, const json& value) {
  json* node = &doc;
  for (const std::string& token : split_pointer(pointer)) {
    if (!node->is_object() && !node->is_array()) *node = is_item_step(token) ? json::array() : json::object();
    if (node->is_array()) {
      const std::size_t i = std::stoul(token);
      if (node->size() <= i) node->get_ref<json::array_t&>().resize(i + 1);
      node = &(*node)[i];
    } else {
      node = &(*node)[token];
    }
  }
  *node = value;
}

// "x-greenapply-texts" of the field's schema (or of its items' schema, for a list of choices).
const json* text_list(const SchemaTypes& types, const std::string& pointer) {
  const json* s = types.find_pointer(pointer);
  if (s != nullptr && s->is_object() && s->value("type", json()) == "array") {
    if (const auto items = s->find("items"); items != s->end()) s = types.resolved(&*items);
  }
  if (s == nullptr || !s->is_object()) return nullptr;
  const auto prefix = s->find("x-greenapply-texts");
  return prefix != s->end() && prefix->is_string() ? &*prefix : nullptr;
}

// The values a choice field offers: the enum of its items' (or its own) schema, else a small
// integer range (at most 21 values, each a radio button).
json options_of(const SchemaTypes& types, const json& schema) {
  const auto items = schema.find("items");
  const json* s = types.resolved(items != schema.end() ? &*items : &schema);
  if (s != nullptr && s->is_object()) {
    if (const auto e = s->find("enum"); e != s->end() && e->is_array()) return *e;
  }
  if (const auto e = schema.find("enum"); e != schema.end() && e->is_array()) return *e;
  const auto min = schema.find("minimum");
  const auto max = schema.find("maximum");
  if (schema.value("type", json()) == "integer" && min != schema.end() && max != schema.end() &&
      min->is_number_integer() && max->is_number_integer()) {
    const auto lo = min->get<std::int64_t>();
    const auto hi = max->get<std::int64_t>();
    if (hi >= lo && hi - lo <= 20) {
      json range = json::array();
      for (auto v = lo; v <= hi; ++v) range.push_back(v);
      return range;
    }
  }
  return json::array();
}

SchemaTypes types_of(const PackageData& data) {
  const auto common = data.bundle.find("common_schemas");
  return SchemaTypes(data.bundle.at("data_schema"), common != data.bundle.end() ? &*common : nullptr);
}

}  // namespace

json schema_facts(const FormPackage& package) {
  const PackageData& data = package.data();
  const SchemaTypes types = types_of(data);
  json fresh = json::object();
  json item_defaults = json::object();
  json text_lists = json::object();
  json fields = json::object();
  // Fresh answers and item defaults follow the layout as written (top-level fields, each repeat
  // group's own fields), which is what the page renders.
  const json layout = data.bundle.value("layout", json::object());
  for (const json& section : layout.value("sections", json::array())) {
    for (const json& field : section.value("fields", json::array())) {
      const std::string pointer = field.value("pointer", "");
      if (pointer.empty()) continue;  // a computed value is not an answer
      if (const json* d = field_default(types, pointer)) set_at(fresh, pointer, *d);
      json item = json::object();
      for (const json& sub : field.value("fields", json::array())) {
        const std::string rel = sub.value("pointer", "");
        if (rel.empty()) continue;
        if (const json* d = field_default(types, pointer + "/*/" + rel)) set_at(item, "/" + rel, *d);
      }
      if (!item.empty()) item_defaults[pointer] = std::move(item);
    }
  }
  for (const LayoutField& field : data.fields) {
    if (field.pointer.empty()) continue;
    if (const json* prefix = text_list(types, field.pointer)) text_lists[field.pointer] = *prefix;
    if (field.widget == "repeat") continue;  // a group: its own fields are listed
    const json* schema = types.find_pointer(field.pointer);
    if (schema == nullptr || !schema->is_object()) continue;
    fields[field.pointer] = {{"schema", *schema}, {"options", options_of(types, *schema)}};
  }
  return {{"fresh_answers", std::move(fresh)}, {"item_defaults", std::move(item_defaults)},
          {"text_lists", std::move(text_lists)}, {"fields", std::move(fields)}};
}

json drop_unknown_answers(const FormPackage& package, json& answers) {
  const SchemaTypes types = types_of(package.data());
  json dropped = json::array();
  const auto walk = [&](const auto& self, json& node, const std::string& pointer) -> void {
    if (!node.is_object()) return;
    for (auto it = node.begin(); it != node.end();) {
      std::string p = pointer;
      json_pointer::append_token(p, it.key());
      if (types.find_pointer(p) == nullptr) {
        dropped.push_back({{"pointer", p}, {"value", std::move(it.value())}});
        it = node.erase(it);
        continue;
      }
      if (!it->is_array()) self(self, *it, p);
      ++it;
    }
  };
  walk(walk, answers, "");
  return dropped;
}

}  // namespace greenapply::form
