// Unicode property tables for \p{...}: general categories and selected scripts.
#pragma once

#include <cstddef>
#include <vector>

namespace greenapply::regex {

struct Range {
  char32_t lo, hi;
};

// One table, compactly encoded (scripts/gen-unicode-tables.py): per range, two LEB128 varints,
// the gap since the previous range's end and the range's length minus one.
struct PropertyTable {
  const char* kind;  // "gc" (general category, two letters) or "sc" (script)
  const char* name;
  const unsigned char* data;
  std::size_t bytes;
  std::size_t count;  // ranges
};

const std::vector<PropertyTable>& property_tables();

// The table's ranges, ascending and disjoint.
std::vector<Range> ranges_of(const PropertyTable& table);

}  // namespace greenapply::regex
