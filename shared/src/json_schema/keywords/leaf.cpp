// Leaf checks: type, enum, const, multipleOf, number limits, lengths, pattern, format.
// passes_trivially (evaluator.hpp) takes their valid path inline; these also report.
#include "../evaluator.hpp"
#include "../formats_bridge.hpp"

namespace greenapply::json_schema::detail {

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

}  // namespace greenapply::json_schema::detail
