#include "time.hpp"

#include "greenapply/calendar.hpp"

#include <cstdio>

namespace greenapply::form {

std::int64_t days_from_civil(int year, unsigned month, unsigned day) {
  return calendar::days_from_civil(year, month, day);
}

void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day) {
  calendar::civil_from_days(days, year, month, day);
}

namespace {

std::optional<std::int64_t> parse_date_prefix(std::string_view s) { return calendar::parse_date_prefix(s); }

}  // namespace

std::optional<std::int64_t> parse_date(std::string_view s) {
  if (s.size() != 10) return std::nullopt;
  return parse_date_prefix(s);
}

std::optional<Instant> parse_instant(std::string_view s) {
  const auto day = parse_date_prefix(s);
  if (!day || s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  int hh, mm, ss = 0;
  if (!calendar::read_digits(s, 11, 2, hh) || s[13] != ':' || !calendar::read_digits(s, 14, 2, mm)) return std::nullopt;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!calendar::read_digits(s, pos + 1, 2, ss)) return std::nullopt;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      const std::size_t start = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return std::nullopt;
  int offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!calendar::read_digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !calendar::read_digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;  // an instant without an offset is ambiguous: refuse it
  }
  if (pos != s.size()) return std::nullopt;
  Instant t;
  t.offset_minutes = offset;
  t.epoch_seconds = *day * 86400 + hh * 3600 + mm * 60 + (ss == 60 ? 59 : ss) -
                    static_cast<std::int64_t>(offset) * 60;
  return t;
}

std::int64_t local_day(const Instant& t, int offset_minutes) {
  const std::int64_t local = t.epoch_seconds + static_cast<std::int64_t>(offset_minutes) * 60;
  return local >= 0 ? local / 86400 : (local - 86399) / 86400;
}

std::string format_date(std::int64_t days) { return calendar::format_date(days); }

std::string format_instant(const Instant& t, int offset_minutes) {
  const std::int64_t local = t.epoch_seconds + static_cast<std::int64_t>(offset_minutes) * 60;
  const std::int64_t day = local_day(t, offset_minutes);
  const std::int64_t secs = local - day * 86400;
  const int off = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d%c%02d:%02d", format_date(day).c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60), offset_minutes < 0 ? '-' : '+', off / 60, off % 60);
  return buf;
}

}  // namespace greenapply::form
