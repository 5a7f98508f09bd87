// Compiles a schema document into Nodes. Two passes over each document: scan() finds every
// schema resource ("$id"), anchor and subschema; then Nodes are filled from a work list (no
// recursion, so long $ref chains cannot exhaust the stack), with every $ref resolved to the
// Node it names. Recursive schemas simply point back at an existing Node.
#include <algorithm>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "compiled.hpp"
#include "formats_bridge.hpp"
#include "metaschemas.hpp"
#include "uri.hpp"

namespace greenapply::json_schema::detail {

using nlohmann::json;

namespace {

constexpr std::string_view kDraft2020Uri = "https://json-schema.org/draft/2020-12/schema";
constexpr std::string_view kDraft2019Uri = "https://json-schema.org/draft/2019-09/schema";
// Whether this build knows draft 2019-09 (GREENAPPLY_DRAFT2019, CMakeLists.txt). Without it a
// 2019-09 schema is refused as an unknown dialect, and the code below that only 2019-09 reaches
// is dropped by the compiler.
constexpr bool kDraft2019 = GREENAPPLY_DRAFT2019 != 0;

// "$recursiveAnchor": true (2019-09) is kept as a dynamic anchor with this name, which no
// "$dynamicAnchor" can have (anchors are non-empty), so "$recursiveRef" reuses $dynamicRef's
// dynamic-scope lookup.
constexpr const char* kRecursiveAnchor = "";

std::optional<Dialect> known_dialect(std::string_view uri) {
  if (!uri.empty() && uri.back() == '#') uri.remove_suffix(1);
  if (uri == kDraft2020Uri) return Dialect::draft2020_12;
  if (kDraft2019 && uri == kDraft2019Uri) return Dialect::draft2019_09;
  if (uri == "http://json-schema.org/draft-07/schema" ||
      uri == "https://json-schema.org/draft-07/schema")
    return Dialect::draft7;
  return std::nullopt;
}

std::optional<unsigned> known_vocabulary(std::string_view uri) {
  static const std::pair<std::string_view, unsigned> kVocabularies[] = {
      {"https://json-schema.org/draft/2020-12/vocab/core", kVocabCore},
      {"https://json-schema.org/draft/2020-12/vocab/applicator", kVocabApplicator},
      {"https://json-schema.org/draft/2020-12/vocab/unevaluated", kVocabUnevaluated},
      {"https://json-schema.org/draft/2020-12/vocab/validation", kVocabValidation},
      {"https://json-schema.org/draft/2020-12/vocab/meta-data", kVocabMetaData},
      {"https://json-schema.org/draft/2020-12/vocab/format-annotation", kVocabFormatAnnotation},
      {"https://json-schema.org/draft/2020-12/vocab/format-assertion", kVocabFormatAssertion},
      {"https://json-schema.org/draft/2020-12/vocab/content", kVocabContent},
#if GREENAPPLY_DRAFT2019
      // 2019-09: unevaluated* belong to the applicator vocabulary, "format" has one vocabulary.
      {"https://json-schema.org/draft/2019-09/vocab/core", kVocabCore},
      {"https://json-schema.org/draft/2019-09/vocab/applicator", kVocabApplicator | kVocabUnevaluated},
      {"https://json-schema.org/draft/2019-09/vocab/validation", kVocabValidation},
      {"https://json-schema.org/draft/2019-09/vocab/meta-data", kVocabMetaData},
      {"https://json-schema.org/draft/2019-09/vocab/format", kVocabFormatAnnotation},
      {"https://json-schema.org/draft/2019-09/vocab/content", kVocabContent},
#endif
  };
  for (const auto& [name, bit] : kVocabularies) {
    if (name == uri) return bit;
  }
  return std::nullopt;
}

enum class Shape { none, single, list, map };

// Which keywords hold subschemas (both dialects; scanning extra places is harmless).
Shape subschema_shape(std::string_view key, const json& value) {
  static const std::string_view kSingle[] = {"additionalProperties",
                                             "additionalItems",
                                             "contains",
                                             "propertyNames",
                                             "if",
                                             "then",
                                             "else",
                                             "not",
                                             "unevaluatedItems",
                                             "unevaluatedProperties",
                                             "contentSchema"};
  static const std::string_view kList[] = {"allOf", "anyOf", "oneOf", "prefixItems"};
  static const std::string_view kMap[] = {"properties",  "patternProperties", "$defs",
                                          "definitions", "dependentSchemas",  "dependencies"};
  if (key == "items") return value.is_array() ? Shape::list : Shape::single;
  for (const auto k : kSingle) {
    if (k == key) return Shape::single;
  }
  for (const auto k : kList) {
    if (k == key) return Shape::list;
  }
  for (const auto k : kMap) {
    if (k == key) return Shape::map;
  }
  return Shape::none;
}

struct ScanInfo {
  Resource* resource = nullptr;
  std::string pointer;  // from the resource root
};

struct Resolved {
  const json* target = nullptr;
  Resource* resource = nullptr;  // the resource the URI named (before any pointer)
};

class Compiler {
 public:
  Compiler(CompiledSchema& out, const Resolver& resolver) : c_(out), resolver_(resolver) {}

