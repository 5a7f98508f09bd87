// Unicode property tables for \p{...}: general categories and selected scripts.
#pragma once

#include <cstddef>
#include <vector>

namespace greenapply::regex {

struct Range {
  char32_t lo, hi;
};

struct PropertyTable {
  const char* kind;  // "gc" (general category, two letters) or "sc" (script)
  const char* name;
  const Range* ranges;
  std::size_t size;
};

const std::vector<PropertyTable>& property_tables();

}  // namespace greenapply::regex
