// The bytes of a JSON string that need attention, for the reader and the writer alike: a quote,
// a backslash, a control character, or the start of UTF-8 beyond ASCII. Everything else is
// copied as it is, and most of a document's bytes are such plain text.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "greenapply/utf8.hpp"

namespace greenapply::json_text_detail {

// What a byte inside a string is: most bytes need nothing but copying.
enum ByteClass : unsigned char { kPlain, kQuote, kEscape, kControl, kMultibyte };

constexpr ByteClass class_of(unsigned c) {
  return c == '"' ? kQuote : c == '\\' ? kEscape : c < 0x20 ? kControl : c >= 0x80 ? kMultibyte : kPlain;
}

struct ByteClasses {
  ByteClass of[256];
  constexpr ByteClasses() : of() {
    for (unsigned c = 0; c < 256; ++c) of[c] = class_of(c);
  }
};
inline constexpr ByteClasses kByteClasses;

// The bytes of the eight at `p` that need attention in a string (a quote, a backslash, a
// control character or a non-ASCII byte), each flagged by its high bit, all tested at once: most
// of a document's bytes are ASCII text. These are the usual zero-byte and less-than word tricks:
// a borrow can flag a byte above a flagged one by mistake, never below, so the lowest flag (the
// first byte in memory, the word read little-endian) is exact.
inline std::uint64_t bytes_needing_attention(const char* p) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::uint64_t x;
  std::memcpy(&x, p, sizeof x);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);  // the first byte in memory must be the lowest
#endif
  auto zero_bytes = [&](std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; };
  const std::uint64_t below_space = (x - kOnes * 0x20) & ~x & kHighBits;
  return zero_bytes(x ^ (kOnes * '"')) | zero_bytes(x ^ (kOnes * '\\')) | below_space | (x & kHighBits);
}

// The first byte from p on (before end) that is not plain text, eight bytes at a time.
inline const char* skip_plain_text(const char* p, const char* end) {
  while (end - p >= 8) {
    const std::uint64_t flags = bytes_needing_attention(p);
    if (flags != 0) return p + __builtin_ctzll(flags) / 8;
    p += 8;
  }
  while (p != end && kByteClasses.of[static_cast<unsigned char>(*p)] == kPlain) ++p;
  return p;
}

// Steps `p` over a run of well-formed UTF-8 sequences beyond ASCII (Chinese text is such runs)
// to the next ASCII byte or the end. Well-formed is RFC 3629's, as decode_utf8 says, the very
// set nlohmann accepts. False, with `p` at the sequence's first byte, where one is not.
inline bool skip_multibyte(const char*& p, const char* end) {
  do {
    const auto c = static_cast<unsigned char>(*p);
    // Three bytes under a lead of E1-EC or EE-EF can be neither overlong nor a surrogate: all of
    // CJK. Only their continuation bytes need checking.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && end - p >= 3 &&
        (static_cast<unsigned char>(p[1]) & 0xC0) == 0x80 && (static_cast<unsigned char>(p[2]) & 0xC0) == 0x80) {
      p += 3;
      continue;
    }
    char32_t cp;
    const std::size_t n = decode_utf8(std::string_view(p, static_cast<std::size_t>(end - p)), 0, cp);
    if (n == 0) return false;
    p += n;
  } while (p != end && static_cast<unsigned char>(*p) >= 0x80);
  return true;
}

}  // namespace greenapply::json_text_detail