  void run(const json& schema) {
    c_.documents.push_back(schema);
    const json& root = c_.documents.back();
    const auto [dialect, vocabularies] =
        dialect_of(root, c_.options.default_dialect, kDefaultVocabularies, "", 0);
    Resource& r = new_resource(split_fragment(c_.options.base_uri).base, dialect, vocabularies, &root);
    scan(root, &r, "", 0, true);
    c_.root = node_for(&root);
    // $dynamicRef may land on the $dynamicAnchor of any resource evaluation can enter, i.e.
    // any resource with a compiled node: compile those anchors too, until nothing new appears.
    while (true) {
      drain();
      for (Resource& res : c_.resources) {
        if (used_resources_.count(&res) == 0) continue;
        for (const auto& [name, where] : res.dynamic_anchors) {
          if (dynamic_names_.count(name) == 0 || res.dynamic_nodes.count(name) > 0) continue;
          res.dynamic_nodes[name] = node_for(where);
        }
      }
      if (work_.empty()) break;
    }
    for (Node& n : c_.nodes) n.leaf = leaf_of(n);
  }

  static bool is_leaf_op(Op op) {
    switch (op) {
      case Op::type:
      case Op::enum_:
      case Op::const_:
      case Op::multiple_of:
      case Op::maximum:
      case Op::exclusive_maximum:
      case Op::minimum:
      case Op::exclusive_minimum:
      case Op::max_length:
      case Op::min_length:
      case Op::pattern:
      case Op::format:
      case Op::max_items:
      case Op::min_items:
      case Op::max_properties:
      case Op::min_properties:
        return true;
      default:
        return false;
    }
  }

  // See Node::leaf. Boolean false schemas are never leaves (they always report).
  static const Node* leaf_of(const Node& start) {
    const Node* n = &start;
    for (std::size_t hop = 0; hop <= kMaxLeafHops; ++hop) {
      if (n->is_boolean) return n->boolean_value ? n : nullptr;
      if (n->keywords.size() == 1 && n->keywords[0].op == Op::ref) {
        n = n->keywords[0].sub;
        continue;
      }
      for (const Keyword& k : n->keywords) {
        if (!is_leaf_op(k.op)) return nullptr;
      }
      return n;
    }
    return nullptr;
  }

 private:
  [[noreturn]] void fail(const std::string& location, const std::string& key,
                         json params = json::object()) {
    // Built before `params` is moved into the exception (argument order is unspecified).
    const std::string what = "invalid schema at " + location + ": " + key + " " + params.dump();
    throw SchemaError(what, location, key, std::move(params));
  }

  Resource& new_resource(std::string uri, Dialect dialect, unsigned vocabularies,
                         const json* root) {
    c_.resources.emplace_back();
    Resource& r = c_.resources.back();
    r.uri = std::move(uri);
    r.dialect = dialect;
    r.vocabularies = dialect == Dialect::draft7 ? kDefaultVocabularies : vocabularies;
    r.root = root;
    by_uri_.emplace(r.uri, &r);
    return r;
  }

