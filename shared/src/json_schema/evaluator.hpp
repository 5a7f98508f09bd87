// The evaluator's internals, shared by evaluator.cpp (the walk and the in-place applicators)
// and keywords/*.cpp (one file per keyword family). The valid path allocates nothing: instance
// and keyword locations are chains of stack frames turned into JSON pointers only when an
// error is reported. Annotations (which properties/items were evaluated) are collected only
// below a schema that has unevaluatedProperties/unevaluatedItems. What runs on every instance
// value (passes_trivially, leaf_passes, eval_child) is inline here, so every file inlines it.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiled.hpp"
#include "numbers.hpp"

namespace greenapply::json_schema::detail {

using greenapply::json;

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

inline std::string pointer_of(const PathStep* step) {
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

inline bool matches_type(unsigned mask, const json& v) {
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
      const auto x = *a.get_ptr<const json::number_unsigned_t*>();
      const auto y = *b.get_ptr<const json::number_unsigned_t*>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a.type() == json::value_t::number_integer) {
      const auto x = *a.get_ptr<const json::number_integer_t*>();
      const auto y = *b.get_ptr<const json::number_integer_t*>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
  }
  return compare_numbers(a, b);
}

// The text of a JSON string the caller has checked is one: get_ptr is inline, where get_ref
// is a call that would throw on another type (this runs for every string an instance has).
inline const std::string& text_of(const json& string_value) {
  return *string_value.get_ptr<const std::string*>();
}

// enum's test: `inst` equals one of `values` (strings compared as strings, without building a
// JSON comparison for each).
inline bool enum_has(const json& values, const json& inst) {
  if (inst.is_string()) {
    const std::string& text = text_of(inst);
    for (const json& v : values) {
      if (v.is_string() && text_of(v) == text) return true;
    }
    return false;
  }
  for (const json& v : values) {
    if (v == inst) return true;
  }
  return false;
}

// maxLength and minLength in code points. A code point takes 1 to 4 bytes: the byte length often
// decides without counting.
inline bool within_max_length(const std::string& text, std::size_t limit) {
  return text.size() <= limit || code_point_length(text) <= limit;
}
inline bool within_min_length(const std::string& text, std::size_t limit) {
  return text.size() / 4 >= limit || (text.size() >= limit && code_point_length(text) >= limit);
}

// The common leaf checks, inline: true when keyword `k` certainly holds for `inst`. Anything
// else (failures, applicators) goes through Evaluator::eval_keyword, which also reports.
inline bool passes_trivially(const Keyword& k, const json& inst, std::size_t regex_budget) {
  switch (k.op) {
    case Op::type:
      return matches_type(k.type_mask, inst);
    case Op::enum_:
      return enum_has(k.value, inst);
    case Op::max_length:
      return !inst.is_string() || within_max_length(text_of(inst), k.count);
    case Op::min_length:
      return !inst.is_string() || within_min_length(text_of(inst), k.count);
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
             k.sibling_patterns[0].search(text_of(inst), regex_budget) ==
                 Pattern::Result::match;
    case Op::format:
      return !inst.is_string();
    default:
      return false;
  }
}

// Every keyword of a leaf node (Node::leaf) certainly holds: the same answer as
// passes_trivially for each keyword, taken by the instance's type (LeafChecks).
inline bool leaf_passes(const Node& leaf, const json& inst, std::size_t regex_budget) {
  const LeafChecks& c = leaf.leaf_checks;  // built: see the compiler's end
  if (c.has_type && !matches_type(c.type_mask, inst)) return false;
  switch (inst.type()) {
    case json::value_t::string: {
      if (c.string_needs_full) return false;
      const std::string& text = text_of(inst);
      if (!within_max_length(text, c.max_length) || !within_min_length(text, c.min_length)) return false;
      if (c.pattern != nullptr && c.pattern->search(text, regex_budget) != Pattern::Result::match) return false;
      break;
    }
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      if (c.number_needs_full) return false;
      if (c.maximum != nullptr && compare_numbers_fast(inst, *c.maximum) > 0) return false;
      if (c.minimum != nullptr && compare_numbers_fast(inst, *c.minimum) < 0) return false;
      if (c.exclusive_maximum != nullptr && compare_numbers_fast(inst, *c.exclusive_maximum) >= 0) return false;
      if (c.exclusive_minimum != nullptr && compare_numbers_fast(inst, *c.exclusive_minimum) <= 0) return false;
      break;
    case json::value_t::array:
      if (inst.size() > c.max_items || inst.size() < c.min_items) return false;
      break;
    case json::value_t::object:
      if (inst.size() > c.max_properties || inst.size() < c.min_properties) return false;
      break;
    default:
      break;
  }
  if (c.enum_values != nullptr) {
    if (c.enum_of_strings) {
      if (!inst.is_string() || c.enum_strings.find(text_of(inst)) == NameIndex::kNone) return false;
    } else if (!enum_has(*c.enum_values, inst)) {
      return false;
    }
  }
  return c.const_value == nullptr || *c.const_value == inst;
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
    issue.location = pointer_of(ipath);
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

}  // namespace greenapply::json_schema::detail
