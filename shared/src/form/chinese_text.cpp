#include "chinese_text.hpp"
#include "greenapply/utf8.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

namespace greenapply::form {

namespace {

// Names and abbreviations a Chinese text may keep in Latin letters: the programmes' and
// organisations' own names, codes of patent offices and countries, currencies, units, file
// formats and the technical abbreviations Chinese readers use as they are. An abbreviation
// that has a Chinese name in the texts (BCAA: 创蓝清洁空气产业联盟) is not here on purpose.
constexpr std::array<std::string_view, 76> kAllowed = {
    "WIPO", "GREEN", "PATENTSCOPE", "PCT", "TRL", "CRL", "EMC", "FTO", "SME", "SMEs", "ESG", "IP",
    "CN", "US", "WO", "EP", "JP", "GB", "DE", "KR", "KE", "EC", "EU", "UN", "HK",
    "JSON", "XML", "PDF", "PPT", "PPTX", "DOC", "DOCX", "XLSX", "JPEG", "JPG", "PNG", "WebP", "GIF", "SVG", "ZIP",
    "ISO", "NOx", "SOx", "VOC", "VOCs", "SCR", "PEM", "ORC", "LED", "EV", "CCUS", "LCA", "MRV", "CCER", "AI", "IoT", "ID",
    "SHA", "kWh", "MWh", "GWh", "kW", "MW", "GW", "KB", "MB", "TB", "UTC", "CHF", "CNY", "EUR", "GBP", "HKD", "JPY", "SGD", "USD"};

// Decode UTF-8 to code points (utf8.hpp, the one decoder); each byte of a broken sequence becomes U+FFFD (lint reports texts, it never
// rejects them here: the texts' own schema checks their encoding).
std::u32string decode(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp;
    const std::size_t len = decode_utf8(s, i, cp);
    out.push_back(len == 0 ? char32_t{0xFFFD} : cp);
    i += len == 0 ? 1 : len;
  }
  return out;
}

// Back to UTF-8 through the one encoder every module uses (greenapply/utf8.hpp).
std::string encode(const std::u32string& s) {
  std::string out;
  for (char32_t cp : s) append_utf8(out, cp);
  return out;
}

// Chinese characters and the punctuation set with them (CJK symbols, full-width forms).
bool is_chinese(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x3000 && c <= 0x303F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || c == 0x201C || c == 0x201D;
}
bool is_ideograph(char32_t c) { return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF); }
bool is_latin(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Blank out what is not prose: {placeholders}, e-mail and web addresses (up to a space or a
// Chinese character), and full-width brackets holding no Chinese (an original name beside its
// Chinese one). Blanked with spaces so positions and neighbours stay as they were.
void blank_non_text(std::u32string& t) {
  auto blank = [&](std::size_t from, std::size_t to) { std::fill(t.begin() + from, t.begin() + to, U' '); };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == U'{') {
      const auto close = t.find(U'}', i);
      if (close != std::u32string::npos) blank(i, close + 1);
    }
  }
  auto token_end = [&](std::size_t i) {
    while (i < t.size() && t[i] != U' ' && !is_chinese(t[i])) ++i;
    return i;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.compare(i, 7, U"http://") == 0 || t.compare(i, 8, U"https://") == 0 || t.compare(i, 4, U"www.") == 0) {
      blank(i, token_end(i));
    } else if (t[i] == U'@') {
      std::size_t from = i;
      while (from > 0 && t[from - 1] != U' ' && !is_chinese(t[from - 1])) --from;
      blank(from, token_end(i));
    }
  }
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != U'\uFF08') continue;  // （
    const auto close = t.find(U'\uFF09', i);  // ）
    if (close == std::u32string::npos) continue;
    if (std::none_of(t.begin() + i + 1, t.begin() + close, is_chinese)) blank(i + 1, close);
  }
}

}  // namespace

std::vector<std::string> chinese_typography_problems(const std::string& text) {
  std::u32string t = decode(text);
  blank_non_text(t);
  std::vector<std::string> out;
  static const std::u32string kHalfWidth = U",;:?!()";
  for (std::size_t i = 0; i < t.size(); ++i) {
    const char32_t c = t[i];
    const bool before = i > 0 && is_ideograph(t[i - 1]);
    const bool after = i + 1 < t.size() && is_ideograph(t[i + 1]);
    if ((kHalfWidth.find(c) != std::u32string::npos && (before || after)) || (c == U'.' && before)) {
      const std::size_t from = before ? i - 1 : i;
      out.push_back(encode(t.substr(from, (after ? i + 2 : i + 1) - from)));
    }
  }
  for (std::size_t i = 0; i < t.size();) {
    if (!is_latin(t[i]) && !is_digit(t[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < t.size() && (is_latin(t[end]) || is_digit(t[end]))) ++end;
    const std::u32string word = t.substr(i, end - i);
    const auto letters = std::count_if(word.begin(), word.end(), is_latin);
    const bool code = std::any_of(word.begin(), word.end(), is_digit);
    if (letters >= 2 && !code) {
      const std::string w = encode(word);
      if (std::find(kAllowed.begin(), kAllowed.end(), w) == kAllowed.end()) out.push_back(w);
    }
    i = end;
  }
  return out;
}

}  // namespace greenapply::form