  // The dialect and vocabularies a schema object declares with "$schema" (or inherits).
  std::pair<Dialect, unsigned> dialect_of(const json& s, Dialect inherited, unsigned inherited_v,
                                          const std::string& location, int hops) {
    if (!s.is_object()) return {inherited, inherited_v};
    const auto it = s.find("$schema");
    if (it == s.end()) return {inherited, inherited_v};
    if (!it->is_string())
      fail(location + "/$schema", "schema_error.bad_keyword", {{"keyword", "$schema"}});
    const std::string uri = it->get<std::string>();
    if (const auto d = known_dialect(uri)) return {*d, kDefaultVocabularies};
    // A custom meta-schema: its own "$schema" gives the dialect, its "$vocabulary" the
    // keywords in force.
    const json* meta = hops < 8 ? fetch_document(split_fragment(uri).base) : nullptr;
    if (meta == nullptr || !meta->is_object() || !meta->contains("$schema")) {
      fail(location + "/$schema", "schema_error.unknown_dialect", {{"schema", uri}});
    }
    const auto [dialect, meta_v] =
        dialect_of(*meta, inherited, inherited_v, split_fragment(uri).base + "#", hops + 1);
    unsigned vocabularies = meta_v;
    const auto voc = meta->find("$vocabulary");
    if (voc != meta->end() && voc->is_object()) {
      vocabularies = kVocabCore;
      for (const auto& [name, required] : voc->items()) {
        if (const auto bit = known_vocabulary(name)) {
          vocabularies |= *bit;
        } else if (required.is_boolean() && required.get<bool>()) {
          fail(location + "/$schema", "schema_error.unknown_vocabulary", {{"vocabulary", name}});
        }
      }
    }
    return {dialect, vocabularies};
  }

  // The document at an absolute URI: one already known, an embedded meta-schema, or one the
  // resolver supplies. nullptr if none. A fetched document without "$schema" is read in
  // `dialect` (the referring schema's), as a file split out of a draft-07 schema is draft-07.
  const json* fetch_document(const std::string& uri) {
    return fetch_document(uri, c_.options.default_dialect);
  }
  const json* fetch_document(const std::string& uri, Dialect dialect_if_undeclared) {
    if (const auto it = by_uri_.find(uri); it != by_uri_.end()) return it->second->root;
    std::optional<json> doc;
    if (const EmbeddedSchema* e = find_embedded_schema(uri)) {
      doc = json::parse(e->text);
    } else if (resolver_) {
      doc = resolver_(uri);
    }
    if (!doc) return nullptr;
    c_.documents.push_back(std::move(*doc));
    const json& root = c_.documents.back();
    const auto [dialect, vocabularies] =
        dialect_of(root, dialect_if_undeclared, kDefaultVocabularies, uri + "#", 0);
    Resource& r = new_resource(uri, dialect, vocabularies, &root);
    scan(root, &r, "", 0, true);
    return &root;
  }

