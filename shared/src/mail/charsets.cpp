// Charsets and RFC 2047 encoded words in headers; see greenapply/mail_reader.hpp.
#include <algorithm>
#include <cstdint>

#include "greenapply/base64.hpp"
#include "greenapply/mail_reader.hpp"
#include "greenapply/utf8.hpp"

namespace greenapply::mail {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

void add_problem(std::vector<std::string>& problems, const std::string& key) {
  if (std::find(problems.begin(), problems.end(), key) == problems.end()) problems.push_back(key);
}

// RFC 2047 §4.2 "Q": like quoted-printable, "_" is a space, no soft breaks.
std::string decode_q(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '_') {
      out += ' ';
    } else if (text[i] == '=' && i + 2 < text.size()) {
      out += decode_quoted_printable(text.substr(i, 3));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// One encoded word "=?charset?enc?text?=" starting at `at`; its end (one past "?=") or npos.
std::size_t encoded_word_end(std::string_view s, std::size_t at, std::string_view& charset, char& enc,
                             std::string_view& text) {
  if (s.compare(at, 2, "=?") != 0) return std::string_view::npos;
  const std::size_t q1 = s.find('?', at + 2);
  if (q1 == std::string_view::npos || q1 + 2 >= s.size() || s[q1 + 2] != '?') return std::string_view::npos;
  const char e = s[q1 + 1];
  if (e != 'B' && e != 'b' && e != 'Q' && e != 'q') return std::string_view::npos;
  const std::size_t end = s.find("?=", q1 + 3);
  if (end == std::string_view::npos) return std::string_view::npos;
  charset = s.substr(at + 2, q1 - at - 2);
  // RFC 2231 §5: "charset*language"
  if (const auto star = charset.find('*'); star != std::string_view::npos) charset = charset.substr(0, star);
  enc = static_cast<char>(e == 'b' ? 'B' : e == 'q' ? 'Q' : e);
  text = s.substr(q1 + 3, end - q1 - 3);
  if (text.find_first_of(" \t\r\n") != std::string_view::npos) return std::string_view::npos;
  return end + 2;
}

}  // namespace

std::string valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    const std::size_t len = decode_utf8(s, i, cp);
    const bool ok = len > 0;
    if (ok) {
      out.append(s.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset) {
  const std::string cs = lower(charset);
  if (cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii" || cs.empty()) return valid_utf8(bytes);
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "iso8859-1" || cs == "l1") {
    std::string out;
    for (char c : bytes) append_utf8(out, static_cast<unsigned char>(c));
    return out;
  }
  return std::nullopt;
}

std::string decode_header_text(std::string_view value, std::vector<std::string>& problems) {
  std::string out;
  std::size_t i = 0;
  bool last_was_word = false;
  std::size_t pending_blank_from = std::string_view::npos;
  while (i < value.size()) {
    std::string_view charset, text;
    char enc = 0;
    const std::size_t end = encoded_word_end(value, i, charset, enc, text);
    if (end != std::string_view::npos) {
      // Blanks between two adjacent encoded words are not part of the text (RFC 2047 §6.2).
      if (!last_was_word && pending_blank_from != std::string_view::npos)
        out += value.substr(pending_blank_from, i - pending_blank_from);
      std::string raw;
      if (enc == 'B') {
        auto decoded = base64_decode(text);
        if (!decoded) add_problem(problems, "mail.bad_encoded_word");
        raw = decoded.value_or("");
      } else {
        raw = decode_q(text);
      }
      if (auto utf8 = charset_to_utf8(raw, charset)) {
        out += *utf8;
      } else {
        add_problem(problems, "mail.charset_unsupported");
        out += "\xEF\xBF\xBD";
      }
      last_was_word = true;
      pending_blank_from = std::string_view::npos;
      i = end;
      continue;
    }
    const char c = value[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      if (pending_blank_from == std::string_view::npos) pending_blank_from = i;
      ++i;
      continue;
    }
    if (pending_blank_from != std::string_view::npos) out += value.substr(pending_blank_from, i - pending_blank_from);
    pending_blank_from = std::string_view::npos;
    out += c;
    last_was_word = false;
    ++i;
  }
  if (pending_blank_from != std::string_view::npos && !last_was_word) out += value.substr(pending_blank_from);
  return valid_utf8(out);
}

}  // namespace greenapply::mail
