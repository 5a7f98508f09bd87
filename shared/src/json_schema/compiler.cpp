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
#include "greenapply/json_text.hpp"
#include "greenapply/regex.hpp"
#include "formats_bridge.hpp"
#include "metaschemas.hpp"
#include "uri.hpp"

namespace greenapply::json_schema::detail {

using greenapply::json;

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
    for (Node& n : c_.nodes) {
      if (n.leaf == &n) n.leaf_checks = leaf_checks_of(n);
    }
    // A leaf whose checks could not be gathered (a keyword twice: no schema keyword compiles so
    // today) is evaluated in full, so that leaf_passes need not also walk keywords one by one.
    for (Node& n : c_.nodes) {
      if (n.leaf != nullptr && !n.leaf->leaf_checks.built) n.leaf = nullptr;
    }
  }

  // See LeafChecks: the node's leaf keywords by what they apply to; not built when one appears
  // twice (the node is then nobody's leaf: see the end of compilation above).
  static LeafChecks leaf_checks_of(const Node& n) {
    LeafChecks c;
    static_assert(static_cast<unsigned>(Op::unevaluated_properties) < 64, "one bit per Op");
    unsigned long long seen = 0;
    for (const Keyword& k : n.keywords) {
      const unsigned long long bit = 1ull << static_cast<unsigned>(k.op);
      if ((seen & bit) != 0) return LeafChecks{};
      seen |= bit;
      switch (k.op) {
        case Op::type:
          c.has_type = true;
          c.type_mask = k.type_mask;
          break;
        case Op::enum_:
          c.enum_values = &k.value;
          c.enum_of_strings = std::all_of(k.value.begin(), k.value.end(), [](const json& v) { return v.is_string(); });
          // A repeated value is harmless: the index finds one of them.
          if (c.enum_of_strings) c.enum_strings.build(k.value, [](const json& v) { return std::string_view(v.get_ref<const std::string&>()); });
          break;
        case Op::const_: c.const_value = &k.value; break;
        case Op::multiple_of: c.number_needs_full = true; break;
        case Op::maximum: c.maximum = &k.value; break;
        case Op::exclusive_maximum: c.exclusive_maximum = &k.value; break;
        case Op::minimum: c.minimum = &k.value; break;
        case Op::exclusive_minimum: c.exclusive_minimum = &k.value; break;
        case Op::max_length: c.max_length = k.count; break;
        case Op::min_length: c.min_length = k.count; break;
        case Op::pattern: c.pattern = &k.sibling_patterns[0]; break;
        case Op::format: c.string_needs_full = true; break;
        case Op::max_items: c.max_items = k.count; break;
        case Op::min_items: c.min_items = k.count; break;
        case Op::max_properties: c.max_properties = k.count; break;
        case Op::min_properties: c.min_properties = k.count; break;
        default: return LeafChecks{};
      }
    }
    c.built = true;
    return c;
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
      doc = parse_json(e->text);
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
    } catch (const regex::CompileError& e) {
      fail(location, "schema_error.bad_regex",
           {{"pattern", source}, {"offset", e.issue().offset}, {"reason", e.issue().message_key}});
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

  // What one schema object's dialect and vocabularies allow; fill() works it out once a node.
  struct NodeContext {
    Node& n;
    const json& s;
    bool d7;
    bool d2019;
    bool d2020;
    unsigned vocabularies;  // in force (draft-07: all of kDefaultVocabularies)
    bool applicator;
    bool validation;
    bool format_assert;
    bool fused_object = false;  // object_properties already compiled (see compile_object)
  };

  // One keyword of the schema object being compiled: `op` is its rule's (kCompileRules).
  struct Site {
    NodeContext& c;
    const std::string& key;
    const json& value;
    const std::string& loc;
    Op op;

    Keyword& add(Op o) const {
      c.n.keywords.emplace_back();
      c.n.keywords.back().op = o;
      c.n.keywords.back().name = key;
      return c.n.keywords.back();
    }
    Keyword& add() const { return add(op); }
    const json* sibling(const char* name) const {
      const auto it = c.s.find(name);
      return it == c.s.end() ? nullptr : &*it;
    }
  };

  [[noreturn]] void bad_keyword(const Site& at) {
    fail(at.loc, "schema_error.bad_keyword", {{"keyword", at.key}});
  }

  // ---- Core: references ----

  void compile_ref(const Site& at) {
    if (!at.value.is_string()) bad_keyword(at);
    at.add().sub = node_for(resolve(at.value.get<std::string>(), at.c.n, at.loc).target);
  }

  // Resolved like "$ref"; when its target is a resource root with "$recursiveAnchor": true,
  // the outermost such root in the dynamic scope is used instead.
  void compile_recursive_ref(const Site& at) {
    if (!at.c.d2019) return;
    if (!at.value.is_string()) bad_keyword(at);
    const Resolved target = resolve(at.value.get<std::string>(), at.c.n, at.loc);
    Keyword& k = at.add();
    k.sub = node_for(target.target);
    k.anchor = kRecursiveAnchor;
    const auto a = target.resource->dynamic_anchors.find(kRecursiveAnchor);
    k.dynamic = a != target.resource->dynamic_anchors.end() && a->second == target.target;
    if (k.dynamic) dynamic_names_.insert(kRecursiveAnchor);
  }

  void compile_dynamic_ref(const Site& at) {
    if (!at.c.d2020) return;
    if (!at.value.is_string()) bad_keyword(at);
    const std::string ref = at.value.get<std::string>();
    const Resolved target = resolve(ref, at.c.n, at.loc);
    Keyword& k = at.add();
    k.sub = node_for(target.target);
    const auto hash = ref.find('#');
    if (hash != std::string::npos) {
      k.anchor = percent_decode(ref.substr(hash + 1));
      k.dynamic = !k.anchor.empty() && k.anchor[0] != '/' &&
                  target.resource->dynamic_anchors.count(k.anchor) > 0;
      if (k.dynamic) dynamic_names_.insert(k.anchor);
    }
  }

  // ---- Validation: leaf checks ----

  void compile_type(const Site& at) {
    static const std::pair<const char*, unsigned> kTypes[] = {
        {"null", kTypeNull},   {"boolean", kTypeBoolean}, {"object", kTypeObject},
        {"array", kTypeArray}, {"number", kTypeNumber},   {"string", kTypeString},
        {"integer", kTypeInteger}};
    Keyword& k = at.add();
    const json names = at.value.is_array() ? at.value : json::array({at.value});
    for (const auto& t : names) {
      if (!t.is_string()) bad_keyword(at);
      const std::string name = t.get<std::string>();
      bool found = false;
      for (const auto& [tn, bit] : kTypes) {
        if (name == tn) {
          k.type_mask |= bit;
          found = true;
        }
      }
      if (!found) bad_keyword(at);
    }
    k.value = names;
  }

  void compile_enum(const Site& at) {
    if (!at.value.is_array()) bad_keyword(at);
    at.add().value = at.value;
  }

  void compile_const(const Site& at) { at.add().value = at.value; }

  void compile_multiple_of(const Site& at) {
    if (!at.value.is_number() || at.value.get<double>() <= 0) bad_keyword(at);
    at.add().value = at.value;
  }

  // maximum, minimum, exclusiveMaximum, exclusiveMinimum (2019-09 on: numbers).
  void compile_number_limit(const Site& at) {
    if (!at.value.is_number()) bad_keyword(at);
    at.add().value = at.value;
  }

  // maxLength, minLength, maxItems, minItems, maxProperties, minProperties.
  void compile_count(const Site& at) { at.add().count = count_of(at.value, at.loc, at.key); }

  void compile_pattern(const Site& at) {
    if (!at.value.is_string()) bad_keyword(at);
    Pattern p = pattern_of(at.value.get<std::string>(), at.loc);
    Keyword& k = at.add();
    k.sibling_patterns.push_back(std::move(p));
    k.value = at.value;
  }

  // An assertion only when asked for (option or format-assertion vocabulary), and only for
  // formats this build checks; otherwise an annotation, which needs no keyword.
  void compile_format(const Site& at) {
    if (at.c.format_assert && at.value.is_string() && format_known(at.value.get<std::string>()))
      at.add().value = at.value;
  }

  void compile_unique_items(const Site& at) {
    if (!at.value.is_boolean()) bad_keyword(at);
    if (at.value.get<bool>()) at.add();
  }

  // ---- Objects ----

  // properties, patternProperties, additionalProperties and required: the first of them
  // compiles all four into one object_properties keyword.
  void compile_object(const Site& at) {
    if (at.c.fused_object) return;
    at.c.fused_object = true;
    object_keyword(at.c.n, at.c.s, at.c.applicator, at.c.validation);
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
    k.named_index.build(k.named, [](const auto& entry) { return std::string_view(entry.first); });
    n.keywords.push_back(std::move(k));
  }

  // "dependentRequired" (2019-09 on), or draft-07's "dependencies", whose values are either
  // name lists (dependent_required) or schemas (dependent_schemas).
  void compile_dependencies(const Site& at) {
    if (at.c.d7 != (at.key == "dependencies")) return;
    if (!at.value.is_object()) bad_keyword(at);
    Keyword required;
    required.op = Op::dependent_required;
    required.name = at.key;
    Keyword schemas;
    schemas.op = Op::dependent_schemas;
    schemas.name = at.key;
    for (const auto& [name, dep] : at.value.items()) {
      if (dep.is_array()) {
        std::vector<std::string> names;
        for (const auto& d : dep) {
          if (!d.is_string()) bad_keyword(at);
          names.push_back(d.get<std::string>());
        }
        required.dependents.emplace_back(name, std::move(names));
      } else if (at.c.d7) {
        schemas.named.emplace_back(name, sub_of(dep, at.loc + "/" + name));
      } else {
        bad_keyword(at);
      }
    }
    if (!required.dependents.empty()) at.c.n.keywords.push_back(std::move(required));
    if (!schemas.named.empty()) at.c.n.keywords.push_back(std::move(schemas));
  }

  void compile_dependent_schemas(const Site& at) {
    if (at.c.d7) return;
    if (!at.value.is_object()) bad_keyword(at);
    Keyword& k = at.add();
    for (const auto& [name, dep] : at.value.items()) {
      k.named.emplace_back(name, sub_of(dep, at.loc + "/" + name));
    }
  }

  // ---- Applicators ----

  // One subschema: propertyNames, not.
  void compile_subschema(const Site& at) { at.add().sub = sub_of(at.value, at.loc); }

  // A list of subschemas: allOf, anyOf, oneOf.
  void compile_subschemas(const Site& at) { at.add().subs = subs_of(at.value, at.loc, at.key); }

  void compile_prefix_items(const Site& at) {
    if (at.c.d2020) compile_subschemas(at);
  }

  // "items": one schema for every item after "prefixItems" (2020-12), or before 2020-12
  // either one schema for all items or a list of schemas (prefix_items).
  void compile_items(const Site& at) {
    if (!at.c.d2020 && at.value.is_array()) {
      at.add(Op::prefix_items).subs = subs_of(at.value, at.loc, at.key);
      return;
    }
    Keyword& k = at.add();
    k.sub = sub_of(at.value, at.loc);
    if (at.c.d2020) {
      const json* prefix = at.sibling("prefixItems");
      k.count = prefix && prefix->is_array() ? prefix->size() : 0;
    }
  }

  // Before 2020-12: the items after an "items" list.
  void compile_additional_items(const Site& at) {
    if (at.c.d2020) return;
    const json* items = at.sibling("items");
    if (items && items->is_array()) {
      Keyword& k = at.add();
      k.sub = sub_of(at.value, at.loc);
      k.count = items->size();
    }
  }

  void compile_contains(const Site& at) {
    Keyword& k = at.add();
    k.sub = sub_of(at.value, at.loc);
    k.count = 1;
    if (!at.c.d7 && at.c.validation) {
      const std::string& base = at.c.n.location;
      if (const json* min = at.sibling("minContains"))
        k.count = count_of(*min, base + "/minContains", "minContains");
      if (const json* max = at.sibling("maxContains"))
        k.max_count = count_of(*max, base + "/maxContains", "maxContains");
    }
  }

  void compile_if(const Site& at) {
    Keyword& k = at.add();
    k.sub = sub_of(at.value, at.loc);
    const std::string& base = at.c.n.location;
    if (const json* t = at.sibling("then")) k.then_node = sub_of(*t, base + "/then");
    if (const json* e = at.sibling("else")) k.else_node = sub_of(*e, base + "/else");
  }

  void compile_unevaluated(const Site& at) {
    if (at.c.d7) return;
    at.add().sub = sub_of(at.value, at.loc);
    at.c.n.collects_annotations = true;
  }

  using CompileFn = void (Compiler::*)(const Site&);
  struct CompileRule {
    std::string_view keyword;
    unsigned vocabularies;  // all of these must be in force (draft-07: every one is)
    Op op;
    CompileFn compile;
  };
  static constexpr unsigned kV = kVocabValidation;
  static constexpr unsigned kA = kVocabApplicator;
  // Every keyword the validator knows (besides draft-07's "$ref", see fill()). Adding one is a
  // row here, its compile function, its Op, and its row in the evaluator's kRules.
  static constexpr CompileRule kCompileRules[] = {
      {"$ref", 0, Op::ref, &Compiler::compile_ref},
      {"$recursiveRef", 0, Op::dynamic_ref, &Compiler::compile_recursive_ref},
      {"$dynamicRef", 0, Op::dynamic_ref, &Compiler::compile_dynamic_ref},
      {"type", kV, Op::type, &Compiler::compile_type},
      {"enum", kV, Op::enum_, &Compiler::compile_enum},
      {"const", kV, Op::const_, &Compiler::compile_const},
      {"multipleOf", kV, Op::multiple_of, &Compiler::compile_multiple_of},
      {"maximum", kV, Op::maximum, &Compiler::compile_number_limit},
      {"minimum", kV, Op::minimum, &Compiler::compile_number_limit},
      {"exclusiveMaximum", kV, Op::exclusive_maximum, &Compiler::compile_number_limit},
      {"exclusiveMinimum", kV, Op::exclusive_minimum, &Compiler::compile_number_limit},
      {"maxLength", kV, Op::max_length, &Compiler::compile_count},
      {"minLength", kV, Op::min_length, &Compiler::compile_count},
      {"maxItems", kV, Op::max_items, &Compiler::compile_count},
      {"minItems", kV, Op::min_items, &Compiler::compile_count},
      {"maxProperties", kV, Op::max_properties, &Compiler::compile_count},
      {"minProperties", kV, Op::min_properties, &Compiler::compile_count},
      {"pattern", kV, Op::pattern, &Compiler::compile_pattern},
      {"format", 0, Op::format, &Compiler::compile_format},
      {"uniqueItems", kV, Op::unique_items, &Compiler::compile_unique_items},
      {"properties", 0, Op::object_properties, &Compiler::compile_object},
      {"patternProperties", 0, Op::object_properties, &Compiler::compile_object},
      {"additionalProperties", 0, Op::object_properties, &Compiler::compile_object},
      {"required", 0, Op::object_properties, &Compiler::compile_object},
      {"dependentRequired", kV, Op::dependent_required, &Compiler::compile_dependencies},
      {"dependencies", 0, Op::dependent_required, &Compiler::compile_dependencies},
      {"dependentSchemas", kA, Op::dependent_schemas, &Compiler::compile_dependent_schemas},
      {"propertyNames", kA, Op::property_names, &Compiler::compile_subschema},
      {"prefixItems", kA, Op::prefix_items, &Compiler::compile_prefix_items},
      {"items", kA, Op::items, &Compiler::compile_items},
      {"additionalItems", kA, Op::items, &Compiler::compile_additional_items},
      {"contains", kA, Op::contains, &Compiler::compile_contains},
      {"allOf", kA, Op::all_of, &Compiler::compile_subschemas},
      {"anyOf", kA, Op::any_of, &Compiler::compile_subschemas},
      {"oneOf", kA, Op::one_of, &Compiler::compile_subschemas},
      {"not", kA, Op::not_, &Compiler::compile_subschema},
      {"if", kA, Op::if_then_else, &Compiler::compile_if},
      {"unevaluatedItems", kA | kVocabUnevaluated, Op::unevaluated_items,
       &Compiler::compile_unevaluated},
      {"unevaluatedProperties", kA | kVocabUnevaluated, Op::unevaluated_properties,
       &Compiler::compile_unevaluated},
  };

  static const CompileRule* compile_rule(const std::string& key) {
    for (const CompileRule& rule : kCompileRules) {
      if (rule.keyword == key) return &rule;
    }
    return nullptr;
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
    const unsigned v = d7 ? kDefaultVocabularies : r.vocabularies;
    NodeContext c{n,
                  s,
                  d7,
                  kDraft2019 && r.dialect == Dialect::draft2019_09,
                  r.dialect == Dialect::draft2020_12,
                  v,
                  (v & kVocabApplicator) != 0,
                  (v & kVocabValidation) != 0,
                  c_.options.format_assertion || (!d7 && (v & kVocabFormatAssertion) != 0)};
    if (d7 && s.contains("$ref")) {
      // Draft-07: "$ref" overrides every sibling keyword.
      const json& ref = s["$ref"];
      const std::string loc = n.location + "/$ref";
      if (!ref.is_string()) fail(loc, "schema_error.bad_keyword", {{"keyword", "$ref"}});
      Keyword k;
      k.op = Op::ref;
      k.name = "$ref";
      k.sub = node_for(resolve(ref.get<std::string>(), n, loc, sibling(s, "$id")).target);
      n.keywords.push_back(std::move(k));
      return;
    }
    for (const auto& [key, value] : s.items()) {
      const CompileRule* rule = compile_rule(key);
      if (rule == nullptr || (rule->vocabularies & v) != rule->vocabularies) continue;
      const std::string loc = n.location + "/" + key;
      (this->*rule->compile)(Site{c, key, value, loc, rule->op});
    }
    // unevaluated* look at what every other keyword evaluated, so they run last.
    std::stable_partition(n.keywords.begin(), n.keywords.end(), [](const Keyword& k) {
      return k.op != Op::unevaluated_items && k.op != Op::unevaluated_properties;
    });
  }

  static const json* sibling(const json& s, const char* key) {
    const auto it = s.find(key);
    return it == s.end() ? nullptr : &*it;
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
