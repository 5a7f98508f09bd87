// Every subcommand has the same shape: arguments after the subcommand name in, exit code out.
// Exit codes follow the product contract: 0 ok / valid, 1 invalid (or lint problems),
// 2 unusable input (bad arguments, unreadable or malformed files), with one line on stderr.
#pragma once

#include <string>
#include <vector>

namespace greenapply::cli {

using Args = std::vector<std::string>;

int run_validate(const Args& args);
int run_check(const Args& args);
int run_evaluate(const Args& args);
int run_lint(const Args& args);
int run_batch(const Args& args);
int run_export(const Args& args);
int run_match(const Args& args);
int run_new_round(const Args& args);

}  // namespace greenapply::cli
