// Calendar arithmetic without a clock or a time-zone database: instants carry their own UTC
// offset (as every date-time in a package and in --now must), days are proleptic Gregorian.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace greenapply::form {

struct Instant {
  std::int64_t epoch_seconds = 0;  // UTC
  int offset_minutes = 0;          // the offset it was written with
};

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, unsigned month, unsigned day);
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day);

// "YYYY-MM-DD" → days since epoch.
std::optional<std::int64_t> parse_date(std::string_view text);
// RFC 3339 date-time with "Z" or "±HH:MM" (seconds optional fraction ignored).
std::optional<Instant> parse_instant(std::string_view text);
// The calendar day of an instant seen at a given UTC offset.
std::int64_t local_day(const Instant& t, int offset_minutes);
// "YYYY-MM-DD"
std::string format_date(std::int64_t days);
// "YYYY-MM-DDTHH:MM:SS±HH:MM" at the given offset
std::string format_instant(const Instant& t, int offset_minutes);

}  // namespace greenapply::form
