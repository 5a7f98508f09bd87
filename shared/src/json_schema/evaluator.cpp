// Evaluates an instance against compiled Nodes. The valid path allocates nothing: instance
// and keyword locations are chains of stack frames turned into JSON pointers only when an
// error is reported. Annotations (which properties/items were evaluated) are collected only
// below a schema that has unevaluatedProperties/unevaluatedItems.
#include <algorithm>
#include <iterator>
#include <optional>
#include <string_view>

#include "compiled.hpp"
#include "formats_bridge.hpp"
#include "numbers.hpp"

namespace greenapply::json_schema::detail {

using nlohmann::json;

namespace {

// One step of a path: an object key or an array index.
struct PathStep {
  const PathStep* parent;
  std::string_view key;
  std::size_t index;
  bool is_index;
};

// One entered schema resource, for $dynamicRef's dynamic scope.
struct Scope {
  const Scope* parent;
  const Resource* resource;
};

struct Annotations {
  bool all_properties = false;
  std::vector<const std::string*> properties;  // keys of the instance object (stable addresses)
  bool all_items = false;
  std::size_t item_prefix = 0;            // items [0, item_prefix) evaluated
  std::vector<std::size_t> item_indices;  // further items evaluated (contains)

  void merge(const Annotations& o) {
    all_properties = all_properties || o.all_properties;
    properties.insert(properties.end(), o.properties.begin(), o.properties.end());
    all_items = all_items || o.all_items;
    item_prefix = std::max(item_prefix, o.item_prefix);
    item_indices.insert(item_indices.end(), o.item_indices.begin(), o.item_indices.end());
  }
  bool has_property(const std::string* key) const {
    return all_properties ||
           std::find(properties.begin(), properties.end(), key) != properties.end();
  }
  bool has_item(std::size_t i) const {
    return all_items || i < item_prefix ||
           std::find(item_indices.begin(), item_indices.end(), i) != item_indices.end();
  }
};

std::string pointer_of(const PathStep* step) {
  std::vector<const PathStep*> steps;
  for (; step != nullptr; step = step->parent) steps.push_back(step);
  std::string out;
  for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
    if ((*it)->is_index) {
      out += '/';
      out += std::to_string((*it)->index);
    } else {
      append_token(out, (*it)->key);
    }
  }
  return out;
}

// std::string::compare's order (bytes as unsigned char), inline: object keys are short, and
// this runs once per instance property.
inline int compare_keys(const std::string& a, const std::string& b) {
  const std::size_t n = std::min(a.size(), b.size());
  const char* x = a.data();
  const char* y = b.data();
  for (std::size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) {
      return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[i]) ? -1 : 1;
    }
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

bool matches_type(unsigned mask, const json& v) {
  switch (v.type()) {
    case json::value_t::null:
      return (mask & kTypeNull) != 0;
    case json::value_t::boolean:
      return (mask & kTypeBoolean) != 0;
    case json::value_t::object:
      return (mask & kTypeObject) != 0;
    case json::value_t::array:
      return (mask & kTypeArray) != 0;
    case json::value_t::string:
      return (mask & kTypeString) != 0;
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return (mask & (kTypeNumber | kTypeInteger)) != 0;
    case json::value_t::number_float:
      return (mask & kTypeNumber) != 0 || ((mask & kTypeInteger) != 0 && is_integer_value(v));
    default:
      return false;
  }
}

// compare_numbers with the common case inline: both integers of the same JSON kind (nlohmann
// reads non-negative integer literals as unsigned, negative ones as signed).
inline int compare_numbers_fast(const json& a, const json& b) {
  if (a.type() == b.type()) {
    if (a.type() == json::value_t::number_unsigned) {
      const auto x = a.get_ref<const json::number_unsigned_t&>();
      const auto y = b.get_ref<const json::number_unsigned_t&>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.type() == json::value_t::number_integer) {
      const auto x = a.get_ref<const json::number_integer_t&>();
      const auto y = b.get_ref<const json::number_integer_t&>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
  }
  return compare_numbers(a, b);
}

// The common leaf checks, inline: true when keyword `k` certainly holds for `inst`. Anything
// else (failures, applicators) goes through Evaluator::eval_keyword, which also reports.
inline bool passes_trivially(const Keyword& k, const json& inst, std::size_t regex_budget) {
  switch (k.op) {
    case Op::type:
      return matches_type(k.type_mask, inst);
    case Op::enum_:
      if (inst.is_string()) {
        const std::string& text = inst.get_ref<const std::string&>();
        for (const json& v : k.value) {
          if (v.is_string() && v.get_ref<const std::string&>() == text) return true;
        }
        return false;
      }
      for (const json& v : k.value) {
        if (v == inst) return true;
      }
      return false;
    case Op::max_length: {
      if (!inst.is_string()) return true;
      // A code point takes 1 to 4 bytes: the byte length often decides without counting.
      const std::string& text = inst.get_ref<const std::string&>();
      return text.size() <= k.count || code_point_length(text) <= k.count;
    }
    case Op::min_length: {
      if (!inst.is_string()) return true;
      const std::string& text = inst.get_ref<const std::string&>();
      return text.size() / 4 >= k.count ||
             (text.size() >= k.count && code_point_length(text) >= k.count);
    }
    case Op::const_:
      return k.value == inst;
    case Op::maximum:
      return !inst.is_number() || compare_numbers_fast(inst, k.value) <= 0;
    case Op::minimum:
      return !inst.is_number() || compare_numbers_fast(inst, k.value) >= 0;
    case Op::exclusive_maximum:
      return !inst.is_number() || compare_numbers_fast(inst, k.value) < 0;
    case Op::exclusive_minimum:
      return !inst.is_number() || compare_numbers_fast(inst, k.value) > 0;
    case Op::multiple_of:
      return !inst.is_number();
    case Op::max_items:
      return !inst.is_array() || inst.size() <= k.count;
    case Op::min_items:
      return !inst.is_array() || inst.size() >= k.count;
    case Op::max_properties:
      return !inst.is_object() || inst.size() <= k.count;
    case Op::min_properties:
      return !inst.is_object() || inst.size() >= k.count;
    case Op::pattern:
      // A step-limited search is not a pass: eval_keyword reports it.
      return !inst.is_string() ||
             k.sibling_patterns[0].search(inst.get_ref<const std::string&>(), regex_budget) ==
                 Pattern::Result::match;
    case Op::format:
      return !inst.is_string();
    default:
      return false;
  }
}

// Every keyword of a leaf node (Node::leaf) certainly holds.
inline bool leaf_passes(const Node& leaf, const json& inst, std::size_t regex_budget) {
  for (const Keyword& k : leaf.keywords) {
    if (!passes_trivially(k, inst, regex_budget)) return false;
  }
  return true;
}

// The parameters every keyword's evaluate function takes (see Evaluator::kRules).
#define KEYWORD_PARAMS                                                                      \
  const Node &node, const Keyword &k, const json &inst, const PathStep *ipath,              \
      const PathStep *kpath, const Scope *scope, Annotations *ann, std::size_t depth

class Evaluator {
 public:
  Evaluator(const CompiledSchema& schema, std::vector<Issue>* out) : s_(schema), out_(out) {}

  bool run(const json& instance) {
    const Scope scope{nullptr, s_.root->resource};
    const bool valid = eval(*s_.root, instance, nullptr, nullptr, &scope, nullptr, 0);
    if (!limit_issue_) return valid;
    // A limit makes the whole result invalid, even when it was hit inside a branch whose
    // failure alone would not matter ("not", "anyOf", "if"): otherwise hostile input could
    // turn a cut-off check into a pass. The limit is reported once.
    if (out_ != nullptr && !limit_reported_) out_->push_back(std::move(*limit_issue_));
    return false;
  }

 private:
  // Reports one issue. `keyword` is the failing keyword's name, appended to the keyword path.
  void report(const Node& node, const PathStep* kpath, std::string_view keyword,
              const PathStep* ipath, const char* key, json params = json::object()) {
    if (out_ == nullptr) return;
    Issue issue;
    issue.instance_location = pointer_of(ipath);
    issue.keyword_location = pointer_of(kpath);
    issue.absolute_keyword_location = node.location;
    if (!keyword.empty()) {
      append_token(issue.keyword_location, keyword);
      append_token(issue.absolute_keyword_location, keyword);
    }
    issue.message_key = key;
    issue.params = std::move(params);
    out_->push_back(std::move(issue));
  }

  // A limit (depth, recursion, regex steps) cut the evaluation short: reported like an error
  // when errors are being collected, and remembered so run() fails the instance regardless.
  void limit_reached(const Node& node, const PathStep* kpath, std::string_view keyword,
                     const PathStep* ipath, const char* key, json params) {
    if (out_ != nullptr) {
      report(node, kpath, keyword, ipath, key, params);
      limit_reported_ = true;
    }
    if (!limit_issue_) {
      std::vector<Issue> one;
      std::vector<Issue>* saved = out_;
      out_ = &one;
      report(node, kpath, keyword, ipath, key, std::move(params));
      out_ = saved;
      limit_issue_ = std::move(one.front());
    }
  }

  // Descending into a child instance: bounded by max_depth. True (and the limit reported)
  // when keyword `k` may not descend.
  bool too_deep(const Node& node, const Keyword& k, const PathStep* kpath, const PathStep* ipath,
                std::size_t depth) {
    if (depth + 1 <= s_.options.max_depth) return false;
    limit_reached(node, kpath, k.name, ipath, "limit.depth", {{"limit", s_.options.max_depth}});
    return true;
  }

  // Evaluates a subschema without reporting its errors (anyOf branches, not, if, contains).
  bool quiet(const Node& node, const json& inst, const PathStep* ipath, const PathStep* kpath,
             const Scope* scope, Annotations* ann, std::size_t depth) {
    std::vector<Issue>* saved = out_;
    out_ = nullptr;
    const bool ok = eval(node, inst, ipath, kpath, scope, ann, depth);
    out_ = saved;
    return ok;
  }

  bool eval(const Node& node, const json& inst, const PathStep* ipath, const PathStep* kpath,
            const Scope* scope, Annotations* parent_ann, std::size_t depth);

  // eval(), through the leaf shortcut when the node has one (see Node::leaf). The recursion
  // guard keeps a shortcut from hiding a "limit.recursion" the full evaluation would report.
  bool eval_child(const Node& node, const json& inst, const PathStep* ipath,
                  const PathStep* kpath, const Scope* scope, Annotations* parent_ann,
                  std::size_t depth) {
    if (node.leaf != nullptr && recursion_ + kMaxLeafHops < s_.options.max_recursion &&
        leaf_passes(*node.leaf, inst, s_.options.regex_step_budget)) {
      return true;
    }
    return eval(node, inst, ipath, kpath, scope, parent_ann, depth);
  }

  bool eval_keywords(const Node& node, const json& inst, const PathStep* ipath,
                     const PathStep* kpath, const Scope* scope, Annotations* ann,
                     std::size_t depth);

  // One function per keyword (or small family), dispatched through kRules by Op. Each returns
  // whether the keyword holds, reporting its issues when out_ is set.
  // Applicators (in-place).
  bool eval_ref(KEYWORD_PARAMS);
  bool eval_dynamic_ref(KEYWORD_PARAMS);
  bool eval_all_of(KEYWORD_PARAMS);
  bool eval_any_one_of(KEYWORD_PARAMS);  // anyOf, oneOf
  bool eval_not(KEYWORD_PARAMS);
  bool eval_if(KEYWORD_PARAMS);
  // Leaf checks.
  bool eval_type(KEYWORD_PARAMS);
  bool eval_enum(KEYWORD_PARAMS);
  bool eval_const(KEYWORD_PARAMS);
  bool eval_multiple_of(KEYWORD_PARAMS);
  bool eval_number_limit(KEYWORD_PARAMS);  // maximum, exclusiveMaximum, minimum, exclusiveMinimum
  bool eval_length(KEYWORD_PARAMS);        // maxLength, minLength
  bool eval_pattern(KEYWORD_PARAMS);
  bool eval_format(KEYWORD_PARAMS);
  // Arrays.
  bool eval_prefix_items(KEYWORD_PARAMS);
  bool eval_items(KEYWORD_PARAMS);
  bool eval_contains(KEYWORD_PARAMS);
  bool eval_items_count(KEYWORD_PARAMS);  // maxItems, minItems
  bool eval_unique_items(KEYWORD_PARAMS);
  // Objects.
  bool eval_properties_count(KEYWORD_PARAMS);  // maxProperties, minProperties
  bool eval_object_properties(KEYWORD_PARAMS);
  bool eval_dependent_required(KEYWORD_PARAMS);
  bool eval_dependent_schemas(KEYWORD_PARAMS);
  bool eval_property_names(KEYWORD_PARAMS);
  // Unevaluated.
  bool eval_unevaluated_items(KEYWORD_PARAMS);
  bool eval_unevaluated_properties(KEYWORD_PARAMS);

  // object_properties' walk over one instance object.
  struct PropertyWalk {
    const Node& node;
    const Keyword& k;
    const PathStep* ipath;
    const PathStep* kpath;
    const Scope* scope;
    Annotations* ann;
    std::size_t depth;
    PathStep props_step;
    PathStep patterns_step;
    PathStep additional_step;
    bool checked_depth = false;
    bool valid = true;
  };
  bool visit_property(PropertyWalk& w, const std::string& key, const json& value,
                      const Node* declared);

  using KeywordFn = bool (Evaluator::*)(KEYWORD_PARAMS);
  struct KeywordRule {
    Op op;
    KeywordFn eval;
  };
  // Indexed by Op: adding a keyword is one Op, one row here, its function, its tests.
  static constexpr KeywordRule kRules[] = {
      {Op::ref, &Evaluator::eval_ref},
      {Op::dynamic_ref, &Evaluator::eval_dynamic_ref},
      {Op::type, &Evaluator::eval_type},
      {Op::enum_, &Evaluator::eval_enum},
      {Op::const_, &Evaluator::eval_const},
      {Op::multiple_of, &Evaluator::eval_multiple_of},
      {Op::maximum, &Evaluator::eval_number_limit},
      {Op::exclusive_maximum, &Evaluator::eval_number_limit},
      {Op::minimum, &Evaluator::eval_number_limit},
      {Op::exclusive_minimum, &Evaluator::eval_number_limit},
      {Op::max_length, &Evaluator::eval_length},
      {Op::min_length, &Evaluator::eval_length},
      {Op::pattern, &Evaluator::eval_pattern},
      {Op::format, &Evaluator::eval_format},
      {Op::prefix_items, &Evaluator::eval_prefix_items},
      {Op::items, &Evaluator::eval_items},
      {Op::contains, &Evaluator::eval_contains},
      {Op::max_items, &Evaluator::eval_items_count},
      {Op::min_items, &Evaluator::eval_items_count},
      {Op::unique_items, &Evaluator::eval_unique_items},
      {Op::max_properties, &Evaluator::eval_properties_count},
      {Op::min_properties, &Evaluator::eval_properties_count},
      {Op::object_properties, &Evaluator::eval_object_properties},
      {Op::dependent_required, &Evaluator::eval_dependent_required},
      {Op::dependent_schemas, &Evaluator::eval_dependent_schemas},
      {Op::property_names, &Evaluator::eval_property_names},
      {Op::all_of, &Evaluator::eval_all_of},
      {Op::any_of, &Evaluator::eval_any_one_of},
      {Op::one_of, &Evaluator::eval_any_one_of},
      {Op::not_, &Evaluator::eval_not},
      {Op::if_then_else, &Evaluator::eval_if},
      {Op::unevaluated_items, &Evaluator::eval_unevaluated_items},
      {Op::unevaluated_properties, &Evaluator::eval_unevaluated_properties},
  };
  static constexpr bool rules_in_op_order() {
    for (std::size_t i = 0; i < std::size(kRules); ++i) {
      if (static_cast<std::size_t>(kRules[i].op) != i) return false;
    }
    return std::size(kRules) == static_cast<std::size_t>(Op::unevaluated_properties) + 1;
  }

  const CompiledSchema& s_;
  std::vector<Issue>* out_;
  std::size_t recursion_ = 0;
  std::optional<Issue> limit_issue_;  // the first limit hit, reported or not
  bool limit_reported_ = false;       // a limit issue is already in *out_
};

bool Evaluator::eval(const Node& node, const json& inst, const PathStep* ipath,
                     const PathStep* kpath, const Scope* scope, Annotations* parent_ann,
                     std::size_t depth) {
  if (node.is_boolean) {
    if (!node.boolean_value && out_ != nullptr) report(node, kpath, "", ipath, "schema.false");
    return node.boolean_value;
  }
  if (recursion_ >= s_.options.max_recursion) {
    limit_reached(node, kpath, "", ipath, "limit.recursion", {{"limit", s_.options.max_recursion}});
    return false;
  }
  const Scope inner{scope, node.resource};
  if (node.resource != scope->resource) scope = &inner;
  if (node.collects_annotations) {
    // unevaluated* below: gather what this schema's keywords evaluate, pass it up if valid.
    Annotations local;
    ++recursion_;
    const bool valid = eval_keywords(node, inst, ipath, kpath, scope, &local, depth);
    --recursion_;
    if (valid && parent_ann != nullptr) parent_ann->merge(local);
    return valid;
  }
  ++recursion_;
  const bool valid = eval_keywords(node, inst, ipath, kpath, scope, parent_ann, depth);
  --recursion_;
  return valid;
}

bool Evaluator::eval_keywords(const Node& node, const json& inst, const PathStep* ipath,
                              const PathStep* kpath, const Scope* scope, Annotations* ann,
                              std::size_t depth) {
  static_assert(rules_in_op_order(), "kRules: one row per Op, in Op order");
  bool valid = true;
  for (const Keyword& k : node.keywords) {
    if (passes_trivially(k, inst, s_.options.regex_step_budget)) continue;
    bool ok;
    if (k.op == Op::ref) {
      // The most common applicator, kept out of the table's indirect call.
      const PathStep kstep{kpath, k.name, 0, false};
      ok = eval_child(*k.sub, inst, ipath, &kstep, scope, ann, depth);
    } else {
      const KeywordFn fn = kRules[static_cast<std::size_t>(k.op)].eval;
      ok = (this->*fn)(node, k, inst, ipath, kpath, scope, ann, depth);
    }
    if (!ok) {
      valid = false;
      if (out_ == nullptr) break;
    }
  }
  return valid;
}

// ---- Applicators (in-place) ----

bool Evaluator::eval_ref(KEYWORD_PARAMS) {
  const PathStep kstep{kpath, k.name, 0, false};
  return eval(*k.sub, inst, ipath, &kstep, scope, ann, depth);
}

bool Evaluator::eval_dynamic_ref(KEYWORD_PARAMS) {
  const Node* target = k.sub;
  if (k.dynamic) {
    // The outermost resource in the dynamic scope with this $dynamicAnchor wins.
    for (const Scope* sc = scope; sc != nullptr; sc = sc->parent) {
      const auto it = sc->resource->dynamic_nodes.find(k.anchor);
      if (it != sc->resource->dynamic_nodes.end()) target = it->second;
    }
  }
  const PathStep kstep{kpath, k.name, 0, false};
  return eval(*target, inst, ipath, &kstep, scope, ann, depth);
}

bool Evaluator::eval_all_of(KEYWORD_PARAMS) {
  const PathStep kstep{kpath, k.name, 0, false};
  bool valid = true;
  for (std::size_t i = 0; i < k.subs.size(); ++i) {
    const PathStep ks{&kstep, {}, i, true};
    if (!eval(*k.subs[i], inst, ipath, &ks, scope, ann, depth)) {
      valid = false;
      if (out_ == nullptr) return false;
    }
  }
  return valid;
}

bool Evaluator::eval_any_one_of(KEYWORD_PARAMS) {
  const PathStep kstep{kpath, k.name, 0, false};
  std::size_t matched = 0;
  for (std::size_t i = 0; i < k.subs.size(); ++i) {
    const PathStep ks{&kstep, {}, i, true};
    Annotations branch;
    if (quiet(*k.subs[i], inst, ipath, &ks, scope, ann != nullptr ? &branch : nullptr, depth)) {
      ++matched;
      if (ann != nullptr) ann->merge(branch);
      if (k.op == Op::any_of && ann == nullptr) return true;
      if (k.op == Op::one_of && matched > 1 && ann == nullptr) break;
    }
  }
  if (k.op == Op::any_of) {
    if (matched > 0) return true;
    if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.anyOf");
    return false;
  }
  if (matched == 1) return true;
  if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.oneOf", {{"matched", matched}});
  return false;
}

bool Evaluator::eval_not(KEYWORD_PARAMS) {
  const PathStep kstep{kpath, k.name, 0, false};
  if (!quiet(*k.sub, inst, ipath, &kstep, scope, nullptr, depth)) return true;
  if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.not");
  return false;
}

bool Evaluator::eval_if(KEYWORD_PARAMS) {
  const PathStep kstep{kpath, k.name, 0, false};
  Annotations branch;
  Annotations* bann = ann != nullptr ? &branch : nullptr;
  if (quiet(*k.sub, inst, ipath, &kstep, scope, bann, depth)) {
    if (ann != nullptr) ann->merge(branch);
    if (k.then_node == nullptr) return true;
    const PathStep ks{kpath, "then", 0, false};
    return eval(*k.then_node, inst, ipath, &ks, scope, ann, depth);
  }
  if (k.else_node == nullptr) return true;
  const PathStep ks{kpath, "else", 0, false};
  return eval(*k.else_node, inst, ipath, &ks, scope, ann, depth);
}

// ---- Leaf checks (passes_trivially takes their valid path; these report) ----

bool Evaluator::eval_type(KEYWORD_PARAMS) {
  if (matches_type(k.type_mask, inst)) return true;
  if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.type", {{"expected", k.value}});
  return false;
}

bool Evaluator::eval_enum(KEYWORD_PARAMS) {
  for (const json& v : k.value) {
    if (v == inst) return true;
  }
  if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.enum", {{"allowed", k.value}});
  return false;
}

bool Evaluator::eval_const(KEYWORD_PARAMS) {
  if (k.value == inst) return true;
  if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.const", {{"expected", k.value}});
  return false;
}

bool Evaluator::eval_multiple_of(KEYWORD_PARAMS) {
  if (!inst.is_number() || is_multiple_of(inst, k.value)) return true;
  if (out_ != nullptr)
    report(node, kpath, k.name, ipath, "schema.multipleOf", {{"divisor", k.value}});
  return false;
}

bool Evaluator::eval_number_limit(KEYWORD_PARAMS) {
  if (!inst.is_number()) return true;
  const int c = compare_numbers(inst, k.value);
  const bool ok = k.op == Op::maximum             ? c <= 0
                  : k.op == Op::exclusive_maximum ? c < 0
                  : k.op == Op::minimum           ? c >= 0
                                                  : c > 0;
  if (ok) return true;
  const char* key = k.op == Op::maximum             ? "schema.maximum"
                    : k.op == Op::exclusive_maximum ? "schema.exclusiveMaximum"
                    : k.op == Op::minimum           ? "schema.minimum"
                                                    : "schema.exclusiveMinimum";
  if (out_ != nullptr) report(node, kpath, k.name, ipath, key, {{"limit", k.value}});
  return false;
}

bool Evaluator::eval_length(KEYWORD_PARAMS) {
  if (!inst.is_string()) return true;
  const std::string& text = inst.get_ref<const std::string&>();
  // A code point takes 1 to 4 bytes, so the byte length often decides without counting.
  if (k.op == Op::max_length && text.size() <= k.count) return true;
  if (k.op == Op::min_length && text.size() / 4 >= k.count) return true;
  const std::size_t length = code_point_length(text);
  const bool ok = k.op == Op::max_length ? length <= k.count : length >= k.count;
  if (ok) return true;
  if (out_ != nullptr)
    report(node, kpath, k.name, ipath,
           k.op == Op::max_length ? "schema.maxLength" : "schema.minLength",
           {{"limit", k.count}, {"actual", length}});
  return false;
}

bool Evaluator::eval_pattern(KEYWORD_PARAMS) {
  if (!inst.is_string()) return true;
  const auto r = k.sibling_patterns[0].search(inst.get_ref<const std::string&>(),
                                              s_.options.regex_step_budget);
  if (r == Pattern::Result::match) return true;
  if (r == Pattern::Result::step_limit) {
    limit_reached(node, kpath, k.name, ipath, "limit.regex_steps", {{"pattern", k.value}});
  } else {
    if (out_ != nullptr)
      report(node, kpath, k.name, ipath, "schema.pattern", {{"pattern", k.value}});
  }
  return false;
}

bool Evaluator::eval_format(KEYWORD_PARAMS) {
  const std::string& format = k.value.get_ref<const std::string&>();
  if (format_check(format, inst)) return true;
  if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.format", {{"format", format}});
  return false;
}

// ---- Arrays ----

bool Evaluator::eval_prefix_items(KEYWORD_PARAMS) {
  if (!inst.is_array()) return true;
  const PathStep kstep{kpath, k.name, 0, false};
  bool valid = true;
  const std::size_t n = std::min(inst.size(), k.subs.size());
  if (n > 0 && too_deep(node, k, kpath, ipath, depth)) return false;
  for (std::size_t i = 0; i < n; ++i) {
    const PathStep is{ipath, {}, i, true};
    const PathStep ks{&kstep, {}, i, true};
    if (!eval_child(*k.subs[i], inst[i], &is, &ks, scope, nullptr, depth + 1)) {
      valid = false;
      if (out_ == nullptr) return false;
    }
  }
  if (valid && ann != nullptr) ann->item_prefix = std::max(ann->item_prefix, n);
  return valid;
}

bool Evaluator::eval_items(KEYWORD_PARAMS) {
  if (!inst.is_array()) return true;
  const PathStep kstep{kpath, k.name, 0, false};
  bool valid = true;
  if (inst.size() > k.count && too_deep(node, k, kpath, ipath, depth)) return false;
  for (std::size_t i = k.count; i < inst.size(); ++i) {
    const PathStep is{ipath, {}, i, true};
    if (k.sub->is_boolean && !k.sub->boolean_value) {
      if (out_ != nullptr)
        report(node, kpath, k.name, ipath,
               k.name == "additionalItems" ? "schema.additionalItems" : "schema.items",
               {{"limit", k.count}, {"actual", inst.size()}});
      return false;
    }
    if (!eval_child(*k.sub, inst[i], &is, &kstep, scope, nullptr, depth + 1)) {
      valid = false;
      if (out_ == nullptr) return false;
    }
  }
  if (valid && ann != nullptr) ann->all_items = true;
  return valid;
}

bool Evaluator::eval_contains(KEYWORD_PARAMS) {
  if (!inst.is_array()) return true;
  if (!inst.empty() && too_deep(node, k, kpath, ipath, depth)) return false;
  const PathStep kstep{kpath, k.name, 0, false};
  std::size_t matched = 0;
  // Without annotations to collect, stop once the outcome is decided.
  const bool stop_early = ann == nullptr && k.max_count == std::numeric_limits<std::size_t>::max();
  for (std::size_t i = 0; i < inst.size(); ++i) {
    const PathStep is{ipath, {}, i, true};
    if (quiet(*k.sub, inst[i], &is, &kstep, scope, nullptr, depth + 1)) {
      ++matched;
      if (ann != nullptr) ann->item_indices.push_back(i);
      if (stop_early && matched >= k.count) return true;
    }
  }
  if (matched < k.count) {
    if (k.count == 1) {
      if (out_ != nullptr) report(node, kpath, k.name, ipath, "schema.contains");
    } else {
      if (out_ != nullptr)
        report(node, kpath, "minContains", ipath, "schema.minContains",
               {{"limit", k.count}, {"actual", matched}});
    }
    return false;
  }
  if (matched > k.max_count) {
    if (out_ != nullptr)
      report(node, kpath, "maxContains", ipath, "schema.maxContains",
             {{"limit", k.max_count}, {"actual", matched}});
    return false;
  }
  return true;
}

bool Evaluator::eval_items_count(KEYWORD_PARAMS) {
  if (!inst.is_array()) return true;
  const bool ok = k.op == Op::max_items ? inst.size() <= k.count : inst.size() >= k.count;
  if (ok) return true;
  if (out_ != nullptr)
    report(node, kpath, k.name, ipath, k.op == Op::max_items ? "schema.maxItems" : "schema.minItems",
           {{"limit", k.count}, {"actual", inst.size()}});
  return false;
}

bool Evaluator::eval_unique_items(KEYWORD_PARAMS) {
  if (!inst.is_array()) return true;
  const json::array_t& items = inst.get_ref<const json::array_t&>();
  if (items.size() <= 16) {
    for (std::size_t i = 1; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (items[i] == items[j]) {
          if (out_ != nullptr)
            report(node, kpath, k.name, ipath, "schema.uniqueItems", {{"first", j}, {"second", i}});
          return false;
        }
      }
    }
    return true;
  }
  // Long arrays: sort positions by json's total order (numbers by value, like ==), then
  // equal items are neighbours. O(n log n) instead of O(n^2) on hostile input.
  std::vector<std::size_t> order(items.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return items[a] < items[b]; });
  for (std::size_t i = 1; i < order.size(); ++i) {
    if (items[order[i - 1]] == items[order[i]]) {
      if (out_ != nullptr)
        report(node, kpath, k.name, ipath, "schema.uniqueItems",
               {{"first", std::min(order[i - 1], order[i])},
                {"second", std::max(order[i - 1], order[i])}});
      return false;
    }
  }
  return true;
}

