// RFC 6901 JSON pointers as the form engine uses them: building, splitting, and patterns with
// "*" standing for every item of a repeat group (e.g. "/team/core_team/*/phd_field").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/json_pointer.hpp"

namespace greenapply::form {

using json_pointer::escape_token;  // greenapply/json_pointer.hpp
std::vector<std::string> split_pointer(std::string_view pointer);  // unescaped tokens
std::string join_pointer(const std::vector<std::string>& tokens);
// True when `pointer` equals `prefix` or lies below it.
bool is_within(std::string_view pointer, std::string_view prefix);
// The first token as written ("company" of "/company/founding_date"), or "" when there is none
// or it is the pattern "*".
std::string_view first_token(std::string_view pointer);
// Every concrete pointer matching a pattern in `doc` ("*" matches each array index).
std::vector<std::string> expand_pattern(const greenapply::json& doc, std::string_view pattern);
// Removes the value at a concrete pointer, if present (objects: erase key; arrays: not allowed).
void erase_at(greenapply::json& doc, std::string_view pointer);
// The value at a concrete pointer or nullptr.
const greenapply::json* find_at(const greenapply::json& doc, std::string_view pointer);
// The text key of the field a pointer or pattern names: its tokens joined with ".", with the
// array indexes and "*" of repeat groups left out, so every item of a repeat shares the texts of
// its field: "/team/core_team/3/email" and "/team/core_team/*/email" → "team.core_team.email".
// All-digit tokens count as indexes, as everywhere in the form engine.
std::string field_text_key(std::string_view pointer);

}  // namespace greenapply::form
