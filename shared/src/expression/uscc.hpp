// China Unified Social Credit Code (GB 32100-2015): 18 characters from a 31-letter alphabet
// (no I, O, S, V, Z), the last one a mod-31 check character over the first 17.
#pragma once

#include <string>

namespace greenapply::expr {

bool uscc_check(const std::string& code);

}  // namespace greenapply::expr
