// The e-mail message writer; see greenapply/mail_compose.hpp.
#include "greenapply/mail_compose.hpp"

#include <cstdio>

#include "greenapply/base64.hpp"
#include "greenapply/calendar.hpp"
#include "greenapply/digest.hpp"

namespace greenapply::mail {
namespace {

constexpr const char* kCrlf = "\r\n";

bool has_line_break(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

bool is_ascii_printable(std::string_view s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u > 0x7e) return false;
  }
  return true;
}

// Length of the UTF-8 sequence that starts with this byte (1 for a stray continuation byte,
// so a damaged name is still cut somewhere rather than looping).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

// Splits UTF-8 text into pieces of at most max_bytes, never inside a character.
std::vector<std::string_view> utf8_chunks(std::string_view s, std::size_t max_bytes) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = start;
    while (end < s.size()) {
      const std::size_t n = utf8_length(static_cast<unsigned char>(s[end]));
      if (end + n - start > max_bytes) break;
      end += n;
    }
    if (end == start) end = std::min(s.size(), start + max_bytes);  // a malformed tail
    out.push_back(s.substr(start, end - start));
    start = end;
  }
  return out;
}

// RFC 2231 §4 extended value: UTF-8'' then attr-chars as they are, every other byte as %XX.
std::string percent_encode(std::string_view s) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') ||
                       c == '!' || c == '#' || c == '$' || c == '&' || c == '+' || c == '-' || c == '.' ||
                       c == '^' || c == '_' || c == '`' || c == '|' || c == '~';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// A quoted-string for a parameter: backslash before '"' and '\'.
std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Appends each piece: the message is built by appending string views, not by chains of
// std::string operator+ (each a temporary and, in wasm, its own inlined allocation code).
void add(std::string& out, std::initializer_list<std::string_view> pieces) {
  for (const auto p : pieces) out.append(p.data(), p.size());
}

// The file-name parameters of one part, folded one per line:
//   ; filename="<plain>"                the fallback: RFC 2047 words inside quotes, which
//                                       Outlook and Apple Mail read (RFC 2231 is newer)
//   ; filename*0*=UTF-8''%E5%95%86...   RFC 2231, cut into continuations of <= 50 characters
// `attribute` is "filename" (Content-Disposition) or "name" (Content-Type, for old readers).
void add_name_parameters(std::string& out, std::string_view attribute, std::string_view filename, bool with_extended) {
  const bool plain = is_ascii_printable(filename) && filename.find("=?") == std::string_view::npos;
  add(out, {";\r\n ", attribute, "="});
  out += plain ? quoted(filename) : "\"" + encode_header_text(filename) + "\"";
  if (!with_extended || plain) return;
  const std::string value = percent_encode(filename);
  for (std::size_t at = 0, i = 0; at < value.size(); ++i) {
    std::size_t end = std::min(value.size(), at + 50);
    // Never cut a %XX in two.
    if (end < value.size()) {
      if (value[end - 1] == '%') end -= 1;
      else if (end >= 2 && value[end - 2] == '%') end -= 2;
    }
    add(out, {";\r\n ", attribute, "*", std::to_string(i), "*=", i == 0 ? "UTF-8''" : "",
              std::string_view(value).substr(at, end - at)});
    at = end;
  }
}

void check_header_value(std::string_view value, const char* what) {
  if (has_line_break(value)) throw MailError("mail.header_line_break", std::string(what) + " must not contain a line break");
}

// An address or message id: printable ASCII without spaces, angle brackets or quotes, one '@'
// with text on both sides. Stricter than RFC 5322 on purpose: it goes into a header as is.
bool plain_address(std::string_view a) {
  if (a.empty() || !is_ascii_printable(a)) return false;
  if (a.find_first_of(" <>\"(),;:\\[]") != std::string_view::npos) return false;
  const auto at = a.find('@');
  return at != std::string_view::npos && at > 0 && at + 1 < a.size() && a.find('@', at + 1) == std::string_view::npos;
}

std::string crlf_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += kCrlf;
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (text[i] == '\n') {
      out += kCrlf;
    } else {
      out += text[i];
    }
  }
  return out;
}

int two_digits(std::string_view s, std::size_t at) {
  if (at + 2 > s.size() || s[at] < '0' || s[at] > '9' || s[at + 1] < '0' || s[at + 1] > '9') return -1;
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

}  // namespace

std::string encode_header_text(std::string_view utf8) {
  if (is_ascii_printable(utf8) && utf8.find("=?") == std::string_view::npos) return std::string(utf8);
  // 36 bytes are 48 characters of base64, a word of 60: with "Subject: " or a quoted
  // parameter before it, every line stays within RFC 5322's 78 (a word may be 75).
  std::string out;
  for (const auto piece : utf8_chunks(utf8, 36)) {
    if (!out.empty()) out += std::string(kCrlf) + " ";
    out += "=?UTF-8?B?" + base64_encode(piece) + "?=";
  }
  return out;
}

