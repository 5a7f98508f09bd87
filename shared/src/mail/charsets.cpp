// Charsets and RFC 2047 encoded words in headers; see greenapply/mail_reader.hpp.
#include <algorithm>
#include <cstdint>

#include "greenapply/base64.hpp"
#include "greenapply/mail_reader.hpp"
#include "greenapply/utf8.hpp"
#include "gb18030_table.hpp"

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

// The code point of a four-byte GB18030 pointer (WHATWG "index gb18030 ranges code point"), or 0.
char32_t gb18030_ranges_code_point(unsigned pointer) {
  if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) return 0;
  if (pointer >= 189000) return 0x10000 + (pointer - 189000);  // the supplementary planes, in order
  const detail::Gb18030Range* last = detail::kGb18030Ranges;
  for (unsigned i = 0; i < detail::kGb18030RangeCount && detail::kGb18030Ranges[i].pointer <= pointer; ++i)
    last = &detail::kGb18030Ranges[i];
  return last->code_point + (pointer - last->pointer);
}

// GB18030 and the GBK and GB2312 it contains, as the WHATWG Encoding Standard decodes them (one
// decoder for all three labels, as browsers do): what a Chinese mail program (Foxmail, older
// Outlook) writes a subject or an attachment's name in. A sequence that maps to nothing is
// U+FFFD; an ASCII byte that cut a sequence short is read again as itself.
std::string gb18030_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 3 / 2);
  const auto at = [&](std::size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0u; };
  std::size_t i = 0;
  while (i < bytes.size()) {
    const unsigned b1 = at(i);
    if (b1 < 0x80) {
      out += static_cast<char>(b1);
      ++i;
      continue;
    }
    if (b1 == 0x80) {  // Windows code page 936's euro sign
      append_utf8(out, 0x20AC);
      ++i;
      continue;
    }
    if (b1 == 0xFF || i + 1 >= bytes.size()) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const unsigned b2 = at(i + 1);
    if (b2 >= 0x30 && b2 <= 0x39) {
      const unsigned b3 = at(i + 2);
      const unsigned b4 = at(i + 3);
      if (i + 3 < bytes.size() && b3 >= 0x81 && b3 <= 0xFE && b4 >= 0x30 && b4 <= 0x39) {
        const unsigned pointer = (((b1 - 0x81) * 10 + (b2 - 0x30)) * 126 + (b3 - 0x81)) * 10 + (b4 - 0x30);
        const char32_t cp = gb18030_ranges_code_point(pointer);
        if (cp != 0) {
          append_utf8(out, cp);
        } else {
          out += "\xEF\xBF\xBD";
        }
        i += 4;
      } else {
        out += "\xEF\xBF\xBD";
        ++i;  // the digit that followed is read again, as itself
      }
      continue;
    }
    if ((b2 >= 0x40 && b2 <= 0x7E) || (b2 >= 0x80 && b2 <= 0xFE)) {
      const unsigned pointer = (b1 - 0x81) * 190 + (b2 - (b2 < 0x7F ? 0x40 : 0x41));
      const char16_t cp = detail::kGb18030TwoByte[pointer];
      if (cp != 0) {
        append_utf8(out, cp);
      } else {
        out += "\xEF\xBF\xBD";
      }
      i += 2;
      continue;
    }
    out += "\xEF\xBF\xBD";
    ++i;  // an ASCII second byte is read again, as itself
  }
  return out;
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
  // The WHATWG Encoding Standard's labels of its gb18030 and gbk encodings (one decoder).
  for (const char* label : {"gb18030", "gbk", "gb2312", "chinese", "csgb2312", "csiso58gb231280", "gb_2312",
                            "gb_2312-80", "iso-ir-58", "x-gbk", "cp936", "windows-936", "euc-cn"}) {
    if (cs == label) return gb18030_to_utf8(bytes);
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
