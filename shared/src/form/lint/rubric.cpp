// Lint rule 5. the rubric's arithmetic.
#include <cmath>

#include "linter.hpp"

namespace greenapply::form::lint_rules {

// 5. rubric arithmetic
void Linter::rubric(const PackageData& d) {
  if (d.dimensions.empty()) return;
  double total = 0;
  for (const auto& dim : d.dimensions) total += dim.weight;
  if (std::fabs(total - 100) > 1e-9) problem("rubric.json", "/dimensions", "lint.weights_not_100", {{"total", total}});
  if (d.bands.empty() || d.bands.back().min > 0) problem("rubric.json", "/bands", "lint.bands_cover_zero");
}

}  // namespace greenapply::form::lint_rules
