#include "greenapply/formats.hpp"

#include <cctype>
#include <cstdlib>
#include <vector>

#include "greenapply/calendar.hpp"
#include "greenapply/regex.hpp"

namespace greenapply::formats {

namespace {

bool digits(const std::string& s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return false;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

int num(const std::string& s, std::size_t pos, std::size_t n) { return std::atoi(s.substr(pos, n).c_str()); }

bool full_date(const std::string& s) {
  return s.size() == 10 && calendar::parse_date_prefix(s).has_value();
}

bool full_time(const std::string& s) {
  // HH:MM:SS[.frac](Z|±HH:MM), leap second only at 23:59:60 UTC
  if (s.size() < 9 || !digits(s, 0, 2) || s[2] != ':' || !digits(s, 3, 2) || s[5] != ':' || !digits(s, 6, 2)) return false;
  const int h = num(s, 0, 2), m = num(s, 3, 2), sec = num(s, 6, 2);
  std::size_t i = 8;
  if (i < s.size() && s[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start) return false;
  }
  if (i >= s.size()) return false;
  int off_min = 0;
  if (s[i] == 'Z' || s[i] == 'z') {
    ++i;
  } else if (s[i] == '+' || s[i] == '-') {
    if (!digits(s, i + 1, 2) || i + 3 >= s.size() || s[i + 3] != ':' || !digits(s, i + 4, 2)) return false;
    const int oh = num(s, i + 1, 2), om = num(s, i + 4, 2);
    if (oh > 23 || om > 59) return false;
    off_min = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    i += 6;
  } else {
    return false;
  }
  if (i != s.size() || h > 23 || m > 59 || sec > 60) return false;
  if (sec == 60) {
    int utc = (h * 60 + m - off_min) % 1440;
    if (utc < 0) utc += 1440;
    return utc == 23 * 60 + 59;
  }
  return true;
}

bool date_time(const std::string& s) {
  if (s.size() < 20 || (s[10] != 'T' && s[10] != 't')) return false;
  return full_date(s.substr(0, 10)) && full_time(s.substr(11));
}

bool hostname(const std::string& s) {
  if (s.empty() || s.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = s.find('.', start);
    const std::string label = s.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
    }
    if (label.size() >= 4 && label[2] == '-' && label[3] == '-' && !(label.rfind("xn--", 0) == 0 || label.rfind("XN--", 0) == 0)) return false;
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return true;
}

bool ipv4(const std::string& s) {
  int parts = 0;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = i;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
    if (j == i || j - i > 3 || (j - i > 1 && s[i] == '0')) return false;
    if (std::atoi(s.substr(i, j - i).c_str()) > 255) return false;
    ++parts;
    if (j == s.size()) break;
    if (s[j] != '.') return false;
    i = j + 1;
  }
  return parts == 4;
}

bool ipv6(const std::string& s) {
  if (s.empty() || s.size() > 45) return false;
  std::string body = s;
  int max_groups = 8;
  const std::size_t last_colon = s.rfind(':');
  if (last_colon == std::string::npos) return false;
  if (s.find('.', last_colon) != std::string::npos) {  // an IPv4 tail takes two groups
    if (!ipv4(s.substr(last_colon + 1))) return false;
    body = s.substr(0, last_colon + 1);
    if (body.size() < 2 || body.compare(body.size() - 2, 2, "::") != 0) body.pop_back();
    max_groups = 6;
  }
  auto groups = [](const std::string& part, int& n) {
    if (part.empty()) return true;
    std::size_t i = 0;
    while (true) {
      const std::size_t c = part.find(':', i);
      const std::string g = part.substr(i, c == std::string::npos ? std::string::npos : c - i);
      if (g.empty() || g.size() > 4) return false;
      for (char ch : g) {
        if (!std::isxdigit(static_cast<unsigned char>(ch))) return false;
      }
      ++n;
      if (c == std::string::npos) return true;
      i = c + 1;
    }
  };
  const std::size_t dbl = body.find("::");
  int n = 0;
  if (dbl == std::string::npos) return groups(body, n) && n == max_groups;
  if (body.find("::", dbl + 1) != std::string::npos) return false;
  return groups(body.substr(0, dbl), n) && groups(body.substr(dbl + 2), n) && n <= max_groups - 1;
}

bool email(const std::string& s) {
  const std::size_t at = s.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 >= s.size()) return false;
  const std::string local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos) {
    if (!(local.front() == '"' && local.back() == '"')) return false;
  }
  if (domain.front() == '[' && domain.back() == ']') {
    const std::string inner = domain.substr(1, domain.size() - 2);
    return inner.rfind("IPv6:", 0) == 0 ? ipv6(inner.substr(5)) : ipv4(inner);
  }
  for (unsigned char c : local) {
    if (c < 0x21 || c == '(' || c == ')' || c == ',' || c == ':' || c == ';' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\') {
      if (!(local.front() == '"' && local.back() == '"')) return false;
    }
  }
  return hostname(domain) || [&] {  // internationalised domains: any non-ASCII label passes
    for (unsigned char c : domain) {
      if (c >= 0x80) return domain.find("..") == std::string::npos;
    }
    return false;
  }();
}

