// The field-by-field difference between two submissions of one applicant.
#include <map>

#include "round_internal.hpp"
#include "greenapply/json_pointer.hpp"

namespace greenapply::round::detail {
namespace {

using greenapply::json;

using json_pointer::escape_token;

// Leaves by pointer; an empty object or array is a leaf of its own (so "[] → [x]" shows).
void flatten(const json& v, const std::string& pointer, std::map<std::string, const json*>& out) {
  if (v.is_object() && !v.empty()) {
    for (auto it = v.begin(); it != v.end(); ++it) flatten(it.value(), pointer + "/" + escape_token(it.key()), out);
  } else if (v.is_array() && !v.empty()) {
    for (std::size_t i = 0; i < v.size(); ++i) flatten(v[i], pointer + "/" + std::to_string(i), out);
  } else {
    out[pointer] = &v;
  }
}

}  // namespace

json field_changes(const json& before, const json& after, std::size_t limit) {
  std::map<std::string, const json*> a, b;
  flatten(before, "", a);
  flatten(after, "", b);
  json fields = json::array();
  std::size_t more = 0;
  auto add = [&](const std::string& pointer, const json* x, const json* y) {
    if (fields.size() >= limit) {
      ++more;
      return;
    }
    fields.push_back({{"pointer", pointer}, {"before", x ? *x : json()}, {"after", y ? *y : json()}});
  };
  auto ia = a.begin();
  auto ib = b.begin();
  while (ia != a.end() || ib != b.end()) {
    if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
      add(ia->first, ia->second, nullptr);
      ++ia;
    } else if (ia == a.end() || ib->first < ia->first) {
      add(ib->first, nullptr, ib->second);
      ++ib;
    } else {
      if (*ia->second != *ib->second) add(ia->first, ia->second, ib->second);
      ++ia;
      ++ib;
    }
  }
  return {{"fields", fields}, {"more", more}};
}

}  // namespace greenapply::round::detail
