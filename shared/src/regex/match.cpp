// The backtracking VM. Choice points and an undo log live on heap vectors, never on the C++
// stack, so a 50 MB subject cannot overflow anything; every instruction costs one step of the
// budget, so catastrophic patterns stop with Result::step_limit.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "automaton.hpp"
#include "linear.hpp"
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
    // Slots are read only by back-references (captures) and empty-loop guards (registers).
    if (p_.captures || p_.registers > 0) st.slots.assign(2 * p_.groups + p_.registers, npos());
    st.stack.clear();
    st.undo.clear();
    std::uint32_t pc = 0;
    std::size_t sp = start;
    while (true) {
      if (++steps_ > budget_) throw StepLimit{};
      const Instr& in = code[pc];
      switch (in.op) {
        case Op::split:
          st.stack.push({in.b, sp, st.undo.size()});
          pc = in.a;
          continue;
        case Op::jump:
          pc = in.a;
          continue;
        case Op::match:
          if (must_end == npos() || sp == must_end) return true;
          break;
        // The instructions that read the subject, most of a run's steps, stay in this loop.
        case Op::character:
          if (read_one(sp, [&](char32_t c) { return c == in.a; })) {
            ++pc;
            continue;
          }
          break;
        case Op::klass:
          if (read_one(sp, [&](char32_t c) { return class_contains(p_.classes[in.a], c); })) {
            ++pc;
            continue;
          }
          break;
        default:
          // Every other instruction either holds, moving on by one, or fails.
          if (holds(in, sp, st)) {
            ++pc;
            continue;
          }
          break;
      }
      if (!backtrack(st, pc, sp)) return false;
    }
  }

  static constexpr std::size_t npos() { return static_cast<std::size_t>(-1); }

 private:
  // Whether instruction `in` (not one run() handles itself) holds at `sp`; one that reads the
  // subject moves `sp` past what it read.
  bool holds(const Instr& in, std::size_t& sp, RunState& st) {
    switch (in.op) {
      case Op::any:
        return read_one(sp, [](char32_t c) { return !is_line_terminator(c); });
      case Op::save:
        // Captures are only read by back-references; without any, recording them is waste.
        if (p_.captures) set_slot(st, in.a, sp);
        return true;
      case Op::mark: set_slot(st, 2 * p_.groups + in.a, sp); return true;
      case Op::progress: return st.slots[2 * p_.groups + in.a] != sp;
      case Op::line_start: return sp == 0;
      case Op::line_end: return sp == s_.size();
      case Op::word_boundary: return word_before(sp) != word_after(sp);
      case Op::not_word_boundary: return word_before(sp) == word_after(sp);
      case Op::backref: return backref(in.a, sp, st);
      case Op::look: return look(in, sp);
      case Op::character:
      case Op::klass:
      case Op::split:
      case Op::jump:
      case Op::match: break;  // run() handles these
    }
    return false;
  }

  // Reads one code point at `sp` when there is one and `test` accepts it.
  template <typename Test>
  bool read_one(std::size_t& sp, Test test) const {
    if (sp >= s_.size()) return false;
    std::size_t next = sp;
    if (!test(decode(next))) return false;
    sp = next;
    return true;
  }

  static void set_slot(RunState& st, std::uint32_t i, std::size_t v) {
    st.undo.push({i, st.slots[i]});
    st.slots[i] = v;
  }

  // Back to the newest choice point, undoing the slots set since; false when there is none.
  static bool backtrack(RunState& st, std::uint32_t& pc, std::size_t& sp) {
    if (st.stack.empty()) return false;
    const Choice c = st.stack.back();
    st.stack.pop();
    while (st.undo.size() > c.undo) {
      st.slots[st.undo.back().slot] = st.undo.back().value;
      st.undo.pop();
    }
    pc = c.pc;
    sp = c.sp;
    return true;
  }

  // A back-reference to group `group`: the text it captured, again at `sp`.
  bool backref(std::uint32_t group, std::size_t& sp, const RunState& st) const {
    const std::size_t b = st.slots[2 * group], e = st.slots[2 * group + 1];
    if (b == npos() || e == npos() || e < b) return true;  // an unset group matches empty
    const std::size_t len = e - b;
    if (sp + len > s_.size() || s_.compare(sp, len, s_.substr(b, len)) != 0) return false;
    sp += len;
    return true;
  }

  // A lookahead or lookbehind (in.b: bit 0 behind, bit 1 negative) of program in.a at `sp`.
  // A lookbehind tries every start before `sp` for a match that ends exactly at `sp`.
  bool look(const Instr& in, std::size_t sp) {
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
    return found != negative;
  }

  char32_t decode(std::size_t& i) const { return next_code_point(s_, i); }

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

Regex::Engine Regex::engine() const {
  if (program_->linear_ok) return Engine::one_pass;
  return program_->automaton_ok ? Engine::automaton : Engine::backtracking;
}

Regex::Result Regex::search(std::string_view subject, std::size_t step_budget) const {
  if (program_->linear_ok) return linear_search(*program_, subject, step_budget);
  if (program_->automaton_ok) return automaton_search(*program_, subject, step_budget);
  return backtracking_search(subject, step_budget);
}

Regex::Result Regex::backtracking_search(std::string_view subject, std::size_t step_budget) const {
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
