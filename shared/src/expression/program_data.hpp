#pragma once

#include <string>
#include <vector>

#include "node.hpp"

namespace greenapply::expr {

struct Program::Data {
  std::string text;
  std::vector<Node> nodes;
  int root = -1;
  Type type = Type::any;
  std::vector<std::vector<std::string>> references;
};

}  // namespace greenapply::expr
