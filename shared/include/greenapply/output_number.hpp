// greenapply/output_number.hpp — how the core writes every number it reports (scores, points,
// fractions), in one place, so native and wasm print the same text and every module rounds alike.
#pragma once

#include <cmath>
#include <cstdint>

#include "greenapply/json.hpp"

namespace greenapply {

/// Integral values as JSON integers (15 prints "15", not "15.0"), non-finite as null.
inline greenapply::json output_number(double x) {
  if (!std::isfinite(x)) return nullptr;
  if (x == std::floor(x) && std::fabs(x) < 9.0e15) return static_cast<std::int64_t>(x);
  return x;
}

/// Rounded to `digits` decimals (none when negative), half away from zero (std::round): every
/// score as reported, and the expression language's round(x, digits). The scale is a power of
/// ten multiplied out exactly (10^22 is the last exact one; callers use at most 12), so native
/// and wasm give the same bits.
inline double round_to(double x, int digits) {
  double scale = 1;
  for (int i = 0; i < digits; ++i) scale *= 10;
  return std::round(x * scale) / scale;
}

}  // namespace greenapply
