// Header blocks and structured header parameters (RFC 5322, RFC 2045, RFC 2231).
#include "mime_headers.hpp"

#include <algorithm>

#include "greenapply/mail_reader.hpp"

namespace greenapply::mail::detail {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool is_field_name_char(char c) { return c > 32 && c < 127 && c != ':'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += s[i];
  }
  return out;
}

void add_problem(std::vector<std::string>& problems, const std::string& key) {
  if (std::find(problems.begin(), problems.end(), key) == problems.end()) problems.push_back(key);
}

}  // namespace

std::string Headers::get(std::string_view name) const {
  for (const auto& [n, v] : fields)
    if (n == name) return v;
  return "";
}

Headers split_headers(std::string_view raw, std::size_t max_bytes) {
  Headers h;
  std::size_t pos = 0;
  std::string* current = nullptr;
  while (pos < raw.size()) {
    std::size_t eol = raw.find('\n', pos);
    const std::size_t next = eol == std::string_view::npos ? raw.size() : eol + 1;
    std::string_view line = raw.substr(pos, (eol == std::string_view::npos ? raw.size() : eol) - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {  // the blank line: the body follows
      h.body = raw.substr(next);
      return h;
    }
    if (pos > max_bytes) {
      h.too_long = true;
      h.body = std::string_view();
      return h;
    }
    if ((line[0] == ' ' || line[0] == '\t') && current) {
      *current += ' ';
      *current += std::string(trim(line));
    } else {
      std::size_t colon = 0;
      while (colon < line.size() && is_field_name_char(line[colon])) ++colon;
      if (colon > 0 && colon < line.size() && line[colon] == ':') {
        h.fields.emplace_back(lower(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
        current = &h.fields.back().second;
        h.found = true;
      } else {
        current = nullptr;  // not a header line (an mbox "From " line, garbage): skipped
        if (!h.found && line.rfind("From ", 0) != 0) {
          // No header block at all: the whole text is a body.
          h.body = raw;
          return h;
        }
      }
    }
    pos = next;
  }
  h.body = std::string_view();  // headers only, no body
  return h;
}

Structured parse_structured(std::string_view header, std::vector<std::string>& problems) {
  Structured out;
  // Tokens separated by ';' outside quotes.
  std::vector<std::string> pieces;
  std::string cur;
  bool quoted = false;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const char c = header[i];
    if (quoted && c == '\\' && i + 1 < header.size()) {
      cur += c;
      cur += header[++i];
    } else if (c == '"') {
      quoted = !quoted;
      cur += c;
    } else if (c == ';' && !quoted) {
      pieces.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  pieces.push_back(cur);
  out.value = lower(trim(pieces[0]));
  // RFC 2231 sections: name*N or name*N* (encoded), or name* (one encoded value).
  struct Section {
    int index;
    bool encoded;
    std::string value;
  };
  std::map<std::string, std::vector<Section>> sections;
  for (std::size_t k = 1; k < pieces.size(); ++k) {
    const std::string_view piece = trim(pieces[k]);
    const auto eq = piece.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = lower(trim(piece.substr(0, eq)));
    std::string_view v = trim(piece.substr(eq + 1));
    std::string value;
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
      v = v.substr(1, v.size() - 2);
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        value += v[i];
      }
    } else {
      value = std::string(v);
    }
    bool encoded = false;
    int index = -1;
    if (!name.empty() && name.back() == '*') {
      encoded = true;
      name.pop_back();
    }
    if (const auto star = name.find('*'); star != std::string::npos) {
      const std::string digits = name.substr(star + 1);
      name = name.substr(0, star);
      if (digits.empty() || digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
      index = std::stoi(digits);
    }
    sections[name].push_back({index, encoded, std::move(value)});
  }
  for (auto& [name, parts] : sections) {
    std::stable_sort(parts.begin(), parts.end(), [](const Section& a, const Section& b) { return a.index < b.index; });
    const bool any_encoded = std::any_of(parts.begin(), parts.end(), [](const Section& s) { return s.encoded; });
    if (!any_encoded) {
      // A plain value; some mail programs put RFC 2047 words in it, so those are decoded too.
      std::string joined;
      for (const auto& s : parts) {
        if (parts.size() > 1 && s.index < 0) continue;  // a plain name beside continuations
        joined += s.value;
      }
      out.params[name] = decode_header_text(joined, problems);
      continue;
    }
    // charset'language'percent-encoded in the first encoded section, the rest percent-encoded.
    std::string charset, bytes;
    bool first = true;
    for (const auto& s : parts) {
      if (parts.size() > 1 && s.index < 0) continue;
      std::string_view v = s.value;
      if (first && s.encoded) {
        const auto q1 = v.find('\'');
        const auto q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
        if (q2 != std::string_view::npos) {
          charset = std::string(v.substr(0, q1));
          v = v.substr(q2 + 1);
        }
      }
      first = false;
      bytes += s.encoded ? percent_decode(v) : std::string(v);
    }
    if (auto utf8 = charset_to_utf8(bytes, charset)) {
      out.params[name] = *utf8;
    } else {
      add_problem(problems, "mail.charset_unsupported");
      out.params[name] = valid_utf8(bytes);
    }
  }
  return out;
}

}  // namespace greenapply::mail::detail
