#include "scope.hpp"

#include <string_view>

#include "value_bridge.hpp"

namespace greenapply::form {

using greenapply::json;

Scope::Scope(const PackageData& d, const json& submitted, const Instant& now)
    : d_(d), submitted_(submitted) {
  if (d.round) {
    round_opens_ = make_date(local_day(d.round->opens, d.round->offset_minutes));
    round_closes_ = make_date(local_day(d.round->closes_before, d.round->offset_minutes));
    round_deadline_ = make_date(d.round->deadline_day);
    now_ = make_date(local_day(now, d.round->offset_minutes));
  } else {
    now_ = make_date(local_day(now, now.offset_minutes));
  }
}

expr::Value Scope::resolve(const std::vector<std::string>& path, expr::Type type) const {
  if (path.empty()) return expr::Value();
  // Compared as views: the lengths first, no strlen per comparison (this runs on every read).
  const std::string_view root = path[0];
  if (root == std::string_view("now")) return now_;
  if (root == std::string_view("calc")) {
    if (path.size() != 2) return expr::Value();
    const auto it = calc_.find(path[1]);
    return it == calc_.end() ? expr::Value() : it->second;
  }
  if (root == std::string_view("round")) {
    if (!d_.round || path.size() != 2) return expr::Value();
    if (path[1] == "opens") return round_opens_;
    if (path[1] == "closes_before") return round_closes_;
    if (path[1] == "deadline") return round_deadline_;
    if (path[1] == "id") return string_value(d_.round->id);
    if (path[1] == "time_zone") return string_value(d_.round->time_zone);
    return expr::Value();
  }
  const json* node = &submitted_;
  for (const auto& step : path) {
    if (!node->is_object()) return expr::Value();
    const auto it = node->find(step);
    if (it == node->end()) return expr::Value();
    node = &*it;
  }
  if (node->is_string() && type == expr::Type::date) {
    // Dates arrive as ISO strings; the schema says which fields are dates (the package typed
    // every path it reads when it loaded: the type is the schema's).
    const auto day = parse_date(node->get_ref<const std::string&>());
    return day ? make_date(*day) : expr::Value();
  }
  // The answers outlive every value of this evaluation: strings are read in place.
  return expr::Value::view(*node);
}

expr::Value Scope::run(const expr::Program& program, const expr::Value* it) {
  try {
    const expr::ResolveFn fn = [](const void* self, const std::vector<std::string>& path, expr::Type type) {
      return static_cast<const Scope*>(self)->resolve(path, type);
    };
    return expr::evaluate(program, fn, this, it);
  } catch (const expr::EvalError&) {
    overrun = true;
    return expr::Value();
  }
}

}  // namespace greenapply::form
