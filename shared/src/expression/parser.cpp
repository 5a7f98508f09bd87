// Recursive-descent parser with type checking as it goes (grammar in docs/expressions.md).
// Depth is bounded (Limits::max_depth), so hostile input like 10^5 nested parentheses is an
// error, never a stack overflow.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "functions.hpp"
#include "greenapply/utf8.hpp"
#include "program_data.hpp"

namespace greenapply::expr {

ParseError::ParseError(Issue issue)
    : Failure(issue.message_key + " at offset " + std::to_string(issue.offset), std::move(issue)) {}

namespace {

enum class Tok { end, number, string, ident, punct };

struct Token {
  Tok kind = Tok::end;
  std::string text;  // identifier, punctuation, or decoded string
  double number = 0;
  std::size_t offset = 0;
};

class Parser {
 public:
  Parser(std::string_view text, const TypeEnv& env, const Limits& limits, Program::Data& out)
      : src_(text), env_(env), limits_(limits), out_(out) {}

  int parse_all(const std::vector<std::string>& it_list_path) {
    if (!it_list_path.empty()) {
      std::vector<std::string> ctx = it_list_path;
      ctx.push_back("[]");
      it_stack_.push_back(ctx);
    }
    advance();
    const int root = expr(0);
    if (tok_.kind != Tok::end) fail(tok_.offset, "expr.unexpected_token", {{"token", tok_.text}});
    return root;
  }

 private:
  // ----- errors ----------------------------------------------------------------------------
  [[noreturn]] void fail(std::size_t offset, const std::string& key, greenapply::json params = greenapply::json::object()) {
    Issue e;
    e.message_key = key;
    e.params = std::move(params);
    e.offset = offset;
    e.line = 1;
    e.column = 1;
    for (std::size_t i = 0; i < offset && i < src_.size(); ++i) {
      if (src_[i] == '\n') {
        ++e.line;
        e.column = 1;
      } else if ((static_cast<unsigned char>(src_[i]) & 0xC0) != 0x80) {
        ++e.column;
      }
    }
    throw ParseError(std::move(e));
  }

  // ----- lexer -----------------------------------------------------------------------------
  void advance() {
    while (pos_ < src_.size() && (src_[pos_] == ' ' || src_[pos_] == '\t' || src_[pos_] == '\n' || src_[pos_] == '\r'))
      ++pos_;
    tok_ = Token();
    tok_.offset = pos_;
    if (pos_ >= src_.size()) return;
    const char c = src_[pos_];
    if ((c >= '0' && c <= '9') || (c == '.' && pos_ + 1 < src_.size() && src_[pos_ + 1] >= '0' && src_[pos_ + 1] <= '9')) {
      std::size_t end = pos_;
      while (end < src_.size() && ((src_[end] >= '0' && src_[end] <= '9') || src_[end] == '.')) ++end;
      if (end < src_.size() && (src_[end] == 'e' || src_[end] == 'E')) {
        std::size_t e = end + 1;
        if (e < src_.size() && (src_[e] == '+' || src_[e] == '-')) ++e;
        if (e < src_.size() && src_[e] >= '0' && src_[e] <= '9') {
          end = e;
          while (end < src_.size() && src_[end] >= '0' && src_[end] <= '9') ++end;
        }
      }
      const std::string text(src_.substr(pos_, end - pos_));
      if (std::count(text.begin(), text.end(), '.') > 1) fail(pos_, "expr.bad_number", {{"text", text}});
      // strtod in the "C" locale semantics: the text has only digits, '.', 'e', sign.
      tok_.kind = Tok::number;
      tok_.number = std::strtod(text.c_str(), nullptr);
      tok_.text = text;
      pos_ = end;
      return;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_') {
      std::size_t end = pos_;
      while (end < src_.size() && ((src_[end] >= 'A' && src_[end] <= 'Z') || (src_[end] >= 'a' && src_[end] <= 'z') ||
                                   (src_[end] >= '0' && src_[end] <= '9') || src_[end] == '_'))
        ++end;
      tok_.kind = Tok::ident;
      tok_.text = std::string(src_.substr(pos_, end - pos_));
      pos_ = end;
      return;
    }
    if (c == '\'' || c == '"') {
      lex_string(c);
      return;
    }
    static const char* kTwo[] = {"!=", "<=", ">=", "??"};
    for (const char* two : kTwo) {
      if (src_.substr(pos_, 2) == two) {
        tok_.kind = Tok::punct;
        tok_.text = two;
        pos_ += 2;
        return;
      }
    }
    if (std::string_view("()[],.?:=<>+-*/%").find(c) != std::string_view::npos) {
      tok_.kind = Tok::punct;
      tok_.text = std::string(1, c);
      ++pos_;
      return;
    }
    fail(pos_, "expr.unexpected_character", {{"character", std::string(1, c)}});
  }