// ---- Objects ----

bool Evaluator::eval_properties_count(KEYWORD_PARAMS) {
  if (!inst.is_object()) return true;
  const bool ok = k.op == Op::max_properties ? inst.size() <= k.count : inst.size() >= k.count;
  if (ok) return true;
  if (out_ != nullptr)
    report(node, kpath, k.name, ipath,
           k.op == Op::max_properties ? "schema.maxProperties" : "schema.minProperties",
           {{"limit", k.count}, {"actual", inst.size()}});
  return false;
}

// One instance property of object_properties: its declared schema (or nullptr),
// patternProperties, additionalProperties. false = stop now (first-error mode or a limit).
bool Evaluator::visit_property(PropertyWalk& w, const std::string& key, const json& value,
                               const Node* declared) {
  if (!w.checked_depth) {
    if (w.depth + 1 > s_.options.max_depth) {
      limit_reached(w.node, w.kpath, "properties", w.ipath, "limit.depth",
                    {{"limit", s_.options.max_depth}});
      w.valid = false;
      return false;
    }
    w.checked_depth = true;
  }
  const Keyword& k = w.k;
  const PathStep is{w.ipath, key, 0, false};
  bool evaluated = false;
  bool ok = true;
  if (declared != nullptr) {
    evaluated = true;
    const PathStep ks{&w.props_step, key, 0, false};
    ok = eval_child(*declared, value, &is, &ks, w.scope, nullptr, w.depth + 1);
  }
  for (const auto& [pattern, sub] : k.patterns) {
    const auto r = pattern.search(key, s_.options.regex_step_budget);
    if (r == Pattern::Result::no_match) continue;
    evaluated = true;
    if (r == Pattern::Result::step_limit) {
      limit_reached(w.node, w.kpath, "patternProperties", &is, "limit.regex_steps",
                    {{"pattern", pattern.source()}});
      ok = false;
    } else {
      const PathStep ks{&w.patterns_step, pattern.source(), 0, false};
      ok = eval(*sub, value, &is, &ks, w.scope, nullptr, w.depth + 1) && ok;
    }
    if (!ok && out_ == nullptr) {
      w.valid = false;
      return false;
    }
  }
  if (!evaluated && k.sub != nullptr) {
    evaluated = true;
    if (k.sub->is_boolean && !k.sub->boolean_value) {
      if (out_ != nullptr)
        report(w.node, w.kpath, "additionalProperties", w.ipath, "schema.additionalProperties",
               {{"property", key}});
      ok = false;
    } else {
      ok = eval(*k.sub, value, &is, &w.additional_step, w.scope, nullptr, w.depth + 1) && ok;
    }
  }
  if (!ok) {
    w.valid = false;
    if (out_ == nullptr) return false;
  } else if (evaluated && w.ann != nullptr) {
    w.ann->properties.push_back(&key);
  }
  return true;
}

