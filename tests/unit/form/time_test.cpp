#include "time.hpp"

#include <gtest/gtest.h>

namespace greenapply::form {
namespace {

TEST(Time, DaysFromCivilRoundTrips) {
  EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
  EXPECT_EQ(days_from_civil(2023, 4, 30), 19477);
  for (std::int64_t d = -800000; d <= 800000; d += 997) {
    int y;
    unsigned m, day;
    civil_from_days(d, y, m, day);
    EXPECT_EQ(days_from_civil(y, m, day), d);
  }
}

TEST(Time, ParsesDatesStrictly) {
  EXPECT_EQ(parse_date("2024-02-29"), days_from_civil(2024, 2, 29));
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2023-13-01"));
  EXPECT_FALSE(parse_date("2023-4-30"));
  EXPECT_FALSE(parse_date("2023-04-30T00:00:00Z"));
  EXPECT_FALSE(parse_date(""));
}

TEST(Time, BeijingMidnightIsUtcSixteenHundredTheDayBefore) {
  const auto closes = parse_instant("2023-05-01T00:00:00+08:00");
  const auto utc = parse_instant("2023-04-30T16:00:00Z");
  ASSERT_TRUE(closes && utc);
  EXPECT_EQ(closes->epoch_seconds, utc->epoch_seconds);
  // 23:59 on 30 April in Beijing is still the 30th there, but 15:59 UTC.
  const auto late = parse_instant("2023-04-30T15:59:00Z");
  EXPECT_EQ(format_date(local_day(*late, 8 * 60)), "2023-04-30");
  EXPECT_EQ(format_date(local_day(*parse_instant("2023-04-30T16:00:00Z"), 8 * 60)), "2023-05-01");
  EXPECT_EQ(format_instant(*late, 8 * 60), "2023-04-30T23:59:00+08:00");
}

TEST(Time, RefusesInstantsWithoutOffset) {
  EXPECT_FALSE(parse_instant("2023-04-30T10:00:00"));
  EXPECT_FALSE(parse_instant("2023-04-30T25:00:00Z"));
  EXPECT_FALSE(parse_instant("2023-04-30T10:00:00+8:00"));
  EXPECT_TRUE(parse_instant("2023-04-30T10:00:00.123-05:30"));
}

}  // namespace
}  // namespace greenapply::form
