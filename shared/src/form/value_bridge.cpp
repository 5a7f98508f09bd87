#include "value_bridge.hpp"

#include <cmath>

namespace greenapply::form {

expr::Value make_date(std::int64_t days) { return expr::Value::date(days); }
expr::Value string_value(const std::string& s) { return expr::Value::string(s); }
expr::Value from_answer(const greenapply::json& j) { return expr::Value::borrow(j); }
bool is_true(const expr::Value& v) { return v.is_true(); }
bool is_false(const expr::Value& v) { return v.is_false(); }

std::optional<double> number_of(const expr::Value& v) {
  if (v.kind() != expr::Value::Kind::number || !std::isfinite(v.as_number())) return std::nullopt;
  return v.as_number();
}

greenapply::json to_output(const expr::Value& v) { return v.to_json(); }

}  // namespace greenapply::form