bool uri_chars(const std::string& s, bool allow_non_ascii) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      if (!allow_non_ascii) return false;
      continue;
    }
    if (c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}')
      return false;
    if (c == '%' && !(i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
                      std::isxdigit(static_cast<unsigned char>(s[i + 2]))))
      return false;
  }
  return true;
}

bool has_scheme(const std::string& s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (std::size_t i = 1; i < colon; ++i) {
    const char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

bool uri(const std::string& s, bool absolute, bool iri) {
  if (!uri_chars(s, iri)) return false;
  if (absolute && !has_scheme(s)) return false;
  if (has_scheme(s)) {
    const std::size_t colon = s.find(':');
    if (s.compare(colon + 1, 2, "//") == 0) {
      const std::size_t end = s.find_first_of("/?#", colon + 3);
      const std::string authority = s.substr(colon + 3, end == std::string::npos ? std::string::npos : end - colon - 3);
      const std::size_t at = authority.rfind('@');
      std::string host = at == std::string::npos ? authority : authority.substr(at + 1);
      if (!host.empty() && host.front() == '[') {
        const std::size_t close = host.find(']');
        if (close == std::string::npos) return false;
      } else if (host.find('[') != std::string::npos || host.find(']') != std::string::npos) {
        return false;
      }
    }
  }
  return s.find('#') == std::string::npos || s.find('#', s.find('#') + 1) == std::string::npos;
}

bool json_pointer(const std::string& s) {
  if (!s.empty() && s[0] != '/') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '~' && (i + 1 >= s.size() || (s[i + 1] != '0' && s[i + 1] != '1'))) return false;
  }
  return true;
}

bool relative_json_pointer(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || (i > 1 && s[0] == '0')) return false;
  const std::string rest = s.substr(i);
  return rest == "#" || json_pointer(rest);
}

bool uuid(const std::string& s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < 36; ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (s[i] != '-') return false;
    } else if (!std::isxdigit(static_cast<unsigned char>(s[i]))) {
      return false;
    }
  }
  return true;
}

bool duration(const std::string& s) {
  if (s.size() < 3 || s[0] != 'P') return false;
  std::size_t i = 1;
  bool in_time = false, any = false, weeks = false, other = false;
  std::string order_date = "YMD", order_time = "HMS";
  std::size_t pos_date = 0, pos_time = 0;
  while (i < s.size()) {
    if (s[i] == 'T') {
      if (in_time) return false;
      in_time = true;
      ++i;
      if (i == s.size()) return false;
      continue;
    }
    const std::size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == start || i == s.size()) return false;
    const char unit = s[i++];
    any = true;
    if (unit == 'W' && !in_time) {
      weeks = true;
      continue;
    }
    other = true;
    const std::string& order = in_time ? order_time : order_date;
    std::size_t& pos = in_time ? pos_time : pos_date;
    const std::size_t at = order.find(unit, pos);
    if (at == std::string::npos) return false;
    pos = at + 1;
  }
  return any && !(weeks && other);
}

}  // namespace

bool check_string(const std::string& f, const std::string& v) {
  if (f == "date") return full_date(v);
  if (f == "date-time") return date_time(v);
  if (f == "time") return full_time(v);
  if (f == "email" || f == "idn-email") return email(v);
  if (f == "hostname") return hostname(v);
  if (f == "idn-hostname") return !v.empty() && v.size() <= 253 && v.find("..") == std::string::npos;
  if (f == "ipv4") return ipv4(v);
  if (f == "ipv6") return ipv6(v);
  if (f == "uri") return uri(v, true, false);
  if (f == "uri-reference") return uri(v, false, false);
  if (f == "iri") return uri(v, true, true);
  if (f == "iri-reference") return uri(v, false, true);
  if (f == "uuid") return uuid(v);
  if (f == "json-pointer") return json_pointer(v);
  if (f == "relative-json-pointer") return relative_json_pointer(v);
  if (f == "duration") return duration(v);
  if (f == "uri-template") {
    int depth = 0;
    for (char c : v) {
      if (c == '{' && ++depth > 1) return false;
      if (c == '}' && --depth < 0) return false;
    }
    return depth == 0;
  }
  if (f == "regex") {
    try {
      regex::Regex::compile(v);
      return true;
    } catch (const regex::CompileError&) {
      return false;
    }
  }
  return true;
}

namespace {
constexpr std::string_view kKnown[] = {"date", "date-time", "time", "email", "idn-email", "hostname", "idn-hostname",
                                       "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uuid",
                                       "json-pointer", "relative-json-pointer", "duration", "uri-template", "regex"};
}  // namespace

bool known(std::string_view format) {
  for (auto k : kKnown) {
    if (k == format) return true;
  }
  return false;
}

bool check(std::string_view format, const greenapply::json& value) {
  if (!value.is_string()) return true;
  return check_string(std::string(format), value.get_ref<const std::string&>());
}

}  // namespace greenapply::formats
