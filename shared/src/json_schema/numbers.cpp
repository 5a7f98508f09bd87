#include "numbers.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "greenapply/utf8.hpp"

namespace greenapply::json_schema::detail {

namespace {

// |value| = digits * 10^exponent with digits free of trailing zeros.
struct Decimal {
  std::uint64_t digits = 0;
  int exponent = 0;
};

void strip_trailing_zeros(Decimal& d) {
  if (d.digits == 0) {
    d.exponent = 0;
    return;
  }
  while (d.digits % 10 == 0) {
    d.digits /= 10;
    ++d.exponent;
  }
}

// false for non-finite numbers.
bool to_decimal(const greenapply::json& v, Decimal& out) {
  if (v.is_number_unsigned()) {
    out.digits = v.get<std::uint64_t>();
    out.exponent = 0;
  } else if (v.is_number_integer()) {
    const std::int64_t i = v.get<std::int64_t>();
    out.digits = i < 0 ? static_cast<std::uint64_t>(-(i + 1)) + 1 : static_cast<std::uint64_t>(i);
    out.exponent = 0;
  } else {
    const double d = v.get<double>();
    if (!std::isfinite(d)) return false;
    // Shortest round-trip text (nlohmann's, identical natively and in wasm, where libc++ of
    // emscripten 3.1.6 has no floating-point std::to_chars): digits, '.', optional exponent.
    const std::string text = greenapply::json(std::fabs(d)).dump();
    const char* const end_of_text = text.data() + text.size();
    std::string digits;
    int exponent = 0;
    const char* p = text.data();
    bool after_point = false;
    for (; p < end_of_text && *p != 'e' && *p != 'E'; ++p) {
      if (*p == '.') {
        after_point = true;
      } else {
        digits += *p;
        if (after_point) --exponent;
      }
    }
    if (p < end_of_text) {  // 'e'
      int e = 0;
      std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end_of_text, e);
      exponent += e;
    }
    // Drop leading zeros (0.0075) and trailing zeros (1e20 printed in full) before converting.
    std::size_t start = digits.find_first_not_of('0');
    if (start == std::string::npos) {
      out = Decimal{};
      return true;
    }
    std::size_t end = digits.size();
    while (end > start && digits[end - 1] == '0') {
      --end;
      ++exponent;
    }
    out.digits = 0;
    for (std::size_t i = start; i < end; ++i) out.digits = out.digits * 10 + (digits[i] - '0');
    out.exponent = exponent;
  }
  strip_trailing_zeros(out);
  return true;
}

// (a + b) mod m for a, b < m, without overflow.
std::uint64_t add_mod(std::uint64_t a, std::uint64_t b, std::uint64_t m) {
  return a >= m - b ? a - (m - b) : a + b;
}

std::uint64_t times_ten_mod(std::uint64_t r, std::uint64_t m) {
  const std::uint64_t r2 = add_mod(r, r, m);
  const std::uint64_t r4 = add_mod(r2, r2, m);
  const std::uint64_t r8 = add_mod(r4, r4, m);
  return add_mod(r8, r2, m);
}

}  // namespace

bool is_integer_value(const greenapply::json& number) {
  if (number.is_number_integer()) return true;  // includes unsigned
  if (!number.is_number_float()) return false;
  const double d = number.get<double>();
  return std::isfinite(d) && std::floor(d) == d;
}

int compare_numbers(const greenapply::json& a, const greenapply::json& b) {
  if (a.is_number_integer() && b.is_number_integer()) {
    const bool a_unsigned = a.is_number_unsigned();
    const bool b_unsigned = b.is_number_unsigned();
    if (!a_unsigned && !b_unsigned) {
      const auto x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a_unsigned && b_unsigned) {
      const auto x = a.get<std::uint64_t>(), y = b.get<std::uint64_t>();
      return x < y ? -1 : (x > y ? 1 : 0);
    }
    if (a_unsigned) {  // b signed
      const auto y = b.get<std::int64_t>();
      if (y < 0) return 1;
      const auto x = a.get<std::uint64_t>();
      const auto uy = static_cast<std::uint64_t>(y);
      return x < uy ? -1 : (x > uy ? 1 : 0);
    }
    const auto x = a.get<std::int64_t>();
    if (x < 0) return -1;
    const auto ux = static_cast<std::uint64_t>(x), y = b.get<std::uint64_t>();
    return ux < y ? -1 : (ux > y ? 1 : 0);
  }
  const double x = a.get<double>(), y = b.get<double>();
  return x < y ? -1 : (x > y ? 1 : 0);
}

bool is_multiple_of(const greenapply::json& value, const greenapply::json& divisor) {
  Decimal x, m;
  if (!to_decimal(value, x) || !to_decimal(divisor, m)) return false;
  if (m.digits == 0) return false;
  if (x.digits == 0) return true;
  if (x.exponent >= m.exponent) {
    // x / m = (x.digits * 10^k) / m.digits: check the remainder digit by digit.
    std::uint64_t r = x.digits % m.digits;
    for (int k = x.exponent - m.exponent; k > 0 && r != 0; --k) r = times_ten_mod(r, m.digits);
    return r == 0;
  }
  // x / m = x.digits / (m.digits * 10^k): x.digits must end in k zeros — but its trailing
  // zeros were stripped, so this only holds when k == 0.
  return false;
}

std::size_t code_point_length(std::string_view utf8) { return count_code_points(utf8); }

}  // namespace greenapply::json_schema::detail
