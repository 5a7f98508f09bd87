// greenapply/output_number.hpp — how the core writes every number it reports (scores, points,
// fractions), in one place, so native and wasm print the same text and every module rounds alike.
#pragma once

#include <cmath>
#include <cstdint>

#include <nlohmann/json.hpp>

namespace greenapply {

/// Integral values as JSON integers (15 prints "15", not "15.0"), non-finite as null.
inline nlohmann::json output_number(double x) {
  if (!std::isfinite(x)) return nullptr;
  if (x == std::floor(x) && std::fabs(x) < 9.0e15) return static_cast<std::int64_t>(x);
  return x;
}

/// Rounded to 0–4 decimals, half away from zero (std::round), as every score is reported.
inline double round_to(double x, int digits) {
  static constexpr double kScale[] = {1.0, 10.0, 100.0, 1000.0, 10000.0};
  const double scale = kScale[digits < 0 ? 0 : digits > 4 ? 4 : digits];
  return std::round(x * scale) / scale;
}

}  // namespace greenapply