  void scan(const json& s, Resource* res, const std::string& pointer, std::size_t depth,
            bool document_root) {
    if (depth > c_.options.max_depth) {
      fail(res->uri + "#" + pointer, "limit.depth", {{"limit", c_.options.max_depth}});
    }
    if (s.is_boolean()) {
      info_.emplace(&s, ScanInfo{res, pointer});
      return;
    }
    if (!s.is_object()) return;
    Resource* r = res;
    std::string ptr = pointer;
    const auto id = s.find("$id");
    const bool draft7 = res->dialect == Dialect::draft7;
    if (id != s.end() && id->is_string() && !(draft7 && s.contains("$ref"))) {
      const std::string text = id->get<std::string>();
      if (draft7 && !text.empty() && text[0] == '#') {
        res->anchors.emplace(text.substr(1), &s);
      } else {
        const SplitUri full = split_fragment(resolve_uri(res->uri, text));
        if (document_root) {
          if (full.base != r->uri) {
            r->uri = full.base;
            by_uri_.emplace(full.base, r);
          }
        } else {
          const auto [dialect, vocabularies] =
              dialect_of(s, res->dialect, res->vocabularies, res->uri + "#" + pointer, 0);
          r = &new_resource(full.base, dialect, vocabularies, &s);
          ptr.clear();
        }
        if (full.fragment && !full.fragment->empty() && (*full.fragment)[0] != '/') {
          r->anchors.emplace(*full.fragment, &s);
        }
      }
    }
    info_.emplace(&s, ScanInfo{r, ptr});
    if (r->dialect != Dialect::draft7) {
      const auto anchor = s.find("$anchor");
      if (anchor != s.end() && anchor->is_string()) r->anchors.emplace(*anchor, &s);
    }
    if (kDraft2019 && r->dialect == Dialect::draft2019_09 && r->root == &s) {
      const auto recursive = s.find("$recursiveAnchor");
      if (recursive != s.end() && recursive->is_boolean() && recursive->get<bool>())
        r->dynamic_anchors.emplace(kRecursiveAnchor, &s);
    }
    if (r->dialect == Dialect::draft2020_12) {
      const auto dynamic = s.find("$dynamicAnchor");
      if (dynamic != s.end() && dynamic->is_string()) {
        r->anchors.emplace(*dynamic, &s);
        r->dynamic_anchors.emplace(*dynamic, &s);
      }
    }
    for (const auto& [key, value] : s.items()) {
      const Shape shape = subschema_shape(key, value);
      if (shape == Shape::none) continue;
      std::string child = ptr;
      append_token(child, key);
      if (shape == Shape::single) {
        scan(value, r, child, depth + 1, false);
      } else if (shape == Shape::list && value.is_array()) {
        for (std::size_t i = 0; i < value.size(); ++i) {
          scan(value[i], r, child + "/" + std::to_string(i), depth + 1, false);
        }
      } else if (shape == Shape::map && value.is_object()) {
        for (const auto& [name, sub] : value.items()) {
          std::string p = child;
          append_token(p, name);
          scan(sub, r, p, depth + 1, false);
        }
      }
    }
  }

  // Resolves a "$ref"/"$dynamicRef" value against the node's resource. `ignored_id` is a
  // draft-07 "$id" beside the "$ref" (which the spec ignores): when the document the ref
  // names is unknown, the ref is tried against that "$id" instead, as ajv does, so schemas
  // written for ajv still compile.
  Resolved resolve(const std::string& ref, const Node& from, const std::string& location,
                   const json* ignored_id = nullptr) {
    SplitUri full = split_fragment(resolve_uri(from.resource->uri, ref));
    const json* doc = fetch_document(full.base, from.resource->dialect);
    if (doc == nullptr && ignored_id != nullptr && ignored_id->is_string()) {
      const std::string id_base = resolve_uri(from.resource->uri, ignored_id->get<std::string>());
      full = split_fragment(resolve_uri(split_fragment(id_base).base, ref));
      doc = fetch_document(full.base, from.resource->dialect);
    }
    const auto it = by_uri_.find(full.base);
    if (doc == nullptr || it == by_uri_.end())
      fail(location, "schema_error.bad_ref", {{"ref", ref}});
    Resource* res = it->second;
    const std::string fragment = percent_decode(full.fragment.value_or(""));
    if (fragment.empty()) return {res->root, res};
    if (fragment[0] != '/') {
      const auto a = res->anchors.find(fragment);
      if (a == res->anchors.end()) fail(location, "schema_error.bad_ref", {{"ref", ref}});
      return {a->second, res};
    }
    const json* cur = res->root;
    std::size_t pos = 1;
    while (true) {
      const auto slash = fragment.find('/', pos);
      std::string token =
          fragment.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
      std::string unescaped;
      for (std::size_t i = 0; i < token.size(); ++i) {
        if (token[i] == '~' && i + 1 < token.size() &&
            (token[i + 1] == '0' || token[i + 1] == '1')) {
          unescaped += token[i + 1] == '0' ? '~' : '/';
          ++i;
        } else {
          unescaped += token[i];
        }
      }
      if (cur->is_object()) {
        const auto child = cur->find(unescaped);
        if (child == cur->end()) fail(location, "schema_error.bad_ref", {{"ref", ref}});
        cur = &*child;
      } else if (cur->is_array()) {
        std::size_t index = 0;
        bool ok = !unescaped.empty() && unescaped.size() < 10;
        for (const char c : unescaped) {
          ok = ok && c >= '0' && c <= '9';
          index = index * 10 + static_cast<std::size_t>(c - '0');
        }
        if (!ok || index >= cur->size()) fail(location, "schema_error.bad_ref", {{"ref", ref}});
        cur = &(*cur)[index];
      } else {
        fail(location, "schema_error.bad_ref", {{"ref", ref}});
      }
      if (slash == std::string::npos) break;
      pos = slash + 1;
    }
    if (info_.find(cur) == info_.end()) scan(*cur, res, fragment, 0, false);
    return {cur, res};
  }