bool Evaluator::eval_object_properties(KEYWORD_PARAMS) {
  if (!inst.is_object()) return true;
  const json::object_t& object = inst.get_ref<const json::object_t&>();
  std::size_t required_found = 0;
  PropertyWalk w{node,
                 k,
                 ipath,
                 kpath,
                 scope,
                 ann,
                 depth,
                 {kpath, "properties", 0, false},
                 {kpath, "patternProperties", 0, false},
                 {kpath, "additionalProperties", 0, false}};
  if (k.patterns.empty() && k.sub == nullptr && k.named.size() * 4 <= object.size()) {
    // A few names against a larger object (the usual if/then/else and required-only
    // schemas): look each name up instead of walking the object. Both are in key order,
    // so issues come out in the same order as from the walk.
    for (std::size_t i = 0; i < k.named.size(); ++i) {
      const auto it = object.find(k.named[i].first);
      if (it == object.end()) continue;
      required_found += k.entry_required[i];
      if (k.named[i].second == nullptr) continue;
      if (!visit_property(w, it->first, it->second, k.named[i].second)) return false;
    }
  } else {
    // One walk over the instance object, merged with the sorted declared/required names.
    auto entry = k.named.begin();
    const auto entries_end = k.named.end();
    for (const auto& [key, value] : object) {
      int order = 1;
      while (entry != entries_end && (order = compare_keys(entry->first, key)) < 0) ++entry;
      const Node* declared = nullptr;
      if (entry != entries_end && order == 0) {
        required_found += k.entry_required[static_cast<std::size_t>(entry - k.named.begin())];
        declared = entry->second;
      }
      if (declared == nullptr && k.patterns.empty() && k.sub == nullptr) continue;
      if (!visit_property(w, key, value, declared)) return false;
    }
  }
  if (required_found < k.count) {
    w.valid = false;
    if (out_ == nullptr) return false;
    for (const std::string& name : k.strings) {
      if (object.find(name) == object.end()) {
        if (out_ != nullptr)
          report(node, kpath, "required", ipath, "schema.required", {{"property", name}});
      }
    }
  }
  return w.valid;
}

