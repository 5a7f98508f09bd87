// The names an expression can read during one evaluation: the submitted answers (dates from
// the schema's "format": "date" fields become date values), computed values (calc.*), the
// round (round.*) and today (now, seen in the round's UTC offset).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/expression.hpp"
#include "package_data.hpp"
#include "schema_types.hpp"
#include "time.hpp"

namespace greenapply::form {

class Scope {
 public:
  Scope(const PackageData& d, const greenapply::json& submitted, const Instant& now);
  // `type`: the path's type at load time (the package's TypeEnv: the schema's, dates included).
  expr::Value resolve(const std::vector<std::string>& path, expr::Type type) const;
  // Evaluates; never throws. When the step budget runs out the result is null and `overrun`
  // is set, so the caller reports limit.expression_steps instead of hanging or crashing.
  expr::Value run(const expr::Program& program, const expr::Value* it = nullptr);
  void set_calc(const std::string& id, expr::Value v) { calc_[id] = std::move(v); }
  const std::map<std::string, expr::Value>& calc() const { return calc_; }
  bool overrun = false;

 private:
  const PackageData& d_;
  const greenapply::json& submitted_;
  std::map<std::string, expr::Value> calc_;
  expr::Value now_, round_opens_, round_closes_, round_deadline_;
};

}  // namespace greenapply::form
