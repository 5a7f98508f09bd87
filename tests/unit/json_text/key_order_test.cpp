// compare_keys and same_key (greenapply/key_order.hpp), the inline order and equality of object
// keys that greenapply::json's lookups and the validator's property walk use, against
// std::string::compare, whose order std::map keeps, and ==: keys of every length around the
// eight-byte words they compare, bytes above 0x7F and NUL included.
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "greenapply/key_order.hpp"

namespace greenapply {
namespace {

int sign(int x) { return (x > 0) - (x < 0); }

TEST(CompareKeys, OrdersAsStdStringCompare) {
  std::mt19937 random(20261207);
  const std::string alphabet("\x00\x01" "aAbz_09~\x7f\x80\xc3\xa9\xe4\xb8\xad\xff", 18);
  auto key = [&] {
    std::string s(random() % 20, 'a');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    return s;
  };
  for (int i = 0; i < 200000; ++i) {
    const std::string a = key();
    std::string b = a;
    switch (random() % 4) {
      case 0: b = key(); break;                                   // unrelated
      case 1: if (!b.empty()) b[random() % b.size()] = alphabet[random() % alphabet.size()]; break;
      case 2: b.resize(random() % (b.size() + 1)); break;         // a prefix
      default: b += alphabet[random() % alphabet.size()]; break;  // one longer
    }
    ASSERT_EQ(compare_keys(a, b), sign(a.compare(b))) << i;
    ASSERT_EQ(compare_keys(b, a), sign(b.compare(a))) << i;
    ASSERT_EQ(same_key(a, b), a == b) << i;
  }
}

}  // namespace
}  // namespace greenapply
