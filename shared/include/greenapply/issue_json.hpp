// greenapply/issue_json.hpp — an Issue as JSON, the one shape every --json output of the CLI, the
// wasm boundary's refusal and the evaluation's errors share:
//   {"pointer", "message_key", "params", "severity"} plus "file", "line", "column" when set.
// A caller may add its own members (the evaluation adds the translated "message" and "source").
#pragma once

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"

namespace greenapply {

greenapply::json to_json(const Issue& issue);

}  // namespace greenapply
