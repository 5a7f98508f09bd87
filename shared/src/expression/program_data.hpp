#pragma once

#include <string>
#include <vector>

#include "greenapply/regex.hpp"
#include "node.hpp"

namespace greenapply::expr {

struct Program::Data {
  std::string text;
  std::vector<Node> nodes;
  int root = -1;
  Type type = Type::any;
  std::vector<std::vector<std::string>> references;
  std::vector<regex::Regex> regexes;  // patterns of matches(), compiled once at parse time
};

}  // namespace greenapply::expr
