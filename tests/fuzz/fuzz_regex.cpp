// Pattern and subject from the input (split at the first NUL): compile and search under a budget.
#include <cstdint>
#include <string_view>

#include "greenapply/regex.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  try {
    const auto re = greenapply::regex::Regex::compile(input.substr(0, nul));
    (void)re.search(nul == std::string_view::npos ? "" : input.substr(nul + 1), 20000);
  } catch (const greenapply::regex::CompileError&) {
  }
  return 0;
}
