// The GB18030 index (scripts/gen-gb18030-table.py, gb18030_table.cpp), as the WHATWG Encoding
// Standard's gb18030 decoder reads it; used by charsets.cpp for GBK, GB2312 and GB18030 text.
#pragma once

namespace greenapply::mail::detail {

// Two-byte sequences: pointer (lead - 0x81) * 190 + (trail - (trail < 0x7F ? 0x40 : 0x41)) → a
// BMP code point, 0 where the sequence maps to nothing.
extern const char16_t kGb18030TwoByte[23940];

// Four-byte sequences below U+10000: pointer ((b1 - 0x81) * 10 + b2 - 0x30) * 1260 +
// (b3 - 0x81) * 10 + b4 - 0x30, in ranges where pointer and code point run on together.
struct Gb18030Range {
  unsigned pointer;
  unsigned code_point;
};
extern const Gb18030Range kGb18030Ranges[];
extern const unsigned kGb18030RangeCount;

}  // namespace greenapply::mail::detail
