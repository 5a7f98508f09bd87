// The few ways the form engine turns expression values into decisions and output, in one place.
#pragma once

#include <optional>
#include <string>

#include "greenapply/json.hpp"

#include "greenapply/expression.hpp"
#include "greenapply/output_number.hpp"

namespace greenapply::form {

expr::Value make_date(std::int64_t days_since_epoch);
expr::Value string_value(const std::string& s);
expr::Value from_answer(const greenapply::json& j);
bool is_true(const expr::Value& v);   // exactly boolean true
bool is_false(const expr::Value& v);  // exactly boolean false (null is neither)
std::optional<double> number_of(const expr::Value& v);
// Output form: integral numbers as integers (so 15 prints "15", not "15.0"), dates as
// "YYYY-MM-DD", non-finite numbers as null.
greenapply::json to_output(const expr::Value& v);
using greenapply::output_number;

}  // namespace greenapply::form