bool Evaluator::eval_dependent_required(KEYWORD_PARAMS) {
  if (!inst.is_object()) return true;
  bool valid = true;
  for (const auto& [name, needed] : k.dependents) {
    if (inst.find(name) == inst.end()) continue;
    for (const std::string& other : needed) {
      if (inst.find(other) != inst.end()) continue;
      valid = false;
      if (out_ == nullptr) return false;
      report(node, kpath, k.name, ipath, "schema.dependentRequired",
             {{"property", other}, {"because", name}});
    }
  }
  return valid;
}

bool Evaluator::eval_dependent_schemas(KEYWORD_PARAMS) {
  if (!inst.is_object()) return true;
  const PathStep kstep{kpath, k.name, 0, false};
  bool valid = true;
  for (const auto& [name, sub] : k.named) {
    if (inst.find(name) == inst.end()) continue;
    const PathStep ks{&kstep, name, 0, false};
    if (!eval(*sub, inst, ipath, &ks, scope, ann, depth)) {
      valid = false;
      if (out_ == nullptr) return false;
    }
  }
  return valid;
}

bool Evaluator::eval_property_names(KEYWORD_PARAMS) {
  if (!inst.is_object()) return true;
  const PathStep kstep{kpath, k.name, 0, false};
  bool valid = true;
  for (auto it = inst.begin(); it != inst.end(); ++it) {
    const json name(it.key());
    if (quiet(*k.sub, name, ipath, &kstep, scope, nullptr, depth)) continue;
    if (out_ != nullptr)
      report(node, kpath, k.name, ipath, "schema.propertyNames", {{"property", it.key()}});
    valid = false;
    if (out_ == nullptr) return false;
  }
  return valid;
}

