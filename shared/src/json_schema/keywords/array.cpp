// Array keywords: prefixItems, items (and additionalItems), contains, maxItems/minItems,
// uniqueItems.
#include "../evaluator.hpp"

namespace greenapply::json_schema::detail {

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

}  // namespace greenapply::json_schema::detail
