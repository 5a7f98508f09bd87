// The backtracking VM. Choice points and an undo log live on heap vectors, never on the C++
// stack, so a 50 MB subject cannot overflow anything; every instruction costs one step of the
// budget, so catastrophic patterns stop with Result::step_limit.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "program.hpp"

namespace greenapply::regex {

namespace {

struct StepLimit {};

// A stack whose first N elements live inline: typical patterns need a few dozen choice points,
// so a search allocates nothing (the validator runs one per string property).
template <typename T, std::size_t N>
class InlineStack {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const T& back() const { return size_ <= N ? inline_[size_ - 1] : heap_.back(); }
  void push(const T& v) {
    if (size_ < N) {
      inline_[size_] = v;
    } else {
      heap_.push_back(v);
    }
    ++size_;
  }
  void pop() {
    if (size_ > N) heap_.pop_back();
    --size_;
  }
  void clear() {
    size_ = 0;
    heap_.clear();
  }

 private:
  T inline_[N];
  std::vector<T> heap_;
  std::size_t size_ = 0;
};

struct Choice {
  std::uint32_t pc;
  std::size_t sp;
  std::size_t undo;
};

struct Undo {
  std::uint32_t slot;
  std::size_t value;
};

// The backtracking state of one run; reused across the start positions of a search.
struct RunState {
  std::vector<std::size_t> slots;
  InlineStack<Choice, 64> stack;
  InlineStack<Undo, 32> undo;
};

class Vm {
 public:
  Vm(const RegexProgram& p, std::string_view s, std::size_t budget) : p_(p), s_(s), budget_(budget) {}

  bool run(std::uint32_t prog, std::size_t start) { return run(prog, start, npos(), top_); }

  // Runs program `prog` from position `start`; when `must_end` is set, only a match ending
  // exactly there counts (lookbehind).
  bool run(std::uint32_t prog, std::size_t start, std::size_t must_end, RunState& st) {
    const std::vector<Instr>& code = p_.programs[prog].code;
    std::vector<std::size_t>& slots = st.slots;
    // Slots are read only by back-references (captures) and empty-loop guards (registers).
    if (p_.captures || p_.registers > 0) slots.assign(2 * p_.groups + p_.registers, npos());
    auto& stack = st.stack;
    auto& undo = st.undo;
    stack.clear();
    undo.clear();
    std::uint32_t pc = 0;
    std::size_t sp = start;
    auto set_slot = [&](std::uint32_t i, std::size_t v) {
      undo.push({i, slots[i]});
      slots[i] = v;
    };
    while (true) {
      if (++steps_ > budget_) throw StepLimit{};
      const Instr& in = code[pc];
      bool ok = true;
      switch (in.op) {
        case Op::character: {
          std::size_t next = sp;
          ok = sp < s_.size() && decode(next) == in.a;
          if (ok) {
            sp = next;
            ++pc;
          }
          break;
        }
        case Op::klass: {
          std::size_t next = sp;
          ok = sp < s_.size() && in_class(p_.classes[in.a], decode(next));
          if (ok) {
            sp = next;
            ++pc;
          }
          break;
        }
        case Op::any: {
          std::size_t next = sp;
          if (sp < s_.size()) {
            const char32_t c = decode(next);
            ok = c != '\n' && c != '\r' && c != 0x2028 && c != 0x2029;
          } else {
            ok = false;
          }
          if (ok) {
            sp = next;
            ++pc;
          }
          break;
        }
        case Op::split:
          stack.push({in.b, sp, undo.size()});
          pc = in.a;
          break;
        case Op::jump: pc = in.a; break;
        case Op::save:
          // Captures are only read by back-references; without any, recording them is waste.
          if (p_.captures) set_slot(in.a, sp);
          ++pc;
          break;
        case Op::mark:
          set_slot(2 * p_.groups + in.a, sp);
          ++pc;
          break;
        case Op::progress:
          ok = slots[2 * p_.groups + in.a] != sp;
          if (ok) ++pc;
          break;
        case Op::line_start:
          ok = sp == 0;
          if (ok) ++pc;
          break;
        case Op::line_end:
          ok = sp == s_.size();
          if (ok) ++pc;
          break;
        case Op::word_boundary:
        case Op::not_word_boundary: {
          const bool boundary = word_before(sp) != word_after(sp);
          ok = (in.op == Op::word_boundary) == boundary;
          if (ok) ++pc;
          break;
        }
        case Op::backref: {
          const std::size_t b = slots[2 * in.a], e = slots[2 * in.a + 1];
          if (b == npos() || e == npos() || e < b) {
            ++pc;  // an unset group matches empty
            break;
          }
          const std::size_t len = e - b;
          ok = sp + len <= s_.size() && s_.compare(sp, len, s_.substr(b, len)) == 0;
          if (ok) {
            sp += len;
            ++pc;
          }
          break;
        }
        case Op::look: {
          const bool behind = in.b & 1, negative = in.b & 2;
          bool found = false;
          RunState inner;
          if (!behind) {
            found = run(in.a, sp, npos(), inner);
          } else {
            for (std::size_t k = sp + 1; k-- > 0;) {
              if (k < s_.size() && (static_cast<unsigned char>(s_[k]) & 0xC0) == 0x80) continue;
              if (run(in.a, k, sp, inner)) {
                found = true;
                break;
              }
            }
          }
          ok = found != negative;
          if (ok) ++pc;
          break;
        }
        case Op::match:
          if (must_end == npos() || sp == must_end) return true;
          ok = false;
          break;
      }
      if (ok) continue;
      if (stack.empty()) return false;
      const Choice c = stack.back();
      stack.pop();
      while (undo.size() > c.undo) {
        slots[undo.back().slot] = undo.back().value;
        undo.pop();
      }
      pc = c.pc;
      sp = c.sp;
    }
  }

  static constexpr std::size_t npos() { return static_cast<std::size_t>(-1); }

 private:
  char32_t decode(std::size_t& i) const {
    const unsigned char c = static_cast<unsigned char>(s_[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    // Invalid or truncated UTF-8 (never from JSON text, but possible from other callers) is
    // read byte by byte rather than past the end.
    if (i + static_cast<std::size_t>(len) > s_.size()) len = 1;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + static_cast<std::size_t>(k) < s_.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s_[i + static_cast<std::size_t>(k)]) & 0x3F);
    i += static_cast<std::size_t>(len);
    return cp;
  }

  static bool in_class(const CharClass& c, char32_t cp) {
    if (cp < 128) return (c.ascii[cp >> 6] >> (cp & 63)) & 1;
    std::size_t lo = 0, hi = c.ranges.size();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (cp < c.ranges[mid].lo) {
        hi = mid;
      } else if (cp > c.ranges[mid].hi) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  static bool word(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }
  bool word_before(std::size_t sp) const { return sp > 0 && word(s_[sp - 1]); }
  bool word_after(std::size_t sp) const { return sp < s_.size() && word(s_[sp]); }

  const RegexProgram& p_;
  std::string_view s_;
  std::size_t budget_;
  std::size_t steps_ = 0;
  RunState top_;
};

}  // namespace

Regex::Result Regex::search(std::string_view subject, std::size_t step_budget) const {
  Vm vm(*program_, subject, step_budget);
  try {
    for (std::size_t start = 0; start <= subject.size(); ++start) {
      if (start < subject.size() && (static_cast<unsigned char>(subject[start]) & 0xC0) == 0x80) continue;
      if (vm.run(0, start)) return Result::match;
      if (program_->anchored) break;
    }
  } catch (const StepLimit&) {
    return Result::step_limit;
  }
  return Result::no_match;
}

}  // namespace greenapply::regex
