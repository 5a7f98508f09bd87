// NameIndex (the property walk's and string enums' hashed lookup) against a linear search: names
// of every length around its 4- and 8-byte loads, shared heads and tails (the parts it hashes),
// bytes above 0x7F and NUL, repeated names, and keys that are not there.
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "name_index.hpp"

namespace greenapply::json_schema::detail {
namespace {

std::size_t linear_find(const std::vector<std::string>& names, const std::string& key) {
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == key) return i;
  }
  return NameIndex::kNone;
}

TEST(NameIndex, FindsWhatALinearSearchFinds) {
  std::mt19937 random(20261207);
  const std::string alphabet("\x00" "aAbz_09~\x7f\x80\xc3\xa9\xe4\xff", 15);
  auto name = [&] {
    std::string s(random() % 40, 'a');
    for (char& c : s) c = alphabet[random() % 3 == 0 ? random() % alphabet.size() : 1];
    return s;
  };
  for (int round = 0; round < 2000; ++round) {
    std::vector<std::string> names;
    const std::size_t n = random() % 40;
    for (std::size_t i = 0; i < n; ++i) names.push_back(name());
    NameIndex index;
    index.build(names, [](const std::string& s) { return std::string_view(s); });
    for (int probe = 0; probe < 60; ++probe) {
      std::string key = !names.empty() && probe % 2 == 0 ? names[random() % names.size()] : name();
      if (probe % 6 == 4 && !key.empty()) key[random() % key.size()] ^= 1;  // one bit off
      const std::size_t found = index.find(key);
      const std::size_t expected = linear_find(names, key);
      if (expected == NameIndex::kNone) {
        ASSERT_EQ(found, NameIndex::kNone) << round << " " << probe;
      } else {
        ASSERT_NE(found, NameIndex::kNone) << round << " " << probe;
        ASSERT_EQ(names[found], key) << round << " " << probe;  // a repeated name: any of them
      }
    }
  }
}

TEST(NameIndex, EmptyFindsNothing) {
  NameIndex unbuilt;
  EXPECT_EQ(unbuilt.find("a"), NameIndex::kNone);
  NameIndex none;
  none.build(std::vector<std::string>{}, [](const std::string& s) { return std::string_view(s); });
  EXPECT_EQ(none.find(""), NameIndex::kNone);
}

}  // namespace
}  // namespace greenapply::json_schema::detail
