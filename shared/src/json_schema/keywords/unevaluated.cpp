// unevaluatedItems, unevaluatedProperties: run last in a node, they read the annotations
// (what the other keywords evaluated) that Evaluator::eval collects below them.
#include "../evaluator.hpp"

namespace greenapply::json_schema::detail {

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

}  // namespace greenapply::json_schema::detail
