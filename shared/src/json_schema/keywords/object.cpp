// Object keywords: maxProperties/minProperties, the fused properties walk
// (object_properties), dependentRequired, dependentSchemas, propertyNames.
#include "../evaluator.hpp"

namespace greenapply::json_schema::detail {

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
  // A declared property whose schema is all leaf checks (Node::leaf), when no pattern may also
  // apply to it and no limit could be reached below: its checks run here, and visit_property
  // (path steps, the pattern loop, the full evaluation that reports) only when one fails. Most
  // of a form's properties are such leaves.
  const bool leaf_shortcut = k.patterns.empty() && depth + 1 <= s_.options.max_depth &&
                             recursion_ + kMaxLeafHops < s_.options.max_recursion;
  auto passes_as_leaf = [&](const Node* declared, const std::string& key, const json& value) {
    if (!leaf_shortcut || declared == nullptr || declared->leaf == nullptr ||
        !leaf_passes(*declared->leaf, value, s_.options.regex_step_budget))
      return false;
    if (ann != nullptr) ann->properties.push_back(&key);
    return true;
  };
  if (k.patterns.empty() && k.sub == nullptr && k.named.size() * 4 <= object.size()) {
    // A few names against a larger object (the usual if/then/else and required-only
    // schemas): look each name up instead of walking the object. Both are in key order,
    // so issues come out in the same order as from the walk.
    for (std::size_t i = 0; i < k.named.size(); ++i) {
      const auto it = object.find(k.named[i].first);
      if (it == object.end()) continue;
      required_found += k.entry_required[i];
      if (k.named[i].second == nullptr || passes_as_leaf(k.named[i].second, it->first, it->second)) continue;
      if (!visit_property(w, it->first, it->second, k.named[i].second)) return false;
    }
  } else {
    // One walk over the instance object, each key looked up among the declared/required names.
    for (const auto& [key, value] : object) {
      const std::size_t entry = k.named_index.find(key);
      const Node* declared = nullptr;
      if (entry != NameIndex::kNone) {
        required_found += k.entry_required[entry];
        declared = k.named[entry].second;
      }
      if (declared == nullptr && k.patterns.empty() && k.sub == nullptr) continue;
      if (passes_as_leaf(declared, key, value)) continue;
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

}  // namespace greenapply::json_schema::detail
