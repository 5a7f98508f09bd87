// Pattern and subject from the input (split at the first NUL): compile and search under a budget;
// where the one-pass matcher takes the pattern, the VM must give the same answer.
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
    // The one-pass matcher must answer as the VM does: the same pattern inside a group, which
    // the one-pass matcher never takes, runs on the VM.
    if (re.is_linear() && r != Regex::Result::step_limit) {
      const auto vm = Regex::compile("(" + std::string(pattern) + ")").search(subject, 1000000);
      if (vm != Regex::Result::step_limit && vm != r) __builtin_trap();
    }
  } catch (const greenapply::regex::CompileError&) {
  }
  return 0;
}
