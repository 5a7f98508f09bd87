// A set of names found by hashing: a schema's property names (object_properties looks each key
// of an instance object up here, where it used to merge the object's sorted keys with the sorted
// names, two or three comparisons per key) and an enum's strings. Built once per compiled
// keyword; read-only afterwards. The hash decides only where a lookup starts: a match is always
// a full comparison of the bytes, so the answer never depends on it (native and wasm agree).
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "greenapply/key_order.hpp"

namespace greenapply::json_schema::detail {

class NameIndex {
 public:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // `names[i]` is found as i (one of them, should a name repeat).
  template <class Names, class NameOf>
  void build(const Names& names, NameOf name_of) {
    std::size_t size = 4;
    while (size < names.size() * 2) size *= 2;
    slots_.assign(size, 0);
    mask_ = size - 1;
    keys_.clear();
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string_view name = name_of(names[i]);
      keys_.emplace_back(name);
      std::size_t s = slot_of(name);
      while (slots_[s] != 0) s = (s + 1) & mask_;
      slots_[s] = static_cast<std::uint32_t>(i + 1);
    }
  }

  // The index of `key`, or kNone.
  std::size_t find(std::string_view key) const {
    if (slots_.empty()) return kNone;
    for (std::size_t s = slot_of(key);; s = (s + 1) & mask_) {
      const std::uint32_t entry = slots_[s];
      if (entry == 0) return kNone;
      const std::string& name = keys_[entry - 1];
      if (same_key(name, key)) return entry - 1;
    }
  }

 private:
  // From the length and the first and last bytes (up to eight of each): property names differ
  // there, and reading them costs two loads.
  std::size_t slot_of(std::string_view key) const {
    const std::size_t n = key.size();
    const char* p = key.data();
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    if (n >= 8) {
      std::memcpy(&head, p, 8);
      std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
      std::uint32_t a;
      std::uint32_t b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      head = a;
      tail = b;
    } else if (n > 0) {
      head = static_cast<unsigned char>(p[0]) | static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
             static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    const std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ ((tail + n) * 0xC2B2AE3D27D4EB4Full);
    return static_cast<std::size_t>(h ^ (h >> 29) ^ (h >> 47)) & mask_;
  }

  std::vector<std::uint32_t> slots_;  // 1 + the name's index, 0 = empty
  // Its own copies: a keyword moves while the schema compiles, and a short name moves with its
  // string, so a view of the keyword's names would not survive.
  std::vector<std::string> keys_;
  std::size_t mask_ = 0;
};

}  // namespace greenapply::json_schema::detail
