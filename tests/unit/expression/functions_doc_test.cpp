// The function table (shared/src/expression/functions.cpp) and the package author's reference
// (docs/expressions.md, "## Functions") name the same functions: a function added to one and
// not the other fails here.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "functions.hpp"

namespace {

// The names written as `name(` or `name` in the first column of the Functions table.
std::set<std::string> documented_functions() {
  std::ifstream in(std::string(GREENAPPLY_SOURCE_DIR) + "/docs/expressions.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const auto begin = doc.find("\n## Functions");
  const auto end = doc.find("\n## ", begin + 1);
  std::set<std::string> names;
  std::istringstream section(doc.substr(begin, end - begin));
  for (std::string line; std::getline(section, line);) {
    if (line.rfind("| `", 0) != 0 || line.rfind("| `function", 0) == 0) continue;
    const std::string first = line.substr(2, line.find(" |", 2) - 2);  // the first cell
    for (std::size_t at = first.find('`'); at != std::string::npos; at = first.find('`', at)) {
      const auto close = first.find('`', at + 1);
      const std::string code = first.substr(at + 1, close - at - 1);
      names.insert(code.substr(0, code.find('(')));
      at = close + 1;
    }
  }
  return names;
}

TEST(ExpressionFunctions, EveryFunctionIsDocumentedAndEveryDocumentedOneExists) {
  const auto documented = documented_functions();
  ASSERT_GT(documented.size(), 20u) << "the Functions table of docs/expressions.md was not found";
  std::set<std::string> declared;
  for (auto name : greenapply::expr::function_names()) declared.insert(std::string(name));
  for (const auto& name : declared) EXPECT_TRUE(documented.count(name)) << name << " is not in docs/expressions.md";
  for (const auto& name : documented) EXPECT_TRUE(declared.count(name)) << name << " is documented but not declared";
}

TEST(ExpressionFunctions, EachNameIsDeclaredOnceWithASaneArity) {
  std::set<std::string> seen;
  for (auto name : greenapply::expr::function_names()) {
    EXPECT_TRUE(seen.insert(std::string(name)).second) << name << " declared twice";
    const auto* f = greenapply::expr::find_function(name);
    ASSERT_NE(f, nullptr);
    EXPECT_LE(f->min_args, f->max_args) << name;
    EXPECT_LT(f->item_arg, f->max_args) << name;
    EXPECT_NE(f->type, nullptr) << name;
    EXPECT_NE(f->eval, nullptr) << name;
  }
}

}  // namespace
