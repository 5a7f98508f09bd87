#include <gtest/gtest.h>

#include "greenapply/formats.hpp"

namespace greenapply::formats {
namespace {

TEST(Formats, FormsNeedTheseRight) {
  EXPECT_TRUE(check("date", "2023-04-30"));
  EXPECT_FALSE(check("date", "2023-02-29"));
  EXPECT_FALSE(check("date", "2023-4-30"));
  EXPECT_TRUE(check("date-time", "2023-04-30T23:59:59+08:00"));
  EXPECT_FALSE(check("date-time", "2023-04-30 23:59:59"));
  EXPECT_TRUE(check("email", "applications@bluetech-award.example"));
  EXPECT_FALSE(check("email", "not an email"));
  EXPECT_TRUE(check("uri", "https://www.example.com/a?b=c"));
  EXPECT_FALSE(check("uri", "www.example.com"));
  EXPECT_TRUE(check("ipv6", "::1"));
  EXPECT_TRUE(check("ipv4", "192.168.0.1"));
  EXPECT_FALSE(check("ipv4", "256.1.1.1"));
  EXPECT_TRUE(check("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380"));
  EXPECT_TRUE(check("date", 42));  // formats apply to strings only
  EXPECT_TRUE(known("date"));
  EXPECT_FALSE(known("no-such-format"));
  EXPECT_TRUE(check("no-such-format", "anything"));
}

}  // namespace
}  // namespace greenapply::formats
