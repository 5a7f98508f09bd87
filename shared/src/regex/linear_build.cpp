// Deciding whether a pattern is one-pass (linear.hpp), once per pattern; compiled for size in
// the wasm (the matcher itself is linear.cpp).
// Why greedy is exact here: take a piece P with a variable count, and any match. After P the
// match goes on with the pieces that may follow P up to the first that must read something,
// and then further. Were P to read fewer code points than greedy reads, the next code point
// (one P accepts) would have to be read by one of those following pieces, which accept nothing
// P accepts; or the match would have to end there, which "$" forbids, and which without "$"
// greedy's own run allows just as well. So every match reads what greedy reads, piece by piece.
#include "linear.hpp"

#include <cstdint>
#include <vector>

namespace greenapply::regex {

namespace {


// The code points a piece accepts, as sorted ranges.
std::vector<Range> accepted(const LinearPiece& piece, const RegexProgram& p) {
  switch (piece.kind) {
    case LinearPiece::character: return {{piece.value, piece.value}};
    case LinearPiece::klass: return p.classes[piece.value].ranges;
    case LinearPiece::any: break;
  }
  // "." : everything but the line terminators (is_line_terminator).
  return {{0, 0x09}, {0x0B, 0x0C}, {0x0E, 0x2027}, {0x202A, 0x10FFFF}};
}

bool disjoint(const std::vector<Range>& a, const std::vector<Range>& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].hi < b[j].lo) {
      ++i;
    } else if (b[j].hi < a[i].lo) {
      ++j;
    } else {
      return false;
    }
  }
  return true;
}

// One code point matcher with its count, or nothing when `a` is not one.
bool as_piece(const Ast& a, LinearPiece& out) {
  const Ast* atom = &a;
  out.min = out.max = 1;
  if (a.kind == Ast::repeat) {
    atom = a.kids[0].get();
    out.min = static_cast<std::uint32_t>(a.min);
    out.max = a.max < 0 ? LinearPiece::kUnbounded : static_cast<std::uint32_t>(a.max);
  }
  switch (atom->kind) {
    case Ast::chr: out.kind = LinearPiece::character; out.value = atom->cp; return true;
    case Ast::klass: out.kind = LinearPiece::klass; out.value = atom->index; return true;
    case Ast::any: out.kind = LinearPiece::any; return true;
    default: return false;
  }
}

}  // namespace

void linearise(const Ast& pattern, RegexProgram& p) {
  std::vector<const Ast*> items;
  if (pattern.kind == Ast::seq) {
    for (const auto& k : pattern.kids) items.push_back(k.get());
  } else {
    items.push_back(&pattern);
  }
  std::size_t first = 0, last = items.size();
  if (first < last && items[first]->kind == Ast::line_start) ++first;  // p.anchored says so
  const bool anchored_end = first < last && items[last - 1]->kind == Ast::line_end;
  if (anchored_end) --last;
  if (first == last) return;
  std::vector<LinearPiece> pieces(last - first);
  for (std::size_t i = first; i < last; ++i) {
    if (!as_piece(*items[i], pieces[i - first])) return;
  }
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (pieces[i].min == pieces[i].max) continue;
    const auto mine = accepted(pieces[i], p);
    for (std::size_t j = i + 1; j < pieces.size(); ++j) {
      if (!disjoint(mine, accepted(pieces[j], p))) return;
      if (pieces[j].min > 0) break;
    }
  }
  p.linear = std::move(pieces);
  p.anchored_end = anchored_end;
  p.linear_ok = true;
}

}  // namespace greenapply::regex
