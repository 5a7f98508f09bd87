// Pattern and subject from the input (split at the first NUL): compile and search under a budget;
// where the one-pass matcher or the position automaton takes the pattern, the VM must give the
// same answer.
#include <cstdint>
#include <string>
#include <string_view>

#include "greenapply/regex.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  try {
    using greenapply::regex::Regex;
    const std::string_view pattern = input.substr(0, nul), subject = nul == std::string_view::npos ? "" : input.substr(nul + 1);
    const auto re = Regex::compile(pattern);
    const auto r = re.search(subject, 20000);
    // The one-pass matcher and the automaton must answer as the VM does.
    if (re.engine() != Regex::Engine::backtracking && r != Regex::Result::step_limit) {
      const auto vm = re.backtracking_search(subject, 1000000);
      if (vm != Regex::Result::step_limit && vm != r) __builtin_trap();
    }
  } catch (const greenapply::regex::CompileError&) {
  }
  return 0;
}