  Node* node_for(const json* s) {
    if (const auto it = nodes_.find(s); it != nodes_.end()) return it->second;
    const auto info = info_.find(s);
    if (info == info_.end()) fail("#", "schema_error.not_a_schema");
    c_.nodes.emplace_back();
    Node& n = c_.nodes.back();
    n.resource = info->second.resource;
    n.location = info->second.resource->uri + "#" + info->second.pointer;
    nodes_.emplace(s, &n);
    used_resources_.insert(info->second.resource);
    work_.emplace_back(&n, s);
    return &n;
  }

  void drain() {
    while (!work_.empty()) {
      const auto [node, source] = work_.back();
      work_.pop_back();
      fill(*node, *source);
    }
  }

  std::size_t count_of(const json& v, const std::string& location, const std::string& key) {
    if (!v.is_number() || v.get<double>() < 0 || v.get<double>() > 9007199254740992.0 ||
        !(v.is_number_integer() ||
          v.get<double>() == static_cast<double>(static_cast<std::size_t>(v.get<double>())))) {
      fail(location, "schema_error.bad_keyword", {{"keyword", key}});
    }
    if (v.is_number_unsigned()) return static_cast<std::size_t>(v.get<std::uint64_t>());
    if (v.is_number_integer()) return static_cast<std::size_t>(v.get<std::int64_t>());
    return static_cast<std::size_t>(v.get<double>());
  }

  Pattern pattern_of(const std::string& source, const std::string& location) {
    try {
      return Pattern::compile(source);
    } catch (const PatternError& e) {
      fail(location, "schema_error.bad_regex",
           {{"pattern", source}, {"offset", e.offset}, {"reason", e.message_key}});
    }
  }

  const Node* sub_of(const json& s, const std::string& location) {
    if (!s.is_object() && !s.is_boolean()) fail(location, "schema_error.not_a_schema");
    return node_for(&s);
  }

  std::vector<const Node*> subs_of(const json& list, const std::string& location,
                                   const std::string& key) {
    if (!list.is_array()) fail(location, "schema_error.bad_keyword", {{"keyword", key}});
    std::vector<const Node*> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      out.push_back(sub_of(list[i], location + "/" + std::to_string(i)));
    }
    return out;
  }

  static bool is_object_keyword(const std::string& key) {
    return key == "properties" || key == "patternProperties" || key == "additionalProperties" ||
           key == "required";
  }

