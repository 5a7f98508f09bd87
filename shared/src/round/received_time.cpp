// RFC 3339 instants for ordering submissions (the form module's own parser is private to it).
#include "greenapply/calendar.hpp"
#include "round_internal.hpp"

namespace greenapply::round::detail {

std::optional<std::int64_t> epoch_seconds(std::string_view s) {
  const auto day = calendar::parse_date_prefix(s);
  if (!day || s.size() < 16 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  auto num = [&](std::size_t at, int& out) {
    if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return false;
    out = (s[at] - '0') * 10 + (s[at + 1] - '0');
    return true;
  };
  int hh, mm, ss = 0;
  if (!num(11, hh) || s[13] != ':' || !num(14, mm) || hh > 23 || mm > 59) return std::nullopt;
  std::size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    if (!num(at + 1, ss) || ss > 60) return std::nullopt;
    at += 3;
    if (at < s.size() && s[at] == '.') {
      ++at;
      while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
    }
  }
  if (at >= s.size()) return std::nullopt;
  int offset = 0;
  if (s[at] == 'Z' || s[at] == 'z') {
    ++at;
  } else if (s[at] == '+' || s[at] == '-') {
    int oh, om;
    if (!num(at + 1, oh) || at + 3 >= s.size() || s[at + 3] != ':' || !num(at + 4, om)) return std::nullopt;
    offset = (s[at] == '-' ? -1 : 1) * (oh * 60 + om);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != s.size()) return std::nullopt;
  return *day * 86400 + hh * 3600 + mm * 60 + ss - offset * 60;
}

}  // namespace greenapply::round::detail