// ---- Unevaluated (run last in a node: they read what the others evaluated) ----

bool Evaluator::eval_unevaluated_items(KEYWORD_PARAMS) {
  if (!inst.is_array()) return true;
  const PathStep kstep{kpath, k.name, 0, false};
  bool valid = true;
  for (std::size_t i = 0; i < inst.size(); ++i) {
    if (ann->has_item(i)) continue;
    if (k.sub->is_boolean && !k.sub->boolean_value) {
      if (out_ != nullptr)
        report(node, kpath, k.name, ipath, "schema.unevaluatedItems", {{"index", i}});
      valid = false;
      if (out_ == nullptr) return false;
      continue;
    }
    if (too_deep(node, k, kpath, ipath, depth)) return false;
    const PathStep is{ipath, {}, i, true};
    if (!eval(*k.sub, inst[i], &is, &kstep, scope, nullptr, depth + 1)) {
      valid = false;
      if (out_ == nullptr) return false;
    }
  }
  if (valid) ann->all_items = true;
  return valid;
}

bool Evaluator::eval_unevaluated_properties(KEYWORD_PARAMS) {
  if (!inst.is_object()) return true;
  const PathStep kstep{kpath, k.name, 0, false};
  bool valid = true;
  for (auto it = inst.begin(); it != inst.end(); ++it) {
    if (ann->has_property(&it.key())) continue;
    if (k.sub->is_boolean && !k.sub->boolean_value) {
      if (out_ != nullptr)
        report(node, kpath, k.name, ipath, "schema.unevaluatedProperties",
               {{"property", it.key()}});
      valid = false;
      if (out_ == nullptr) return false;
      continue;
    }
    if (too_deep(node, k, kpath, ipath, depth)) return false;
    const PathStep is{ipath, it.key(), 0, false};
    if (!eval(*k.sub, it.value(), &is, &kstep, scope, nullptr, depth + 1)) {
      valid = false;
      if (out_ == nullptr) return false;
    }
  }
  if (valid) ann->all_properties = true;
  return valid;
}

#undef KEYWORD_PARAMS

}  // namespace

bool evaluate(const CompiledSchema& schema, const json& instance, std::vector<Issue>* out) {
  return Evaluator(schema, out).run(instance);
}

}  // namespace greenapply::json_schema::detail
