// greenapply/key_order.hpp — the order and the equality of object keys, inline.
//
// std::string::compare's order (bytes as unsigned char), which std::map<std::string> keeps and so
// greenapply::json's objects too (sorted_map.hpp). Written out because it runs on every keyed
// lookup (the expressions, the round, the validator's property walk) and the keys are short: the
// library's compare calls memcmp (a call per probe natively; a byte loop in wasm's libc) and
// then compares the lengths. Held to std::string::compare by key_order_test.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace greenapply {

// Negative, zero or positive as `a` sorts before, with or after `b`.
inline int compare_keys(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = std::min(a.size(), b.size());
  const char* x = a.data();
  const char* y = b.data();
  std::size_t i = 0;
  // Eight bytes at a time: a matching key is compared to its end, and most keys match. Where two
  // words differ, the first differing byte decides: the lowest set bit of their difference, read
  // little-endian (the first byte in memory is the lowest). A count of trailing zeros, where
  // reading the words big-endian would byte-swap them: wasm has no byte swap, and each inlined
  // swap cost the page's wasm code.
  for (; i + 8 <= n; i += 8) {
    std::uint64_t u;
    std::uint64_t v;
    std::memcpy(&u, x + i, sizeof u);
    std::memcpy(&v, y + i, sizeof v);
    if (u != v) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      return u < v ? -1 : 1;  // big-endian words order as their bytes do
#else
      const unsigned shift = static_cast<unsigned>(__builtin_ctzll(u ^ v)) & ~7u;
      return (u >> shift & 0xFF) < (v >> shift & 0xFF) ? -1 : 1;
#endif
    }
  }
  for (; i < n; ++i) {
    if (x[i] != y[i]) {
      return static_cast<unsigned char>(x[i]) < static_cast<unsigned char>(y[i]) ? -1 : 1;
    }
  }
  return a.size() < b.size() ? -1 : (a.size() > b.size() ? 1 : 0);
}

// Whether two keys are the same bytes: the lengths, then words, the last one overlapping its
// neighbour instead of a byte loop for the tail.
inline bool same_key(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size();
  if (n != b.size()) return false;
  const char* x = a.data();
  const char* y = b.data();
  auto word = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  auto half = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (word(x + i) != word(y + i)) return false;
    }
    return word(x + n - 8) == word(y + n - 8);
  }
  if (n >= 4) return half(x) == half(y) && half(x + n - 4) == half(y + n - 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (x[i] != y[i]) return false;
  }
  return true;
}

}  // namespace greenapply
