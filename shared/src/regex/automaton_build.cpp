// Building the position automaton (automaton.hpp), once per pattern; compiled for size in the
// wasm. Glushkov's construction: every code-point matcher of the pattern is a position; a
// sub-pattern is summed up by the positions it may begin with (first), end with (last), and
// whether it may match nothing (nullable); concatenation links the last positions of one part
// to the first of the next (follow). A count is spelled out, x{2,4} as x x x? x?, which has the same language,
// and the language is all that `search` asks about.
#include "automaton.hpp"

#include <cstdint>
#include <vector>

namespace greenapply::regex {

namespace {

constexpr std::size_t kMaxPositions = 64;
// Spelled-out counts of empty sub-patterns ("(?:){1000000}") add no position; this bounds the
// work of building all the same.
constexpr std::size_t kMaxBuildSteps = 4096;

struct Part {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  bool nullable = true;
};

class Builder {
 public:
  explicit Builder(Automaton& a) : a_(a) {}

  // False when the sub-pattern has what the automaton cannot run (an assertion inside, a
  // back-reference, lookaround) or too many positions.
  bool build(const Ast& a, Part& out) {
    if (++steps_ > kMaxBuildSteps) return false;
    switch (a.kind) {
      case Ast::empty: out = Part{}; return true;
      case Ast::chr: return position({LinearPiece::character, a.cp}, out);
      case Ast::klass: return position({LinearPiece::klass, a.index}, out);
      case Ast::any: return position({LinearPiece::any, 0}, out);
      case Ast::group: return build(*a.kids[0], out);
      case Ast::seq: return sequence(a.kids, 0, a.kids.size(), out);
      case Ast::alt: {
        out = Part{0, 0, false};
        for (const auto& kid : a.kids) {
          Part k;
          if (!build(*kid, k)) return false;
          out.first |= k.first;
          out.last |= k.last;
          out.nullable = out.nullable || k.nullable;
        }
        return true;
      }
      case Ast::repeat: return repeat(a, out);
      default: return false;
    }
  }

  bool sequence(const std::vector<std::unique_ptr<Ast>>& items, std::size_t from, std::size_t to, Part& out) {
    out = Part{};
    for (std::size_t i = from; i < to; ++i) {
      Part k;
      if (!build(*items[i], k)) return false;
      out = concat(out, k);
    }
    return true;
  }

 private:
  bool position(LinearPiece piece, Part& out) {
    if (a_.positions.size() == kMaxPositions) return false;
    const std::uint64_t bit = std::uint64_t{1} << a_.positions.size();
    a_.positions.push_back(piece);
    a_.follow.push_back(0);
    out = Part{bit, bit, false};
    return true;
  }

  void link(std::uint64_t from, std::uint64_t to) {
    for (; from != 0; from &= from - 1) a_.follow[static_cast<std::size_t>(__builtin_ctzll(from))] |= to;
  }

  Part concat(const Part& a, const Part& b) {
    link(a.last, b.first);
    return Part{a.first | (a.nullable ? b.first : 0), b.last | (b.nullable ? a.last : 0), a.nullable && b.nullable};
  }

  bool repeat(const Ast& a, Part& out) {
    const Ast& body = *a.kids[0];
    out = Part{};
    for (int i = 0; i < a.min; ++i) {
      Part k;
      if (!build(body, k)) return false;
      out = concat(out, k);
    }
    if (a.max < 0) {  // x{n,}: n copies, then one that loops onto itself
      Part k;
      if (!build(body, k)) return false;
      link(k.last, k.first);
      k.nullable = true;
      out = concat(out, k);
      return true;
    }
    for (int i = a.min; i < a.max; ++i) {  // x{n,m}: then m - n optional copies
      Part k;
      if (!build(body, k)) return false;
      k.nullable = true;
      out = concat(out, k);
    }
    return true;
  }

  Automaton& a_;
  std::size_t steps_ = 0;
};

}  // namespace

void build_automaton(const Ast& pattern, RegexProgram& p) {
  Automaton a;
  Builder builder(a);
  std::vector<const Ast*> alternatives;
  if (pattern.kind == Ast::alt) {
    for (const auto& k : pattern.kids) alternatives.push_back(k.get());
  } else {
    alternatives.push_back(&pattern);
  }
  for (const Ast* alternative : alternatives) {
    Part body;
    std::size_t first = 0, last = 1;
    bool at_start = false, at_end = false;
    if (alternative->kind == Ast::seq) {
      const auto& items = alternative->kids;
      last = items.size();
      at_start = first < last && items[first]->kind == Ast::line_start;
      if (at_start) ++first;
      at_end = first < last && items[last - 1]->kind == Ast::line_end;
      if (at_end) --last;
      if (!builder.sequence(items, first, last, body)) return;
    } else if (!builder.build(*alternative, body)) {
      return;
    }
    (at_start ? a.first_at_start : a.first_anywhere) |= body.first;
    (at_end ? a.last_at_end : a.last_anywhere) |= body.last;
    if (body.nullable) (!at_start ? a.empty_anywhere : at_end ? a.matches_empty_subject : a.empty_at_start) = true;
  }
  for (std::size_t i = 0; i < a.positions.size(); ++i) {
    for (char32_t cp = 0; cp < 128; ++cp) {
      if (piece_accepts(a.positions[i], p.classes, cp)) a.ascii[cp] |= std::uint64_t{1} << i;
    }
  }
  p.automaton = std::move(a);
  p.automaton_ok = true;
}

}  // namespace greenapply::regex