  // One keyword for properties, patternProperties, additionalProperties and required.
  void object_keyword(Node& n, const json& s, bool applicator, bool validation) {
    Keyword k;
    k.op = Op::object_properties;
    k.name = "properties";
    std::map<std::string, std::pair<const Node*, bool>> entries;
    const auto props = s.find("properties");
    if (applicator && props != s.end()) {
      const std::string loc = n.location + "/properties";
      if (!props->is_object()) fail(loc, "schema_error.bad_keyword", {{"keyword", "properties"}});
      k.has_properties = true;
      for (const auto& [name, sub] : props->items()) {
        std::string where = loc;
        append_token(where, name);
        entries[name].first = sub_of(sub, where);
      }
    }
    const auto required = s.find("required");
    if (validation && required != s.end()) {
      const std::string loc = n.location + "/required";
      if (!required->is_array()) fail(loc, "schema_error.bad_keyword", {{"keyword", "required"}});
      for (const auto& name : *required) {
        if (!name.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", "required"}});
        k.strings.push_back(name.get<std::string>());
        entries[name.get<std::string>()].second = true;
      }
    }
    const auto patterns = s.find("patternProperties");
    if (applicator && patterns != s.end()) {
      const std::string loc = n.location + "/patternProperties";
      if (!patterns->is_object())
        fail(loc, "schema_error.bad_keyword", {{"keyword", "patternProperties"}});
      for (const auto& [source, sub] : patterns->items()) {
        std::string where = loc;
        append_token(where, source);
        k.patterns.emplace_back(pattern_of(source, where), sub_of(sub, where));
      }
    }
    const auto additional = s.find("additionalProperties");
    if (applicator && additional != s.end()) {
      k.sub = sub_of(*additional, n.location + "/additionalProperties");
    }
    for (const auto& [name, entry] : entries) {
      k.named.emplace_back(name, entry.first);
      k.entry_required.push_back(entry.second ? 1 : 0);
      if (entry.second) ++k.count;  // distinct required names
    }
    if (k.named.empty() && k.patterns.empty() && k.sub == nullptr) return;
    n.keywords.push_back(std::move(k));
  }

  void fill(Node& n, const json& s) {
    if (s.is_boolean()) {
      n.is_boolean = true;
      n.boolean_value = s.get<bool>();
      return;
    }
    if (!s.is_object()) fail(n.location, "schema_error.not_a_schema");
    const Resource& r = *n.resource;
    const bool d7 = r.dialect == Dialect::draft7;
    const bool d2019 = kDraft2019 && r.dialect == Dialect::draft2019_09;
    const bool d2020 = r.dialect == Dialect::draft2020_12;
    const bool array_items = !d2020;  // "items": [...] with "additionalItems", not "prefixItems"
    const unsigned v = r.vocabularies;
    const bool applicator = d7 || (v & kVocabApplicator) != 0;
    const bool validation = d7 || (v & kVocabValidation) != 0;
    const bool unevaluated = !d7 && (v & kVocabUnevaluated) != 0;
    const bool format_assert =
        c_.options.format_assertion || (!d7 && (v & kVocabFormatAssertion) != 0);

    auto add = [&](Op op, const std::string& name) -> Keyword& {
      n.keywords.emplace_back();
      n.keywords.back().op = op;
      n.keywords.back().name = name;
      return n.keywords.back();
    };
    auto sibling = [&](const char* key) -> const json* {
      const auto it = s.find(key);
      return it == s.end() ? nullptr : &*it;
    };

    if (d7 && s.contains("$ref")) {
      // Draft-07: "$ref" overrides every sibling keyword.
      const json& ref = s["$ref"];
      const std::string loc = n.location + "/$ref";
      if (!ref.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", "$ref"}});
      add(Op::ref, "$ref").sub =
          node_for(resolve(ref.get<std::string>(), n, loc, sibling("$id")).target);
      return;
    }

    bool fused_object = false;
    for (const auto& [key, value] : s.items()) {
      const std::string loc = n.location + "/" + key;
      if (key == "$ref") {
        if (!value.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        add(Op::ref, key).sub = node_for(resolve(value.get<std::string>(), n, loc).target);
      } else if (key == "$recursiveRef" && d2019) {
        // Resolved like "$ref"; when its target is a resource root with "$recursiveAnchor":
        // true, the outermost such root in the dynamic scope is used instead.
        if (!value.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        const Resolved target = resolve(value.get<std::string>(), n, loc);
        Keyword& k = add(Op::dynamic_ref, key);
        k.sub = node_for(target.target);
        k.anchor = kRecursiveAnchor;
        const auto a = target.resource->dynamic_anchors.find(kRecursiveAnchor);
        k.dynamic = a != target.resource->dynamic_anchors.end() && a->second == target.target;
        if (k.dynamic) dynamic_names_.insert(kRecursiveAnchor);
      } else if (key == "$dynamicRef" && d2020) {
        if (!value.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        const std::string ref = value.get<std::string>();
        const Resolved target = resolve(ref, n, loc);
        Keyword& k = add(Op::dynamic_ref, key);
        k.sub = node_for(target.target);
        const auto hash = ref.find('#');
        if (hash != std::string::npos) {
          k.anchor = percent_decode(ref.substr(hash + 1));
          k.dynamic = !k.anchor.empty() && k.anchor[0] != '/' &&
                      target.resource->dynamic_anchors.count(k.anchor) > 0;
          if (k.dynamic) dynamic_names_.insert(k.anchor);
        }
      } else if (key == "type" && validation) {
        Keyword& k = add(Op::type, key);
        const json names = value.is_array() ? value : json::array({value});
        for (const auto& t : names) {
          if (!t.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
          const std::string name = t.get<std::string>();
          static const std::pair<const char*, unsigned> kTypes[] = {
              {"null", kTypeNull},      {"boolean", kTypeBoolean}, {"object", kTypeObject},
              {"array", kTypeArray},    {"number", kTypeNumber},   {"string", kTypeString},
              {"integer", kTypeInteger}};
          bool found = false;
          for (const auto& [tn, bit] : kTypes) {
            if (name == tn) {
              k.type_mask |= bit;
              found = true;
            }
          }
          if (!found) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        }
        k.value = names;
      } else if (key == "enum" && validation) {
        if (!value.is_array()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        add(Op::enum_, key).value = value;
      } else if (key == "const" && validation) {
        add(Op::const_, key).value = value;
      } else if (key == "multipleOf" && validation) {
        if (!value.is_number() || value.get<double>() <= 0)
          fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        add(Op::multiple_of, key).value = value;
      } else if ((key == "maximum" || key == "minimum" || key == "exclusiveMaximum" ||
                  key == "exclusiveMinimum") &&
                 validation) {
        if (!value.is_number()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        const Op op = key == "maximum"            ? Op::maximum
                      : key == "minimum"          ? Op::minimum
                      : key == "exclusiveMaximum" ? Op::exclusive_maximum
                                                  : Op::exclusive_minimum;
        add(op, key).value = value;
      } else if ((key == "maxLength" || key == "minLength" || key == "maxItems" ||
                  key == "minItems" || key == "maxProperties" || key == "minProperties") &&
                 validation) {
        const Op op = key == "maxLength"       ? Op::max_length
                      : key == "minLength"     ? Op::min_length
                      : key == "maxItems"      ? Op::max_items
                      : key == "minItems"      ? Op::min_items
                      : key == "maxProperties" ? Op::max_properties
                                               : Op::min_properties;
        add(op, key).count = count_of(value, loc, key);
      } else if (key == "pattern" && validation) {
        if (!value.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        Pattern p = pattern_of(value.get<std::string>(), loc);
        Keyword& k = add(Op::pattern, key);
        k.sibling_patterns.push_back(std::move(p));
        k.value = value;
      } else if (key == "format" && format_assert && value.is_string() &&
                 format_known(value.get<std::string>())) {
        add(Op::format, key).value = value;
      } else if (key == "uniqueItems" && validation) {
        if (!value.is_boolean()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        if (value.get<bool>()) add(Op::unique_items, key);
      } else if (is_object_keyword(key)) {
        if (!fused_object) {
          fused_object = true;
          object_keyword(n, s, applicator, validation);
        }
      } else if ((key == "dependentRequired" && !d7 && validation) ||
                 (key == "dependencies" && d7)) {
        if (!value.is_object()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        Keyword required;
        required.op = Op::dependent_required;
        required.name = key;
        Keyword schemas;
        schemas.op = Op::dependent_schemas;
        schemas.name = key;
        for (const auto& [name, dep] : value.items()) {
          if (dep.is_array()) {
            std::vector<std::string> names;
            for (const auto& d : dep) {
              if (!d.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
              names.push_back(d.get<std::string>());
            }
            required.dependents.emplace_back(name, std::move(names));
          } else if (d7) {
            schemas.named.emplace_back(name, sub_of(dep, loc + "/" + name));
          } else {
            fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
          }
        }
        if (!required.dependents.empty()) n.keywords.push_back(std::move(required));
        if (!schemas.named.empty()) n.keywords.push_back(std::move(schemas));
      } else if (!applicator) {
        continue;  // the remaining keywords are all applicators
      } else if (key == "dependentSchemas" && !d7) {
        if (!value.is_object()) fail(loc, "schema_error.bad_keyword", {{"keyword", key}});
        Keyword& k = add(Op::dependent_schemas, key);
        for (const auto& [name, dep] : value.items()) {
          k.named.emplace_back(name, sub_of(dep, loc + "/" + name));
        }
      } else if (key == "propertyNames") {
        add(Op::property_names, key).sub = sub_of(value, loc);
      } else if (key == "prefixItems" && d2020) {
        add(Op::prefix_items, key).subs = subs_of(value, loc, key);
      } else if (key == "items") {
        if (array_items && value.is_array()) {
          add(Op::prefix_items, key).subs = subs_of(value, loc, key);
        } else {
          Keyword& k = add(Op::items, key);
          k.sub = sub_of(value, loc);
          if (d2020) {
            const json* prefix = sibling("prefixItems");
            k.count = prefix && prefix->is_array() ? prefix->size() : 0;
          }
        }
      } else if (key == "additionalItems" && array_items) {
        const json* items = sibling("items");
        if (items && items->is_array()) {
          Keyword& k = add(Op::items, key);
          k.sub = sub_of(value, loc);
          k.count = items->size();
        }
      } else if (key == "contains") {
        Keyword& k = add(Op::contains, key);
        k.sub = sub_of(value, loc);
        k.count = 1;
        if (!d7 && validation) {
          if (const json* min = sibling("minContains"))
            k.count = count_of(*min, n.location + "/minContains", "minContains");
          if (const json* max = sibling("maxContains"))
            k.max_count = count_of(*max, n.location + "/maxContains", "maxContains");
        }
      } else if (key == "allOf" || key == "anyOf" || key == "oneOf") {
        const Op op = key == "allOf" ? Op::all_of : key == "anyOf" ? Op::any_of : Op::one_of;
        add(op, key).subs = subs_of(value, loc, key);
      } else if (key == "not") {
        add(Op::not_, key).sub = sub_of(value, loc);
      } else if (key == "if") {
        Keyword& k = add(Op::if_then_else, key);
        k.sub = sub_of(value, loc);
        if (const json* t = sibling("then")) k.then_node = sub_of(*t, n.location + "/then");
        if (const json* e = sibling("else")) k.else_node = sub_of(*e, n.location + "/else");
      } else if ((key == "unevaluatedItems" || key == "unevaluatedProperties") && unevaluated) {
        const Op op =
            key == "unevaluatedItems" ? Op::unevaluated_items : Op::unevaluated_properties;
        add(op, key).sub = sub_of(value, loc);
        n.collects_annotations = true;
      }
    }
    // unevaluated* look at what every other keyword evaluated, so they run last.
    std::stable_partition(n.keywords.begin(), n.keywords.end(), [](const Keyword& k) {
      return k.op != Op::unevaluated_items && k.op != Op::unevaluated_properties;
    });
  }

  CompiledSchema& c_;
  const Resolver& resolver_;
  std::map<std::string, Resource*> by_uri_;
  std::unordered_map<const json*, ScanInfo> info_;
  std::unordered_map<const json*, Node*> nodes_;
  std::vector<std::pair<Node*, const json*>> work_;
  std::set<const Resource*> used_resources_;
  std::set<std::string> dynamic_names_;
};

}  // namespace

std::shared_ptr<const CompiledSchema> compile_schema(const json& schema, const Options& options,
                                                     const Resolver& resolver) {
  auto compiled = std::make_shared<CompiledSchema>();
  compiled->options = options;
  Compiler(*compiled, resolver).run(schema);
  return compiled;
}

}  // namespace greenapply::json_schema::detail
