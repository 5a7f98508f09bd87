// Pattern → AST → VM instructions. Counted repetition is unrolled (bounded by kMaxInstructions
// so "a{1000000}" is an error, not a memory bomb); loops whose body can match empty get a
// progress check so "(a*)*" terminates.
#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

#include "greenapply/utf8.hpp"
#include "ast.hpp"
#include "automaton.hpp"
#include "linear.hpp"
#include "program.hpp"

namespace greenapply::regex {

namespace {

constexpr std::size_t kMaxInstructions = 50000;
constexpr int kMaxNesting = 200;

using AstPtr = std::unique_ptr<Ast>;

AstPtr make(Ast::Kind k) {
  auto a = std::make_unique<Ast>();
  a->kind = k;
  return a;
}

std::vector<Range> normalise(std::vector<Range> r) {
  std::sort(r.begin(), r.end(), [](const Range& a, const Range& b) { return a.lo < b.lo; });
  std::vector<Range> out;
  for (const auto& x : r) {
    if (!out.empty() && x.lo <= out.back().hi + 1) {
      out.back().hi = std::max(out.back().hi, x.hi);
    } else {
      out.push_back(x);
    }
  }
  return out;
}

std::vector<Range> complement(const std::vector<Range>& r) {
  std::vector<Range> out;
  char32_t next = 0;
  for (const auto& x : r) {
    if (x.lo > next) out.push_back({next, x.lo - 1});
    next = x.hi + 1;
  }
  if (next <= 0x10FFFF) out.push_back({next, 0x10FFFF});
  return out;
}

const std::vector<Range>& digit_ranges() {
  static const std::vector<Range> r = {{'0', '9'}};
  return r;
}
const std::vector<Range>& word_ranges() {
  static const std::vector<Range> r = {{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}};
  return r;
}
const std::vector<Range>& space_ranges() {
  static const std::vector<Range> r = {{0x09, 0x0D}, {0x20, 0x20}, {0xA0, 0xA0}, {0x1680, 0x1680}, {0x2000, 0x200A},
                                       {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
  return r;
}

class Parser {
 public:
  Parser(std::string_view p, RegexProgram& out) : p_(p), out_(out) {}

  AstPtr parse() {
    auto a = alternation(0);
    if (pos_ < p_.size()) fail("regex.syntax");  // an unmatched ')'
    // Resolve named back-references now that every group is known.
    resolve_names(*a);
    return a;
  }

  std::map<std::string, std::uint32_t> names;

 private:
  [[noreturn]] void fail(const char* key) const { throw CompileError(pos_, key); }

  bool at_end() const { return pos_ >= p_.size(); }

  char32_t next_cp() {
    char32_t cp;
    const std::size_t len = decode_utf8(p_, pos_, cp);
    if (len == 0) fail("regex.bad_utf8");
    pos_ += len;
    return cp;
  }

  void resolve_names(Ast& a) {
    if (a.kind == Ast::backref && !a.backref_name.empty()) {
      const auto it = names.find(a.backref_name);
      if (it == names.end()) throw CompileError(0, "regex.unknown_group");
      a.index = it->second;
    }
    for (auto& k : a.kids) resolve_names(*k);
  }

  AstPtr alternation(int depth) {
    if (depth > kMaxNesting) fail("regex.too_complex");
    auto first = sequence(depth);
    if (at_end() || p_[pos_] != '|') return first;
    auto alt = make(Ast::alt);
    alt->kids.push_back(std::move(first));
    while (!at_end() && p_[pos_] == '|') {
      ++pos_;
      alt->kids.push_back(sequence(depth));
    }
    return alt;
  }

  AstPtr sequence(int depth) {
    auto seq = make(Ast::seq);
    while (!at_end() && p_[pos_] != '|' && p_[pos_] != ')') {
      auto atom = this->atom(depth);
      atom = quantifier(std::move(atom));
      seq->kids.push_back(std::move(atom));
    }
    return seq;
  }

  bool parse_int(int& out) {
    const std::size_t start = pos_;
    long v = 0;
    while (!at_end() && p_[pos_] >= '0' && p_[pos_] <= '9') {
      v = v * 10 + (p_[pos_] - '0');
      if (v > 100000) v = 100000;
      ++pos_;
    }
    out = static_cast<int>(v);
    return pos_ > start;
  }

  AstPtr quantifier(AstPtr atom) {
    if (at_end()) return atom;
    int min = 0, max = -1;
    const char c = p_[pos_];
    if (c == '*') {
      ++pos_;
    } else if (c == '+') {
      min = 1;
      ++pos_;
    } else if (c == '?') {
      max = 1;
      ++pos_;
    } else if (c == '{') {
      const std::size_t save = pos_;
      ++pos_;
      if (!parse_int(min)) {
        pos_ = save;
        fail("regex.syntax");
      }
      max = min;
      if (!at_end() && p_[pos_] == ',') {
        ++pos_;
        if (!parse_int(max)) max = -1;
      }
      if (at_end() || p_[pos_] != '}') {
        pos_ = save;
        fail("regex.syntax");
      }
      ++pos_;
      if (max >= 0 && max < min) fail("regex.syntax");
    } else {
      return atom;
    }
    if (atom->kind == Ast::line_start || atom->kind == Ast::line_end || atom->kind == Ast::wordb ||
        atom->kind == Ast::nwordb || (atom->kind == Ast::look && !atom->behind && false))
      fail("regex.syntax");
    if (atom->kind == Ast::look) fail("regex.syntax");
    auto rep = make(Ast::repeat);
    rep->min = min;
    rep->max = max;
    if (!at_end() && p_[pos_] == '?') {
      rep->greedy = false;
      ++pos_;
    }
    rep->kids.push_back(std::move(atom));
    return rep;
  }

  std::uint32_t add_class(std::vector<Range> ranges, bool negate) {
    ranges = normalise(std::move(ranges));
    if (negate) ranges = complement(ranges);
    out_.classes.push_back({std::move(ranges)});
    return static_cast<std::uint32_t>(out_.classes.size() - 1);
  }

  AstPtr class_atom(std::vector<Range> ranges, bool negate) {
    auto a = make(Ast::klass);
    a->index = add_class(std::move(ranges), negate);
    return a;
  }

  std::vector<Range> property(bool& negate_out) {
    // after \p or \P: {Name} or {Key=Value}
    if (at_end() || p_[pos_] != '{') fail("regex.syntax");
    const std::size_t close = p_.find('}', pos_);
    if (close == std::string_view::npos) fail("regex.syntax");
    std::string body(p_.substr(pos_ + 1, close - pos_ - 1));
    pos_ = close + 1;
    std::string key, value = body;
    if (const auto eq = body.find('='); eq != std::string::npos) {
      key = body.substr(0, eq);
      value = body.substr(eq + 1);
    }
    static const std::map<std::string, std::string> kLong = {
        {"Letter", "L"}, {"Cased_Letter", "LC"}, {"Uppercase_Letter", "Lu"}, {"Lowercase_Letter", "Ll"},
        {"Titlecase_Letter", "Lt"}, {"Modifier_Letter", "Lm"}, {"Other_Letter", "Lo"}, {"Mark", "M"},
        {"Nonspacing_Mark", "Mn"}, {"Spacing_Mark", "Mc"}, {"Enclosing_Mark", "Me"}, {"Number", "N"},
        {"Decimal_Number", "Nd"}, {"digit", "Nd"}, {"Letter_Number", "Nl"}, {"Other_Number", "No"},
        {"Punctuation", "P"}, {"punct", "P"}, {"Symbol", "S"}, {"Separator", "Z"}, {"Space_Separator", "Zs"},
        {"Line_Separator", "Zl"}, {"Paragraph_Separator", "Zp"}, {"Other", "C"}, {"Control", "Cc"},
        {"cntrl", "Cc"}, {"Format", "Cf"}, {"Private_Use", "Co"}, {"Surrogate", "Cs"},
        {"Connector_Punctuation", "Pc"}, {"Dash_Punctuation", "Pd"}, {"Open_Punctuation", "Ps"},
        {"Close_Punctuation", "Pe"}, {"Initial_Punctuation", "Pi"}, {"Final_Punctuation", "Pf"},
        {"Other_Punctuation", "Po"}, {"Math_Symbol", "Sm"}, {"Currency_Symbol", "Sc"}, {"Modifier_Symbol", "Sk"},
        {"Other_Symbol", "So"}};
    static const std::map<std::string, std::string> kScriptAlias = {
        {"Hani", "Han"}, {"Latn", "Latin"}, {"Grek", "Greek"}, {"Cyrl", "Cyrillic"}, {"Hira", "Hiragana"},
        {"Kana", "Katakana"}, {"Hang", "Hangul"}, {"Arab", "Arabic"}, {"Hebr", "Hebrew"}, {"Thai", "Thai"},
        {"Deva", "Devanagari"}, {"Zyyy", "Common"}, {"Zinh", "Inherited"}};
    std::vector<Range> out;
    auto add_table = [&](const char* kind, const std::string& name) {
      bool found = false;
      for (const auto& t : property_tables()) {
        if (std::string(t.kind) != kind) continue;
        const std::string tn = t.name;
        const bool hit = std::string(kind) == "gc" ? (name.size() == 1 ? tn[0] == name[0] : tn == name) : tn == name;
        if (!hit) continue;
        const auto ranges = ranges_of(t);
        out.insert(out.end(), ranges.begin(), ranges.end());
        found = true;
      }
      return found;
    };
    bool ok = false;
    if (key.empty() || key == "General_Category" || key == "gc") {
      std::string gc = value;
      if (const auto it = kLong.find(value); it != kLong.end()) gc = it->second;
      if (gc == "LC") {
        ok = add_table("gc", "Lu") && add_table("gc", "Ll") && add_table("gc", "Lt");
      } else if (gc.size() <= 2 && !gc.empty() && gc != "Cn") {
        ok = add_table("gc", gc);
      }
      if (!ok && key.empty()) {  // a lone script name is not ECMAScript, but \p{Any}/\p{ASCII} are
        if (value == "Any") {
          out.push_back({0, 0x10FFFF});
          ok = true;
        } else if (value == "ASCII") {
          out.push_back({0, 0x7F});
          ok = true;
        }
      }
    } else if (key == "Script" || key == "sc" || key == "Script_Extensions" || key == "scx") {
      std::string sc = value;
      if (const auto it = kScriptAlias.find(value); it != kScriptAlias.end()) sc = it->second;
      ok = add_table("sc", sc);
    }
    if (!ok) throw CompileError(pos_, "regex.unknown_property");
    negate_out = false;
    return out;
  }

  // An escape after '\'. In a class, \b is backspace and \B is an error.
  void escape(bool in_class, std::vector<Range>& ranges, bool& is_set, AstPtr* atom_out) {
    if (at_end()) fail("regex.syntax");
    const char c = p_[pos_++];
    is_set = true;
    switch (c) {
      case 'd': ranges = digit_ranges(); return;
      case 'D': ranges = complement(digit_ranges()); return;
      case 'w': ranges = word_ranges(); return;
      case 'W': ranges = complement(word_ranges()); return;
      case 's': ranges = space_ranges(); return;
      case 'S': ranges = complement(normalise(space_ranges())); return;
      case 'p':
      case 'P': {
        bool neg = false;
        ranges = normalise(property(neg));
        if (c == 'P') ranges = complement(ranges);
        return;
      }
      default: break;
    }
    is_set = false;
    char32_t cp = 0;
    switch (c) {
      case 't': cp = '\t'; break;
      case 'n': cp = '\n'; break;
      case 'r': cp = '\r'; break;
      case 'v': cp = '\v'; break;
      case 'f': cp = '\f'; break;
      case '0':
        if (!at_end() && p_[pos_] >= '0' && p_[pos_] <= '9') fail("regex.syntax");
        cp = 0;
        break;
      case 'b':
        if (!in_class) {
          *atom_out = make(Ast::wordb);
          return;
        }
        cp = '\b';
        break;
      case 'B':
        if (in_class) fail("regex.syntax");
        *atom_out = make(Ast::nwordb);
        return;
      case 'c': {
        if (at_end() || !std::isalpha(static_cast<unsigned char>(p_[pos_]))) fail("regex.syntax");
        cp = static_cast<char32_t>(p_[pos_++] % 32);
        break;
      }
      case 'x': cp = hex(2); break;
      case 'u': {
        if (!at_end() && p_[pos_] == '{') {
          ++pos_;
          const std::size_t close = p_.find('}', pos_);
          if (close == std::string_view::npos || close == pos_ || close - pos_ > 6) fail("regex.syntax");
          cp = hex(close - pos_);
          ++pos_;
          if (cp > 0x10FFFF) fail("regex.syntax");
        } else {
          cp = hex(4);
          // A surrogate pair written as two \u escapes is one code point.
          if (cp >= 0xD800 && cp <= 0xDBFF && p_.substr(pos_, 2) == "\\u") {
            const std::size_t save = pos_;
            pos_ += 2;
            const char32_t lo = hex(4);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              pos_ = save;
            }
          }
        }
        break;
      }
      case 'k': {
        if (in_class || at_end() || p_[pos_] != '<') fail("regex.syntax");
        const std::size_t close = p_.find('>', pos_);
        if (close == std::string_view::npos) fail("regex.syntax");
        auto a = make(Ast::backref);
        a->backref_name = std::string(p_.substr(pos_ + 1, close - pos_ - 1));
        pos_ = close + 1;
        *atom_out = std::move(a);
        return;
      }
      default:
        if (c >= '1' && c <= '9' && !in_class) {
          int n = c - '0';
          while (!at_end() && p_[pos_] >= '0' && p_[pos_] <= '9' && n < 1000) n = n * 10 + (p_[pos_++] - '0');
          auto a = make(Ast::backref);
          a->index = static_cast<std::uint32_t>(n);
          *atom_out = std::move(a);
          return;
        }
        if (std::isalnum(static_cast<unsigned char>(c))) fail("regex.syntax");  // u flag: no identity escapes of letters
        --pos_;
        cp = next_cp();
        break;
    }
    ranges = {{cp, cp}};
  }

  char32_t hex(std::size_t n) {
    char32_t v = 0;
    for (std::size_t i = 0; i < n; ++i) {
      if (at_end() || !std::isxdigit(static_cast<unsigned char>(p_[pos_]))) fail("regex.syntax");
      const char h = p_[pos_++];
      v = v * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
    }
    return v;
  }

  AstPtr bracket() {
    ++pos_;  // [
    bool negate = false;
    if (!at_end() && p_[pos_] == '^') {
      negate = true;
      ++pos_;
    }
    std::vector<Range> all;
    while (true) {
      if (at_end()) fail("regex.syntax");
      if (p_[pos_] == ']') {
        ++pos_;
        break;
      }
      auto one = [&](std::vector<Range>& r, bool& is_set) {
        if (p_[pos_] == '\\') {
          ++pos_;
          AstPtr unused;
          escape(true, r, is_set, &unused);
        } else {
          const char32_t cp = next_cp();
          r = {{cp, cp}};
          is_set = false;
        }
      };
      std::vector<Range> lo;
      bool lo_set = false;
      one(lo, lo_set);
      if (!at_end() && p_[pos_] == '-' && pos_ + 1 < p_.size() && p_[pos_ + 1] != ']') {
        ++pos_;
        std::vector<Range> hi;
        bool hi_set = false;
        one(hi, hi_set);
        if (lo_set || hi_set) fail("regex.syntax");
        if (hi[0].lo < lo[0].lo) fail("regex.syntax");
        all.push_back({lo[0].lo, hi[0].lo});
      } else {
        all.insert(all.end(), lo.begin(), lo.end());
      }
    }
    return class_atom(std::move(all), negate);
  }

  AstPtr atom(int depth) {
    const char c = p_[pos_];
    switch (c) {
      case '^':
        ++pos_;
        return make(Ast::line_start);
      case '$':
        ++pos_;
        return make(Ast::line_end);
      case '.':
        ++pos_;
        return make(Ast::any);
      case '[':
        return bracket();
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        fail("regex.syntax");
      case '(': {
        ++pos_;
        AstPtr g;
        if (p_.substr(pos_, 2) == "?:") {
          pos_ += 2;
          g = make(Ast::group);
          g->index = 0;  // non-capturing
        } else if (p_.substr(pos_, 2) == "?=" || p_.substr(pos_, 2) == "?!") {
          g = make(Ast::look);
          g->negative = p_[pos_ + 1] == '!';
          pos_ += 2;
        } else if (p_.substr(pos_, 3) == "?<=" || p_.substr(pos_, 3) == "?<!") {
          g = make(Ast::look);
          g->behind = true;
          g->negative = p_[pos_ + 2] == '!';
          pos_ += 3;
        } else if (p_.substr(pos_, 2) == "?<") {
          const std::size_t close = p_.find('>', pos_);
          if (close == std::string_view::npos) fail("regex.syntax");
          const std::string name(p_.substr(pos_ + 2, close - pos_ - 2));
          if (name.empty() || names.count(name)) fail("regex.syntax");
          pos_ = close + 1;
          g = make(Ast::group);
          g->index = out_.groups++;
          names[name] = g->index;
        } else if (!at_end() && p_[pos_] == '?') {
          fail("regex.syntax");
        } else {
          g = make(Ast::group);
          g->index = out_.groups++;
        }
        g->kids.push_back(alternation(depth + 1));
        if (at_end() || p_[pos_] != ')') fail("regex.syntax");
        ++pos_;
        return g;
      }
      case ')':
        fail("regex.syntax");
      case '\\': {
        ++pos_;
        std::vector<Range> r;
        bool is_set = false;
        AstPtr special;
        escape(false, r, is_set, &special);
        if (special) return special;
        if (is_set) return class_atom(std::move(r), false);
        auto a = make(Ast::chr);
        a->cp = r[0].lo;
        return a;
      }
      default: {
        auto a = make(Ast::chr);
        a->cp = next_cp();
        return a;
      }
    }
  }

  std::string_view p_;
  RegexProgram& out_;
  std::size_t pos_ = 0;
};

bool can_be_empty(const Ast& a) {
  switch (a.kind) {
    case Ast::chr:
    case Ast::klass:
    case Ast::any: return false;
    case Ast::seq:
      for (const auto& k : a.kids) {
        if (!can_be_empty(*k)) return false;
      }
      return true;
    case Ast::alt:
      for (const auto& k : a.kids) {
        if (can_be_empty(*k)) return true;
      }
      return false;
    case Ast::group: return can_be_empty(*a.kids[0]);
    case Ast::repeat: return a.min == 0 || can_be_empty(*a.kids[0]);
    default: return true;
  }
}

class Emitter {
 public:
  explicit Emitter(RegexProgram& p) : p_(p) {}

  void emit_program(const Ast& a, std::uint32_t index) {
    cur_ = index;
    emit(a);
    add({Op::match});
  }

 private:
  std::vector<Instr>& code() { return p_.programs[cur_].code; }
  std::uint32_t here() { return static_cast<std::uint32_t>(code().size()); }
  std::uint32_t add(Instr i) {
    if (code().size() >= kMaxInstructions) throw CompileError(0, "regex.too_complex");
    code().push_back(i);
    return here() - 1;
  }

  void emit(const Ast& a) {
    switch (a.kind) {
      case Ast::empty: break;
      case Ast::chr: add({Op::character, a.cp}); break;
      case Ast::klass: add({Op::klass, a.index}); break;
      case Ast::any: add({Op::any}); break;
      case Ast::line_start: add({Op::line_start}); break;
      case Ast::line_end: add({Op::line_end}); break;
      case Ast::wordb: add({Op::word_boundary}); break;
      case Ast::nwordb: add({Op::not_word_boundary}); break;
      case Ast::backref: add({Op::backref, a.index}); break;
      case Ast::seq:
        for (const auto& k : a.kids) emit(*k);
        break;
      case Ast::alt: {
        std::vector<std::uint32_t> jumps;
        for (std::size_t i = 0; i < a.kids.size(); ++i) {
          if (i + 1 < a.kids.size()) {
            const std::uint32_t split = add({Op::split});
            code()[split].a = here();
            emit(*a.kids[i]);
            jumps.push_back(add({Op::jump}));
            code()[split].b = here();
          } else {
            emit(*a.kids[i]);
          }
        }
        for (auto j : jumps) code()[j].a = here();
        break;
      }
      case Ast::group:
        if (a.index > 0) add({Op::save, 2 * a.index});
        emit(*a.kids[0]);
        if (a.index > 0) add({Op::save, 2 * a.index + 1});
        break;
      case Ast::look: {
        const auto sub = static_cast<std::uint32_t>(p_.programs.size());
        p_.programs.emplace_back();
        const std::uint32_t saved = cur_;
        emit_program(*a.kids[0], sub);
        cur_ = saved;
        add({Op::look, sub, (a.behind ? 1u : 0u) | (a.negative ? 2u : 0u)});
        break;
      }
      case Ast::repeat: {
        const Ast& body = *a.kids[0];
        for (int i = 0; i < a.min; ++i) emit(body);
        if (a.max == -1) {
          const bool guard = can_be_empty(body);
          const std::uint32_t reg = guard ? p_.registers++ : 0;
          const std::uint32_t loop = here();
          const std::uint32_t split = add({Op::split});
          code()[split].a = here();
          if (guard) add({Op::mark, reg});
          emit(body);
          if (guard) add({Op::progress, reg});
          add({Op::jump, loop});
          code()[split].b = here();
          if (!a.greedy) std::swap(code()[split].a, code()[split].b);
        } else {
          std::vector<std::uint32_t> splits;
          for (int i = a.min; i < a.max; ++i) {
            const std::uint32_t split = add({Op::split});
            code()[split].a = here();
            splits.push_back(split);
            emit(body);
          }
          for (auto s : splits) {
            code()[s].b = here();
            if (!a.greedy) std::swap(code()[s].a, code()[s].b);
          }
        }
        break;
      }
    }
  }

  RegexProgram& p_;
  std::uint32_t cur_ = 0;
};

}  // namespace

Regex Regex::compile(std::string_view pattern) {
  auto program = std::make_shared<RegexProgram>();
  Parser parser(pattern, *program);
  AstPtr ast = parser.parse();
  program->programs.emplace_back();
  Emitter(*program).emit_program(*ast, 0);
  // Back-references to groups that do not exist are syntax errors with the u flag.
  for (const auto& prog : program->programs) {
    for (const auto& i : prog.code) {
      if (i.op == Op::backref && i.a >= program->groups) throw CompileError(0, "regex.unknown_group");
      if (i.op == Op::backref) program->captures = true;
    }
  }
  // Most subjects are ASCII: a bitmap answers those without a search of the ranges.
  for (auto& c : program->classes) {
    for (const auto& r : c.ranges) {
      for (char32_t cp = r.lo; cp <= r.hi && cp < 128; ++cp) c.ascii[cp >> 6] |= std::uint64_t{1} << (cp & 63);
    }
  }
  program->anchored = !ast->kids.empty() && ast->kind == Ast::seq && ast->kids[0]->kind == Ast::line_start;
  linearise(*ast, *program);
  if (!program->linear_ok) build_automaton(*ast, *program);
  Regex r;
  r.program_ = std::move(program);
  return r;
}

}  // namespace greenapply::regex