std::string content_type_for(std::string_view filename) {
  const auto dot = filename.rfind('.');
  std::string ext;
  if (dot != std::string_view::npos) {
    for (const char c : filename.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  static const std::pair<const char*, const char*> kTypes[] = {
      {"pdf", "application/pdf"},
      {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
      {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
      {"json", "application/json"},
      {"xml", "application/xml"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"svg", "image/svg+xml"},
      {"txt", "text/plain"},
      {"csv", "text/csv"},
      {"zip", "application/zip"},
  };
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

std::string rfc5322_date(std::string_view t) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  const auto bad = [&] { return MailError("mail.bad_date", "the date must be an RFC 3339 date-time with an offset"); };
  if (t.size() < 20 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != 't' && t[10] != ' ') || t[13] != ':' ||
      t[16] != ':') {
    throw bad();
  }
  const int y = two_digits(t, 0) * 100 + two_digits(t, 2);
  const int mo = two_digits(t, 5), d = two_digits(t, 8), h = two_digits(t, 11), mi = two_digits(t, 14),
            s = two_digits(t, 17);
  if (two_digits(t, 0) < 0 || two_digits(t, 2) < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 ||
      mi > 59 || s < 0 || s > 60 || static_cast<unsigned>(d) > calendar::days_in_month(y, static_cast<unsigned>(mo))) {
    throw bad();
  }
  std::size_t at = 19;
  if (at < t.size() && t[at] == '.') {
    ++at;
    while (at < t.size() && t[at] >= '0' && t[at] <= '9') ++at;
  }
  std::string zone;
  if (at + 1 == t.size() && (t[at] == 'Z' || t[at] == 'z')) {
    zone = "+0000";
  } else if (at + 6 == t.size() && (t[at] == '+' || t[at] == '-') && t[at + 3] == ':' && two_digits(t, at + 1) >= 0 &&
             two_digits(t, at + 1) <= 23 && two_digits(t, at + 4) >= 0 && two_digits(t, at + 4) <= 59) {
    zone = std::string(1, t[at]) + std::string(t.substr(at + 1, 2)) + std::string(t.substr(at + 4, 2));
  } else {
    throw bad();
  }
  static constexpr const char* kDays[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};  // 1970-01-01 was a Thursday
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::int64_t days = calendar::days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const auto weekday = static_cast<std::size_t>(((days % 7) + 7) % 7);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d %s", kDays[weekday], d, kMonths[mo - 1], y, h, mi, s,
                zone.c_str());
  return buf;
}

std::string compose(const OutgoingMessage& m) {
  check_header_value(m.to, "the address");
  check_header_value(m.from, "the sender");
  check_header_value(m.subject, "the subject");
  check_header_value(m.date, "the date");
  check_header_value(m.message_id, "the message id");
  if (!m.to.empty() && !plain_address(m.to)) throw MailError("mail.bad_address", "not a plain e-mail address: " + m.to);
  if (!m.from.empty() && !plain_address(m.from)) throw MailError("mail.bad_address", "not a plain e-mail address: " + m.from);
  if (!plain_address(m.message_id)) throw MailError("mail.bad_message_id", "a message id is local@domain: " + m.message_id);
  if (m.date.empty() || !is_ascii_printable(m.date)) throw MailError("mail.bad_date", "the date must be RFC 5322 text");

  // "=_" never occurs in base64, and every part is base64: the boundary cannot be in a part.
  const std::string boundary = "=_greenapply_" + sha256_hex(m.message_id).substr(0, 32);

  std::size_t size = 2048 + m.body.size() * 2;
  for (const auto& a : m.attachments) size += a.bytes.size() / 57 * 78 + 600;
  std::string out;
  out.reserve(size);
  add(out, {"MIME-Version: 1.0\r\nDate: ", m.date, "\r\nMessage-ID: <", m.message_id, ">\r\n"});
  if (!m.from.empty()) add(out, {"From: ", m.from, kCrlf});
  if (!m.to.empty()) add(out, {"To: ", m.to, kCrlf});
  add(out, {"Subject: ", encode_header_text(m.subject), kCrlf});
  if (m.unsent) out += "X-Unsent: 1\r\n";
  add(out, {"Content-Type: multipart/mixed;\r\n boundary=\"", boundary, "\"\r\n\r\n",
            "This is a message in MIME format. Open it in a mail program.\r\n\r\n",
            "--", boundary, "\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"});
  if (!m.body.empty()) {
    base64_encode_to(out, crlf_lines(m.body), 76);
    out += kCrlf;
  }

  for (const auto& a : m.attachments) {
    check_header_value(a.filename, "a file name");
    const std::string type = a.content_type.empty() ? content_type_for(a.filename) : a.content_type;
    if (has_line_break(type) || !is_ascii_printable(type) || type.find(';') != std::string::npos) {
      throw MailError("mail.bad_content_type", "not a MIME type: " + type);
    }
    add(out, {"--", boundary, "\r\nContent-Type: ", type});
    add_name_parameters(out, "name", a.filename, false);
    out += "\r\nContent-Disposition: attachment";
    add_name_parameters(out, "filename", a.filename, true);
    out += "\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    if (!a.bytes.empty()) {
      base64_encode_to(out, a.bytes, 76);
      out += kCrlf;
    }
  }
  add(out, {"--", boundary, "--\r\n"});
  return out;
}

}  // namespace greenapply::mail
