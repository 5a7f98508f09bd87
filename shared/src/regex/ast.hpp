// The parsed pattern (compile.cpp's Parser makes it; the Emitter and linear.cpp read it).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace greenapply::regex {

struct Ast {
  enum Kind { empty, chr, klass, any, seq, alt, group, repeat, line_start, line_end, wordb, nwordb, look, backref } kind;
  char32_t cp = 0;
  std::uint32_t index = 0;  // class index, group number, backref group
  int min = 0, max = -1;    // repeat; -1 = unbounded
  bool greedy = true;
  bool behind = false, negative = false;
  std::vector<std::unique_ptr<Ast>> kids;
  std::string backref_name;
};

}  // namespace greenapply::regex
