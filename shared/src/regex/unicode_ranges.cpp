// Decodes the compact property tables of unicode_tables.cpp (see unicode_tables.hpp).
#include "unicode_tables.hpp"

namespace greenapply::regex {

std::vector<Range> ranges_of(const PropertyTable& table) {
  std::vector<Range> out;
  out.reserve(table.count);
  std::size_t at = 0;
  const auto next = [&] {
    char32_t value = 0;
    for (int shift = 0; at < table.bytes; shift += 7) {
      const unsigned char b = table.data[at++];
      value |= static_cast<char32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) break;
    }
    return value;
  };
  char32_t end = 0;  // one past the previous range
  while (at < table.bytes) {
    const char32_t lo = end + next();
    const char32_t hi = lo + next();
    out.push_back({lo, hi});
    end = hi + 1;
  }
  return out;
}

}  // namespace greenapply::regex
