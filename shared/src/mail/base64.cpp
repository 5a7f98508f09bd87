// Base64 in both directions (RFC 4648 §4); see greenapply/base64.hpp.
#include "greenapply/base64.hpp"

#include <array>
#include <cstdint>

namespace greenapply {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// -1: not in the alphabet; -2: whitespace to skip; -3: padding.
constexpr std::array<int8_t, 256> make_table() {
  std::array<int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
  t[' '] = t['\t'] = t['\r'] = t['\n'] = -2;
  t['='] = -3;
  return t;
}
constexpr auto kTable = make_table();

}  // namespace

std::string base64_encode(std::string_view bytes, std::size_t line_length) {
  std::string out;
  base64_encode_to(out, bytes, line_length);
  return out;
}

void base64_encode_to(std::string& out, std::string_view bytes, std::size_t line_length) {
  const std::size_t chars = (bytes.size() + 2) / 3 * 4;
  out.reserve(out.size() + chars + (line_length ? chars / line_length * 2 : 0));
  std::size_t column = 0;
  auto put = [&](char c) {
    if (line_length && column == line_length) {
      out += "\r\n";
      column = 0;
    }
    out += c;
    ++column;
  };
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const uint32_t n = (uint32_t(uint8_t(bytes[i])) << 16) | (uint32_t(uint8_t(bytes[i + 1])) << 8) | uint8_t(bytes[i + 2]);
    put(kAlphabet[(n >> 18) & 63]);
    put(kAlphabet[(n >> 12) & 63]);
    put(kAlphabet[(n >> 6) & 63]);
    put(kAlphabet[n & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest) {
    uint32_t n = uint32_t(uint8_t(bytes[i])) << 16;
    if (rest == 2) n |= uint32_t(uint8_t(bytes[i + 1])) << 8;
    put(kAlphabet[(n >> 18) & 63]);
    put(kAlphabet[(n >> 12) & 63]);
    put(rest == 2 ? kAlphabet[(n >> 6) & 63] : '=');
    put('=');
  }
}

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size() / 4 * 3);
  uint32_t bits = 0;
  int count = 0;  // sextets in `bits`
  bool padded = false;
  for (const char ch : text) {
    const int8_t v = kTable[static_cast<unsigned char>(ch)];
    if (v == -2) continue;
    if (v == -1) return std::nullopt;
    if (v == -3) {
      padded = true;
      continue;
    }
    if (padded) return std::nullopt;  // data after '='
    bits = (bits << 6) | uint32_t(v);
    if (++count == 4) {
      out += char((bits >> 16) & 0xFF);
      out += char((bits >> 8) & 0xFF);
      out += char(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count == 1) return std::nullopt;  // 6 bits cannot end a byte
  if (count == 2) out += char((bits >> 4) & 0xFF);
  if (count == 3) {
    out += char((bits >> 10) & 0xFF);
    out += char((bits >> 2) & 0xFF);
  }
  return out;
}

}  // namespace greenapply
