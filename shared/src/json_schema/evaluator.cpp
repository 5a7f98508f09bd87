// Evaluates an instance against compiled Nodes: the walk over a node's keywords, the table
// dispatch (Evaluator::kRules) and the in-place applicators; the other keyword families are in
// keywords/*.cpp.
#include "evaluator.hpp"

namespace greenapply::json_schema::detail {

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


bool evaluate(const CompiledSchema& schema, const json& instance, std::vector<Issue>* out) {
  return Evaluator(schema, out).run(instance);
}

}  // namespace greenapply::json_schema::detail
