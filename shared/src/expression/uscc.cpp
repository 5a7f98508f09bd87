#include "uscc.hpp"

#include <cstring>

namespace greenapply::expr {

bool uscc_check(const std::string& code) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  if (code.size() != 18) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 18; ++i) {
    const char* p = std::strchr(kAlphabet, code[i]);
    if (!p || code[i] == '\0') return false;
    if (i < 17) sum += static_cast<int>(p - kAlphabet) * kWeights[i];
  }
  int check = 31 - sum % 31;
  if (check == 31) check = 0;
  return code[17] == kAlphabet[check];
}

}  // namespace greenapply::expr