  void lex_string(char quote) {
    const std::size_t start = pos_++;
    std::string s;
    while (true) {
      if (pos_ >= src_.size()) fail(start, "expr.unterminated_string");
      const char c = src_[pos_++];
      if (c == quote) break;
      if (c != '\\') {
        s += c;
        continue;
      }
      if (pos_ >= src_.size()) fail(start, "expr.unterminated_string");
      const char e = src_[pos_++];
      switch (e) {
        case 'n': s += '\n'; break;
        case 't': s += '\t'; break;
        case '\\': s += '\\'; break;
        case '\'': s += '\''; break;
        case '"': s += '"'; break;
        case 'u': {
          if (pos_ + 4 > src_.size()) fail(pos_ - 2, "expr.bad_escape");
          unsigned cp = 0;
          for (int i = 0; i < 4; ++i) {
            const char h = src_[pos_++];
            cp <<= 4;
            if (h >= '0' && h <= '9') cp |= static_cast<unsigned>(h - '0');
            else if (h >= 'a' && h <= 'f') cp |= static_cast<unsigned>(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') cp |= static_cast<unsigned>(h - 'A' + 10);
            else fail(pos_ - 1, "expr.bad_escape");
          }
          if (cp >= 0xD800 && cp <= 0xDFFF) fail(pos_ - 6, "expr.bad_escape");
          append_utf8(s, static_cast<char32_t>(cp));
          break;
        }
        default: fail(pos_ - 2, "expr.bad_escape");
      }
    }
    tok_.kind = Tok::string;
    tok_.text = std::move(s);
  }

  bool is_punct(const char* p) const { return tok_.kind == Tok::punct && tok_.text == p; }
  bool is_word(const char* w) const { return tok_.kind == Tok::ident && tok_.text == w; }
  void expect(const char* p) {
    if (!is_punct(p)) {
      if (tok_.kind == Tok::end) fail(tok_.offset, "expr.unexpected_end", {{"expected", p}});
      fail(tok_.offset, "expr.unexpected_token", {{"token", tok_.text}, {"expected", p}});
    }
    advance();
  }

  // ----- nodes -----------------------------------------------------------------------------
  int add(Node n) {
    if (out_.nodes.size() > 4 * limits_.max_text_bytes) fail(n.offset, "expr.too_long");
    out_.nodes.push_back(std::move(n));
    return static_cast<int>(out_.nodes.size() - 1);
  }
  Node& at(int i) { return out_.nodes[static_cast<std::size_t>(i)]; }

  // A list whose items are all known at load is built once here, not at every evaluation.
  void fold_constant_list(Node& list) {
    std::size_t steps = 1;
    std::vector<Value> items;
    items.reserve(list.kids.size());
    for (int k : list.kids) {
      const Node& kid = at(k);
      if (kid.op == Op::literal) {
        steps += 1;
      } else if (kid.constant_steps > 0) {
        steps += kid.constant_steps;
      } else {
        return;
      }
      items.push_back(kid.literal);
    }
    list.literal = Value::list(std::move(items));
    list.constant_steps = steps;
  }
  Type type(int i) { return at(i).type; }

  static bool fits(Type actual, Type wanted) {
    return actual == Type::any || actual == Type::null || wanted == Type::any || actual == wanted;
  }

  void type_error(int node, Type wanted) {
    fail(at(node).offset, "expr.type_mismatch", {{"expected", type_name(wanted)}, {"actual", type_name(type(node))}});
  }

  int binary(Op op, int lhs, int rhs, std::size_t offset) {
    Node n;
    n.op = op;
    n.offset = offset;
    n.kids = {lhs, rhs};
    const Type a = type(lhs), b = type(rhs);
    switch (op) {
      case Op::and_:
      case Op::or_:
        if (!fits(a, Type::boolean)) type_error(lhs, Type::boolean);
        if (!fits(b, Type::boolean)) type_error(rhs, Type::boolean);
        n.type = Type::boolean;
        break;
      case Op::eq:
      case Op::ne:
        if (!(fits(a, b) || fits(b, a))) type_error(rhs, a);
        n.type = Type::boolean;
        break;
      case Op::lt:
      case Op::le:
      case Op::gt:
      case Op::ge:
        if (!(fits(a, b) || fits(b, a)) || a == Type::boolean || a == Type::list || a == Type::object) type_error(rhs, a);
        n.type = Type::boolean;
        break;
      case Op::in:
        if (!(fits(b, Type::list) || fits(b, Type::string))) type_error(rhs, Type::list);
        n.type = Type::boolean;
        break;
      case Op::add:
        if (a == Type::date || b == Type::date) {
          if (!((a == Type::date && fits(b, Type::number)) || (b == Type::date && fits(a, Type::number)))) type_error(rhs, Type::number);
          n.type = Type::date;
        } else if (a == Type::string || b == Type::string) {
          if (!fits(a, Type::string) || !fits(b, Type::string)) type_error(a == Type::string ? rhs : lhs, Type::string);
          n.type = Type::string;
        } else {
          if (!fits(a, Type::number)) type_error(lhs, Type::number);
          if (!fits(b, Type::number)) type_error(rhs, Type::number);
          n.type = (a == Type::any || b == Type::any) ? Type::any : Type::number;
        }
        break;
      case Op::sub:
        if (a == Type::date) {
          if (!(fits(b, Type::date) || fits(b, Type::number))) type_error(rhs, Type::number);
          n.type = b == Type::date ? Type::number : b == Type::number ? Type::date : Type::any;
        } else {
          if (!fits(a, Type::number)) type_error(lhs, Type::number);
          if (!fits(b, Type::number)) type_error(rhs, Type::number);
          n.type = a == Type::any ? Type::any : Type::number;
        }
        break;
      case Op::mul:
      case Op::div:
      case Op::mod:
        if (!fits(a, Type::number)) type_error(lhs, Type::number);
        if (!fits(b, Type::number)) type_error(rhs, Type::number);
        n.type = Type::number;
        break;
      case Op::coalesce:
        if (!(fits(a, b) || fits(b, a))) type_error(rhs, a);
        n.type = a == Type::null || a == Type::any ? b : a;
        break;
      default:
        break;
    }
    return add(std::move(n));
  }

  // ----- grammar ---------------------------------------------------------------------------
  struct DepthGuard {
    Parser& p;
    DepthGuard(Parser& parser, std::size_t offset) : p(parser) {
      if (++p.depth_ > p.limits_.max_depth) p.fail(offset, "expr.too_deep", {{"limit", p.limits_.max_depth}});
    }
    ~DepthGuard() { --p.depth_; }
  };

  int expr(int) {
    DepthGuard guard(*this, tok_.offset);
    const int c = or_expr();
    if (!is_punct("?")) return c;
    const std::size_t offset = tok_.offset;
    advance();
    const int a = expr(0);
    expect(":");
    const int b = expr(0);
    if (!fits(type(c), Type::boolean)) type_error(c, Type::boolean);
    Node n;
    n.op = Op::cond;
    n.offset = offset;
    n.kids = {c, a, b};
    const Type ta = type(a), tb = type(b);
    if (!(fits(ta, tb) || fits(tb, ta))) type_error(b, ta);
    n.type = ta == Type::null || ta == Type::any ? tb : ta;
    return add(std::move(n));
  }

  int or_expr() {
    int lhs = and_expr();
    while (is_word("or")) {
      const std::size_t offset = tok_.offset;
      advance();
      lhs = binary(Op::or_, lhs, and_expr(), offset);
    }
    return lhs;
  }

  int and_expr() {
    int lhs = not_expr();
    while (is_word("and")) {
      const std::size_t offset = tok_.offset;
      advance();
      lhs = binary(Op::and_, lhs, not_expr(), offset);
    }
    return lhs;
  }

  int not_expr() {
    if (!is_word("not")) return cmp_expr();
    DepthGuard guard(*this, tok_.offset);
    Node n;
    n.op = Op::not_;
    n.offset = tok_.offset;
    advance();
    const int operand = not_expr();
    if (!fits(type(operand), Type::boolean)) type_error(operand, Type::boolean);
    n.kids = {operand};
    n.type = Type::boolean;
    return add(std::move(n));
  }

  int cmp_expr() {
    const int lhs = add_expr();
    static const std::pair<const char*, Op> kOps[] = {{"=", Op::eq}, {"!=", Op::ne}, {"<", Op::lt},
                                                      {"<=", Op::le}, {">", Op::gt}, {">=", Op::ge}};
    for (const auto& [text, op] : kOps) {
      if (is_punct(text)) {
        const std::size_t offset = tok_.offset;
        advance();
        return binary(op, lhs, add_expr(), offset);
      }
    }
    if (is_word("in")) {
      const std::size_t offset = tok_.offset;
      advance();
      return binary(Op::in, lhs, add_expr(), offset);
    }
    return lhs;
  }

  int add_expr() {
    int lhs = mul_expr();
    while (is_punct("+") || is_punct("-")) {
      const Op op = tok_.text == "+" ? Op::add : Op::sub;
      const std::size_t offset = tok_.offset;
      advance();
      lhs = binary(op, lhs, mul_expr(), offset);
    }
    return lhs;
  }

  int mul_expr() {
    int lhs = unary();
    while (is_punct("*") || is_punct("/") || is_punct("%")) {
      const Op op = tok_.text == "*" ? Op::mul : tok_.text == "/" ? Op::div : Op::mod;
      const std::size_t offset = tok_.offset;
      advance();
      lhs = binary(op, lhs, unary(), offset);
    }
    return lhs;
  }

  int unary() {
    if (!is_punct("-")) return coalesce();
    DepthGuard guard(*this, tok_.offset);
    Node n;
    n.op = Op::neg;
    n.offset = tok_.offset;
    advance();
    const int operand = unary();
    if (!fits(type(operand), Type::number)) type_error(operand, Type::number);
    n.kids = {operand};
    n.type = Type::number;
    return add(std::move(n));
  }

  int coalesce() {
    int lhs = postfix();
    while (is_punct("??")) {
      const std::size_t offset = tok_.offset;
      advance();
      lhs = binary(Op::coalesce, lhs, postfix(), offset);
    }
    return lhs;
  }

  int postfix() {
    int node = primary();
    while (true) {
      if (is_punct("[")) {
        Node n;
        n.op = Op::index;
        n.offset = tok_.offset;
        advance();
        const int idx = expr(0);
        expect("]");
        if (!fits(type(node), Type::list) && !fits(type(node), Type::object)) type_error(node, Type::list);
        n.kids = {node, idx};
        n.type = Type::any;
        node = add(std::move(n));
      } else if (is_punct(".")) {
        Node n;
        n.op = Op::member;
        n.offset = tok_.offset;
        advance();
        if (tok_.kind != Tok::ident) fail(tok_.offset, "expr.unexpected_token", {{"token", tok_.text}, {"expected", "name"}});
        n.path = {tok_.text};
        advance();
        if (!fits(type(node), Type::object)) type_error(node, Type::object);
        n.kids = {node};
        n.type = Type::any;
        node = add(std::move(n));
      } else {
        return node;
      }
    }
  }

  int primary() {
    DepthGuard guard(*this, tok_.offset);
    const Token t = tok_;
    if (t.kind == Tok::number) {
      advance();
      Node n;
      n.offset = t.offset;
      n.literal = Value::number(t.number);
      n.type = Type::number;
      return add(std::move(n));
    }
    if (t.kind == Tok::string) {
      advance();
      Node n;
      n.offset = t.offset;
      n.literal = Value::string(t.text);
      n.type = Type::string;
      return add(std::move(n));
    }
    if (is_punct("(")) {
      advance();
      const int inner = expr(0);
      expect(")");
      return inner;
    }
    if (is_punct("[")) {
      Node n;
      n.op = Op::list;
      n.offset = t.offset;
      n.type = Type::list;
      advance();
      if (!is_punct("]")) {
        while (true) {
          n.kids.push_back(expr(0));
          if (is_punct(",")) {
            advance();
            continue;
          }
          break;
        }
      }
      expect("]");
      fold_constant_list(n);
      return add(std::move(n));
    }
    if (t.kind != Tok::ident) {
      if (t.kind == Tok::end) fail(t.offset, "expr.unexpected_end");
      fail(t.offset, "expr.unexpected_token", {{"token", t.text}});
    }
    if (t.text == "true" || t.text == "false") {
      advance();
      Node n;
      n.offset = t.offset;
      n.literal = Value::boolean(t.text == "true");
      n.type = Type::boolean;
      return add(std::move(n));
    }
    if (t.text == "null") {
      advance();
      Node n;
      n.offset = t.offset;
      n.type = Type::null;
      return add(std::move(n));
    }
    static const char* kReserved[] = {"and", "or", "not", "in"};
    for (const char* r : kReserved) {
      if (t.text == r) fail(t.offset, "expr.unexpected_token", {{"token", t.text}});
    }
    advance();
    if (is_punct("(")) return call(t);
    return path(t);
  }

  int path(const Token& first) {
    Node n;
    n.offset = first.offset;
    std::vector<std::string> p = {first.text};
    while (is_punct(".")) {
      advance();
      if (tok_.kind != Tok::ident) fail(tok_.offset, "expr.unexpected_token", {{"token", tok_.text}, {"expected", "name"}});
      p.push_back(tok_.text);
      advance();
    }
    if (p[0] == "it") {
      if (it_stack_.empty()) fail(first.offset, "expr.it_outside_item");
      n.op = Op::it_path;
      n.path.assign(p.begin() + 1, p.end());
      const auto& ctx = it_stack_.back();
      if (!ctx) {
        n.type = Type::any;
      } else {
        std::vector<std::string> full = *ctx;
        full.insert(full.end(), n.path.begin(), n.path.end());
        const auto t = env_ ? env_(full) : std::optional<Type>(Type::any);
        if (!t) fail(first.offset, "expr.unknown_field", {{"field", join("it", n.path)}});
        n.type = *t;
      }
      record_reference(n);
      return add(std::move(n));
    }
    n.op = Op::path;
    n.path = p;
    const auto t = env_ ? env_(p) : std::optional<Type>(Type::any);
    if (!t) fail(first.offset, "expr.unknown_field", {{"field", join("", p)}});
    n.type = *t;
    record_reference(n);
    return add(std::move(n));
  }

  static std::string join(const std::string& head, const std::vector<std::string>& p) {
    std::string s = head;
    for (const auto& x : p) s += (s.empty() ? "" : ".") + x;
    return s;
  }

  void record_reference(const Node& n) {
    if (n.op == Op::path) {
      out_.references.push_back(n.path);
    } else if (!it_stack_.empty() && it_stack_.back()) {
      std::vector<std::string> full = *it_stack_.back();
      full.insert(full.end(), n.path.begin(), n.path.end());
      out_.references.push_back(full);
    }
  }

  int call(const Token& name) {
    const Function* f = find_function(name.text);
    if (!f) fail(name.offset, "expr.unknown_function", {{"function", name.text}});
    advance();  // (
    Node n;
    n.op = Op::call;
    n.offset = name.offset;
    n.fn = f;
    int index = 0;
    if (!is_punct(")")) {
      while (true) {
        if (index == f->item_arg) {
          // `it` ranges over the elements of the first argument.
          const Node& list = at(n.kids[0]);
          std::optional<std::vector<std::string>> ctx;
          if (list.op == Op::path) {
            ctx = list.path;
            ctx->push_back("[]");
          } else if (list.op == Op::it_path && !it_stack_.empty() && it_stack_.back()) {
            ctx = *it_stack_.back();
            ctx->insert(ctx->end(), list.path.begin(), list.path.end());
            ctx->push_back("[]");
          }
          it_stack_.push_back(ctx);
          n.kids.push_back(expr(0));
          it_stack_.pop_back();
        } else {
          n.kids.push_back(expr(0));
        }
        ++index;
        if (is_punct(",")) {
          advance();
          continue;
        }
        break;
      }
    }
    if (tok_.kind == Tok::end) fail(tok_.offset, "expr.unexpected_end", {{"expected", ")"}});
    expect(")");
    const int argc = static_cast<int>(n.kids.size());
    if (argc < f->min_args || argc > f->max_args)
      fail(name.offset, "expr.arity", {{"function", name.text}, {"min", f->min_args}, {"max", f->max_args}, {"actual", argc}});
    std::vector<Type> types;
    for (int k : n.kids) types.push_back(type(k));
    std::size_t bad = 0;
    const auto result = f->type(types, bad);
    if (!result)
      fail(at(n.kids[bad]).offset, "expr.type_mismatch",
           {{"function", name.text}, {"argument", bad + 1}, {"actual", type_name(types[bad])}});
    n.type = *result;
    if (f->pattern_arg) compile_pattern(n, name);
    return add(std::move(n));
  }

  // matches(text, 'pattern'): the pattern must be a string literal, compiled here once, so a
  // broken pattern is a load-time error at its place and evaluation never compiles anything.
  void compile_pattern(Node& n, const Token& name) {
    const Node& pattern = at(n.kids[1]);
    if (pattern.op != Op::literal || pattern.literal.kind() != Value::Kind::string)
      fail(pattern.offset, "expr.pattern_not_literal", {{"function", name.text}});
    try {
      out_.regexes.push_back(regex::Regex::compile(pattern.literal.as_string()));
    } catch (const regex::CompileError& e) {
      fail(pattern.offset, "expr.bad_pattern", {{"function", name.text}, {"reason", e.issue().message_key}});
    }
    n.regex = static_cast<int>(out_.regexes.size()) - 1;
  }

  std::string_view src_;
  const TypeEnv& env_;
  const Limits& limits_;
  Program::Data& out_;
  std::size_t pos_ = 0;
  std::size_t depth_ = 0;
  Token tok_;
  std::vector<std::optional<std::vector<std::string>>> it_stack_;
};

}  // namespace

Program Program::compile(std::string_view text, const TypeEnv& env, const std::vector<std::string>& it_list_path,
                         const Limits& limits) {
  if (text.size() > limits.max_text_bytes) {
    Issue e;
    e.message_key = "expr.too_long";
    e.params = {{"limit", limits.max_text_bytes}, {"actual", text.size()}};
    e.line = 1;  // the position reported is the start of the text
    e.column = 1;
    throw ParseError(std::move(e));
  }
  auto data = std::make_shared<Data>();
  data->text = std::string(text);
  Parser parser(text, env, limits, *data);
  data->root = parser.parse_all(it_list_path);
  data->type = data->nodes[static_cast<std::size_t>(data->root)].type;
  Program p;
  p.data_ = std::move(data);
  return p;
}

Type Program::result_type() const { return data_ ? data_->type : Type::null; }
const std::string& Program::text() const {
  static const std::string kEmpty;
  return data_ ? data_->text : kEmpty;
}
const std::vector<std::vector<std::string>>& Program::references() const {
  static const std::vector<std::vector<std::string>> kNone;
  return data_ ? data_->references : kNone;
}
const std::vector<Node>& Program::nodes() const {
  static const std::vector<Node> kNone;
  return data_ ? data_->nodes : kNone;
}

}  // namespace greenapply::expr
