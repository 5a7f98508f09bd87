// Two JSON trees equal as trees and as kinds of value, for the tests that hold the direct reader
// to nlohmann's parser (direct_reader_test.cpp, fuzz_json_text.cpp).
#pragma once

#include <cstring>

#include "greenapply/json.hpp"

namespace greenapply {

// Equal as trees and as kinds: nlohmann's == holds 1u == 1 == 1.0 and 0.0 == -0.0.
inline bool strictly_same(const greenapply::json& a, const greenapply::json& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case greenapply::json::value_t::object: {
      const auto& x = a.get_ref<const greenapply::json::object_t&>();
      const auto& y = b.get_ref<const greenapply::json::object_t&>();
      if (x.size() != y.size()) return false;
      for (auto i = x.begin(), j = y.begin(); i != x.end(); ++i, ++j) {
        if (i->first != j->first || !strictly_same(i->second, j->second)) return false;
      }
      return true;
    }
    case greenapply::json::value_t::array: {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!strictly_same(a[i], b[i])) return false;
      }
      return true;
    }
    case greenapply::json::value_t::number_float: {
      const double x = a.get<double>();
      const double y = b.get<double>();
      return std::memcmp(&x, &y, sizeof x) == 0;
    }
    default:
      return a == b;
  }
}

}  // namespace greenapply
