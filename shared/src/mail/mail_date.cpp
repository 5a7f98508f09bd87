// RFC 5322 §3.3 dates (and §4.3's obsolete zones) to RFC 3339; see greenapply/mail_reader.hpp.
#include <cstdio>
#include <cstdlib>

#include "greenapply/calendar.hpp"
#include "greenapply/mail_reader.hpp"

namespace greenapply::mail {
namespace {

std::vector<std::string> tokens(std::string_view s) {
  // Comments "(...)" dropped; "," and whitespace separate.
  std::vector<std::string> out;
  std::string cur;
  int comment = 0;
  for (char c : s) {
    if (c == '(') {
      ++comment;
      continue;
    }
    if (c == ')' && comment > 0) {
      --comment;
      continue;
    }
    if (comment > 0) continue;
    if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int month_of(std::string m) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (auto& c : m) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (int i = 0; i < 12; ++i)
    if (m == kMonths[i]) return i + 1;
  return 0;
}

// Minutes east of UTC, or nullopt.
std::optional<int> zone_of(std::string z) {
  if (z.size() == 5 && (z[0] == '+' || z[0] == '-') && all_digits(z.substr(1))) {
    const int hh = std::atoi(z.substr(1, 2).c_str()), mm = std::atoi(z.substr(3, 2).c_str());
    if (hh > 23 || mm > 59) return std::nullopt;
    return (z[0] == '-' ? -1 : 1) * (hh * 60 + mm);
  }
  for (auto& c : z) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  if (z == "UT" || z == "GMT" || z == "Z" || z == "UTC") return 0;
  if (z == "EST") return -300;
  if (z == "EDT") return -240;
  if (z == "CST") return -360;
  if (z == "CDT") return -300;
  if (z == "MST") return -420;
  if (z == "MDT") return -360;
  if (z == "PST") return -480;
  if (z == "PDT") return -420;
  if (z.size() == 1 && z[0] >= 'A' && z[0] <= 'Z' && z[0] != 'J') return 0;  // military: RFC 5322 says treat as +0000
  return std::nullopt;
}

}  // namespace

std::optional<std::string> date_to_rfc3339(std::string_view date) {
  auto t = tokens(date);
  if (!t.empty() && !all_digits(t[0]) && month_of(t[0]) == 0) t.erase(t.begin());  // day of week
  if (t.size() < 4) return std::nullopt;
  if (!all_digits(t[0]) || t[0].size() > 2) return std::nullopt;
  const int day = std::atoi(t[0].c_str());
  const int month = month_of(t[1]);
  if (month == 0 || !all_digits(t[2]) || t[2].size() > 4 || t[2].size() < 2) return std::nullopt;
  int year = std::atoi(t[2].c_str());
  if (t[2].size() == 2) year += year < 50 ? 2000 : 1900;
  else if (t[2].size() == 3) year += 1900;
  // HH:MM[:SS]
  const std::string& tm = t[3];
  int hh = 0, mi = 0, ss = 0;
  if (tm.size() != 5 && tm.size() != 8) return std::nullopt;
  if (!all_digits(tm.substr(0, 2)) || tm[2] != ':' || !all_digits(tm.substr(3, 2))) return std::nullopt;
  hh = std::atoi(tm.substr(0, 2).c_str());
  mi = std::atoi(tm.substr(3, 2).c_str());
  if (tm.size() == 8) {
    if (tm[5] != ':' || !all_digits(tm.substr(6, 2))) return std::nullopt;
    ss = std::atoi(tm.substr(6, 2).c_str());
  }
  if (hh > 23 || mi > 59 || ss > 60) return std::nullopt;
  if (ss == 60) ss = 59;  // a leap second: RFC 3339 readers here do not take 60
  if (day < 1 || static_cast<unsigned>(day) > calendar::days_in_month(year, static_cast<unsigned>(month))) return std::nullopt;
  const auto zone = t.size() >= 5 ? zone_of(t[4]) : std::optional<int>(0);
  if (!zone) return std::nullopt;
  const int z = *zone < 0 ? -*zone : *zone;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", year, month, day, hh, mi, ss,
                *zone < 0 ? '-' : '+', z / 60, z % 60);
  return std::string(buf);
}

}  // namespace greenapply::mail
