// The CLI's threads for the core's round::ForEach: the core has none of its own (it is pure and
// also runs in the page), so the command that reads a whole round spreads it over the cores here.
#pragma once

#include <optional>
#include <string>

#include "greenapply/round.hpp"

namespace greenapply::cli {

// A ForEach on `jobs` threads (1: the calling thread alone, no thread started). Bodies are taken
// in index order from one counter, so a slow application does not hold up a fixed share of
// the others. The first exception a body throws is rethrown once all threads have stopped.
round::ForEach threads_for_each(unsigned jobs);

// --jobs N when given (1 to 256), else the machine's hardware threads (at least 1).
unsigned jobs_option(const std::optional<std::string>& given);

}  // namespace greenapply::cli
