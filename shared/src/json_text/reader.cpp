#include "reader.hpp"

#include <algorithm>
#include <cerrno>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "greenapply/key_order.hpp"
#include "greenapply/utf8.hpp"
#include "string_bytes.hpp"

namespace greenapply::json_text_detail {

namespace {

using greenapply::json;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A character for an error message: itself when printable ASCII, otherwise its byte value.
std::string describe(const char* p, const char* end) {
  if (p == end) return "the end of the text";  // callers say "ends" themselves where they can
  const auto c = static_cast<unsigned char>(*p);
  if (c > 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  static const char kHex[] = "0123456789ABCDEF";
  return std::string("byte 0x") + kHex[c >> 4] + kHex[c & 15];
}

class Reader {
 public:
  Reader(std::string_view text, std::size_t max_depth, ReadFailure& failure)
      : begin_(text.data()),
        p_(text.data()),
        end_(text.data() + text.size()),
        max_depth_(max_depth),
        failure_(failure) {}

  bool document(json& out) {
    // A UTF-8 byte-order mark is skipped, as nlohmann does; a broken one is an error.
    if (p_ != end_ && static_cast<unsigned char>(*p_) == 0xEF) {
      if (end_ - p_ < 3 || static_cast<unsigned char>(p_[1]) != 0xBB ||
          static_cast<unsigned char>(p_[2]) != 0xBF)
        return syntax("invalid byte-order mark; must be 0xEF 0xBB 0xBF if given");
      p_ += 3;
    }
    skip_space();
    if (!value(out, 0)) return false;
    skip_space();
    // A NUL byte after the value ends the text, as it does for nlohmann (whose lexer reads it
    // as the end of input): the texts it accepted are accepted still.
    if (p_ != end_ && *p_ != '\0')
      return syntax("unexpected " + describe(p_, end_) + " after the value; expected the end of the text");
    return true;
  }

 private:
  const char* const begin_;
  const char* p_;
  const char* const end_;
  const std::size_t max_depth_;
  ReadFailure& failure_;
  std::string number_text_;  // a number's text for strtod, which wants a terminated string
  using Member = std::pair<std::string, json>;
  std::vector<Member> members_;  // the open objects' members so far, innermost last
  std::vector<std::uint32_t> order_;  // take_members' sorting room
  static constexpr std::size_t kInsertionSortMembers = 32;

  bool fail(const char* at, const char* key, std::string detail) {
    failure_.offset = static_cast<std::size_t>(at - begin_);
    failure_.key = key;
    failure_.detail = std::move(detail);
    return false;
  }
  bool syntax(std::string detail) { return fail(p_, "json.syntax", "syntax error: " + std::move(detail)); }
  bool expected(const char* what) {
    if (p_ == end_) return syntax(std::string("the text ends too early; expected ") + what);
    return syntax("unexpected " + describe(p_, end_) + "; expected " + what);
  }

  // nlohmann's whitespace: exactly these four.
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool value(json& out, std::size_t depth) {
    if (p_ == end_) return expected("a value");
    switch (*p_) {
      case '{':
        return object(out, depth + 1);
      case '[':
        return array(out, depth + 1);
      case '"':
        ++p_;
        out = json(json::value_t::string);
        return string(out.get_ref<std::string&>());
      case 't':
        if (!literal("true", 4)) return false;
        out = true;
        return true;
      case 'f':
        if (!literal("false", 5)) return false;
        out = false;
        return true;
      case 'n':
        if (!literal("null", 4)) return false;
        out = nullptr;
        return true;
      default:
        if (*p_ == '-' || is_digit(*p_)) return number(out);
        return expected("a value ('{', '[', a string, a number, true, false or null)");
    }
  }

  bool literal(const char* word, std::size_t length) {
    for (std::size_t i = 0; i < length; ++i, ++p_) {
      if (p_ == end_ || *p_ != word[i]) return expected((std::string("'") + word + "'").c_str());
    }
    return true;
  }

  // Steps over `c` when it is the next byte.
  bool consume(char c) {
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }

  bool too_deep() {
    return fail(p_, "json.depth", "nesting deeper than " + std::to_string(max_depth_) + " levels");
  }

  // An object's members are gathered on `members_` (one stack for all depths, so its room is
  // reused) and handed to the object in one allocation, sorted as greenapply::json keeps them.
  // A repeated key takes the later value, as with nlohmann's DOM builder. Keys usually arrive
  // sorted (our writers emit them so), and then there is nothing to sort.
  bool object(json& out, std::size_t depth) {
    if (depth > max_depth_) return too_deep();
    ++p_;
    out = json(json::value_t::object);
    skip_space();
    if (consume('}')) return true;
    const std::size_t base = members_.size();
    for (;;) {
      if (!consume('"')) return expected("a member's name (a string)");
      std::string key;
      if (!string(key)) return false;
      skip_space();
      if (!consume(':')) return expected("':' after the member's name");
      skip_space();
      json member;
      if (!value(member, depth)) return false;
      members_.emplace_back(std::move(key), std::move(member));
      skip_space();
      if (consume('}')) break;
      if (!consume(',')) return expected("',' or '}' after an object's member");
      skip_space();
    }
    take_members(base, out.get_ref<json::object_t&>());
    return true;
  }

  // Moves members_[base..] into `object`, sorted by key, the last of equal keys winning. Out of
  // order, the members are sorted as indices (stable, so equal keys keep their textual order)
  // and each member is still moved once.
  void take_members(std::size_t base, json::object_t& object) {
    const std::size_t n = members_.size() - base;
    Member* const m = members_.data() + base;
    object.reserve(n);
    const auto append = [&object](Member& member) {
      if (!object.empty() && same_key(object.back().first, member.first))
        object.back().second = std::move(member.second);
      else
        object.push_back(std::move(member));  // in key order, so sorted_map's order holds
    };
    std::size_t sorted = 1;
    // Keys compared inline (key_order.hpp), in std::string's order: no memcmp call per pair.
    while (sorted < n && compare_keys(m[sorted].first, m[sorted - 1].first) >= 0) ++sorted;
    if (sorted == n) {
      for (std::size_t i = 0; i < n; ++i) append(m[i]);
    } else {
      order_.resize(n);
      for (std::size_t i = 0; i < n; ++i) order_[i] = static_cast<std::uint32_t>(i);
      const auto by_key = [m](std::uint32_t x, std::uint32_t y) { return compare_keys(m[x].first, m[y].first) < 0; };
      if (n <= kInsertionSortMembers) {  // an application's objects: no temporary buffer
        for (std::size_t i = sorted; i < n; ++i) {
          std::size_t j = i;
          for (; j > 0 && by_key(static_cast<std::uint32_t>(i), order_[j - 1]); --j) order_[j] = order_[j - 1];
          order_[j] = static_cast<std::uint32_t>(i);
        }
      } else {
        std::stable_sort(order_.begin(), order_.end(), by_key);
      }
      for (const std::uint32_t i : order_) append(m[i]);
    }
    members_.resize(base);
  }

  bool array(json& out, std::size_t depth) {
    if (depth > max_depth_) return too_deep();
    ++p_;
    out = json(json::value_t::array);
    json::array_t& items = out.get_ref<json::array_t&>();
    skip_space();
    if (consume(']')) return true;
    for (;;) {
      items.emplace_back();
      if (!value(items.back(), depth)) return false;
      skip_space();
      if (consume(']')) return true;
      if (!consume(',')) return expected("',' or ']' after an array's item");
      skip_space();
    }
  }

  // Moves past plain ASCII text to the next byte that needs attention (or the end): eight bytes
  // at a time, landing on the first flagged one; the last few one at a time.
  void skip_plain_text() { p_ = json_text_detail::skip_plain_text(p_, end_); }

  // The text after an opening quote, up to and past the closing one. Runs of bytes that need
  // no translation (ASCII and valid UTF-8) are copied in one append.
  bool string(std::string& s) {
    const char* run = p_;
    for (;;) {
      skip_plain_text();
      if (p_ == end_) return syntax("the text ends inside a string; expected its closing '\"'");
      switch (kByteClasses.of[static_cast<unsigned char>(*p_)]) {
        case kPlain:  // skip_plain_text stops at no plain byte
          break;
        case kMultibyte:
          // Chinese text is runs of these: validated one after another without leaving here.
          // Well-formed is RFC 3629's (no overlong forms, no surrogates, nothing above
          // U+10FFFF), the very set nlohmann's lexer accepts.
          if (!skip_multibyte(p_, end_)) return syntax("invalid UTF-8 in a string at " + describe(p_, end_));
          break;
        case kQuote:
          s.append(run, static_cast<std::size_t>(p_ - run));
          ++p_;
          return true;
        case kEscape:
          s.append(run, static_cast<std::size_t>(p_ - run));
          if (!escape(s)) return false;
          run = p_;
          break;
        case kControl:
          return syntax("control character " + describe(p_, end_) +
                        " in a string; it must be escaped (\\n, \\t, \\u00XX)");
      }
    }
  }

  bool escape(std::string& s) {
    ++p_;  // the backslash
    if (p_ == end_) return syntax("the text ends inside a string's escape");
    switch (*p_++) {
      case '"':
        s += '"';
        return true;
      case '\\':
        s += '\\';
        return true;
      case '/':
        s += '/';
        return true;
      case 'b':
        s += '\b';
        return true;
      case 'f':
        s += '\f';
        return true;
      case 'n':
        s += '\n';
        return true;
      case 'r':
        s += '\r';
        return true;
      case 't':
        s += '\t';
        return true;
      case 'u':
        break;
      default:
        --p_;
        return syntax("a backslash followed by " + describe(p_, end_) +
                      " in a string; escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
    }
    long cp = hex4();
    if (cp < 0) return syntax("'\\u' must be followed by four hexadecimal digits");
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      // A high surrogate must be followed by an escaped low one, as nlohmann requires.
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
        return syntax("a surrogate \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF");
      p_ += 2;
      const long low = hex4();
      if (low < 0xDC00 || low > 0xDFFF)
        return syntax("a surrogate \\uD800-\\uDBFF must be followed by \\uDC00-\\uDFFF");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return syntax("a surrogate \\uDC00-\\uDFFF without \\uD800-\\uDBFF before it");
    }
    append_utf8(s, static_cast<char32_t>(cp));
    return true;
  }

  long hex4() {
    if (end_ - p_ < 4) return -1;
    long v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
      else return -1;
      v = v * 16 + d;
    }
    return v;
  }

  // JSON's number grammar; the value as nlohmann's lexer makes it: an integer without fraction
  // or exponent is unsigned (non-negative) or signed (negative) when it fits, otherwise and for
  // every other number a double from strtod, and a double that is not finite is its error.
  bool number(json& out) {
    const char* const start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    const char* const digits = p_;
    if (p_ != end_ && *p_ == '0') {
      ++p_;
    } else if (p_ != end_ && *p_ >= '1' && *p_ <= '9') {
      while (p_ != end_ && is_digit(*p_)) ++p_;
    } else {
      return expected("a digit after '-'");
    }
    const std::size_t digit_count = static_cast<std::size_t>(p_ - digits);
    bool integral = true;
    if (p_ != end_ && *p_ == '.') {
      integral = false;
      ++p_;
      if (p_ == end_ || !is_digit(*p_)) return expected("a digit after the decimal point");
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      integral = false;
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || !is_digit(*p_)) return expected("a digit in the exponent");
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    if (integral && digit_count <= 18) {  // below 10^18: fits either way, no library call
      std::uint64_t v = 0;
      for (const char* d = digits; d != p_; ++d) v = v * 10 + static_cast<unsigned>(*d - '0');
      if (negative) {
        out = static_cast<json::number_integer_t>(-static_cast<std::int64_t>(v));
      } else {
        out = static_cast<json::number_unsigned_t>(v);
      }
      return true;
    }
    number_text_.assign(start, p_);
    char* end = nullptr;
    if (integral) {
      errno = 0;
      if (negative) {
        const long long x = std::strtoll(number_text_.c_str(), &end, 10);
        if (errno == 0) {
          out = static_cast<json::number_integer_t>(x);
          return true;
        }
      } else {
        const unsigned long long x = std::strtoull(number_text_.c_str(), &end, 10);
        if (errno == 0) {
          out = static_cast<json::number_unsigned_t>(x);
          return true;
        }
      }
    }
    // strtod reads the locale's decimal point, so '.' becomes that, as nlohmann does.
    const std::lconv* const conventions = std::localeconv();
    if (conventions != nullptr && conventions->decimal_point != nullptr &&
        conventions->decimal_point[0] != '.' && conventions->decimal_point[0] != '\0') {
      for (char& c : number_text_) {
        if (c == '.') c = conventions->decimal_point[0];
      }
    }
    const double d = std::strtod(number_text_.c_str(), &end);
    if (!std::isfinite(d))
      return fail(start, "json.number_out_of_range",
                  "number " + std::string(start, p_) + " is beyond what a double holds");
    out = d;
    return true;
  }
};

}  // namespace

bool read_json(std::string_view text, std::size_t max_depth, greenapply::json& out,
               ReadFailure& failure) {
  return Reader(text, max_depth, failure).document(out);
}

}  // namespace greenapply::json_text_detail
