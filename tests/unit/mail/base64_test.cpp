#include "greenapply/base64.hpp"

#include <gtest/gtest.h>

#include <string>

using greenapply::base64_decode;
using greenapply::base64_encode;

// RFC 4648 §10 test vectors.
TEST(Base64, EncodesTheRfcVectors) {
  EXPECT_EQ(base64_encode(""), "");
  EXPECT_EQ(base64_encode("f"), "Zg==");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
  EXPECT_EQ(base64_encode("foo"), "Zm9v");
  EXPECT_EQ(base64_encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64_encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
}

TEST(Base64, BreaksMimeLinesAt76WithCrlf) {
  const std::string text = base64_encode(std::string(100, 'x'), 76);
  ASSERT_EQ(text.find("\r\n"), 76u);
  EXPECT_EQ(text.size(), 136u + 2u);
  EXPECT_EQ(base64_decode(text), std::string(100, 'x'));
}

TEST(Base64, RoundTripsEveryByteValue) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += char(i);
  for (std::size_t n = 0; n <= bytes.size(); n += 37) {
    EXPECT_EQ(base64_decode(base64_encode(bytes.substr(0, n), 76)), bytes.substr(0, n));
  }
}

TEST(Base64, DecodingRefusesDamageInsteadOfShortening) {
  EXPECT_EQ(base64_decode("Zm9v\r\nYmFy"), "foobar");
  EXPECT_EQ(base64_decode("Zm8"), "fo");  // padding left off
  EXPECT_FALSE(base64_decode("Zm9v!"));
  EXPECT_FALSE(base64_decode("Zg==Zg=="));
  EXPECT_FALSE(base64_decode("Z"));
}
