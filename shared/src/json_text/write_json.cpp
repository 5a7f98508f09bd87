// JSON text out: the very bytes of nlohmann's dump() (compact or indented, UTF-8 written as it
// is, strict), without its serializer. That serializer decodes every byte of every string through
// a UTF-8 state machine into a small buffer, so writing an evaluation's result cost a third of
// computing it (BENCHMARKS.md): on the page every keystroke's result crosses to JavaScript as
// this text, and the round hashes every package's answers as it. Here plain runs of a string are
// found eight bytes at a time (string_bytes.hpp, as the reader finds them) and appended whole.
//
// What nlohmann's own routines already do well is theirs: a double is written by its
// `detail::to_chars` (the shortest text that reads back as the same double), so the two can
// never differ on a number. tests/unit/json_text/writer_test.cpp holds the two to the same
// bytes; fuzz_json_text does too, on every text it parses.
#include <charconv>
#include <cmath>
#include <cstdint>

#include "greenapply/json_text.hpp"
#include "string_bytes.hpp"

namespace greenapply {

namespace {

using greenapply::json;

void write_string(const std::string& s, std::string& out) {
  using json_text_detail::kByteClasses;
  out += '"';
  const char* p = s.data();
  const char* const end = p + s.size();
  const char* run = p;
  for (;;) {
    p = json_text_detail::skip_plain_text(p, end);
    if (p == end) break;
    const auto c = static_cast<unsigned char>(*p);
    if (kByteClasses.of[c] == json_text_detail::kMultibyte) {
      if (!json_text_detail::skip_multibyte(p, end)) {
        // Not UTF-8: nlohmann's own error (type_error 316, the byte and its index), as dump() gives.
        static_cast<void>(json(s).dump());
        ++p;  // not reached: the two agree on what UTF-8 is (writer_test); it keeps the loop finite
      }
      continue;
    }
    out.append(run, static_cast<std::size_t>(p - run));
    out += '\\';
    switch (c) {
      case '"': out += '"'; break;
      case '\\': out += '\\'; break;
      case '\b': out += 'b'; break;
      case '\f': out += 'f'; break;
      case '\n': out += 'n'; break;
      case '\r': out += 'r'; break;
      case '\t': out += 't'; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
      }
    }
    run = ++p;
  }
  out.append(run, static_cast<std::size_t>(p - run));
  out += '"';
}

template <typename Integer>
void write_integer(Integer x, std::string& out) {
  char buffer[24];
  const auto r = std::to_chars(buffer, buffer + sizeof buffer, x);
  out.append(buffer, r.ptr);
}

// `indent` < 0: compact. Otherwise nlohmann's pretty form: a member or item per line, `indent`
// more spaces per level, ": " after a key, empty containers as {} and [].
void write_value(const json& j, std::string& out, int indent, std::size_t level) {
  auto new_line = [&](std::size_t spaces) {
    out += '\n';
    out.append(spaces, ' ');
  };
  switch (j.type()) {
    case json::value_t::null:
      out += "null";
      return;
    case json::value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      write_integer(j.get<std::int64_t>(), out);
      return;
    case json::value_t::number_unsigned:
      write_integer(j.get<std::uint64_t>(), out);
      return;
    case json::value_t::number_float: {
      const double x = j.get<double>();
      if (!std::isfinite(x)) {
        out += "null";
        return;
      }
      char buffer[64];
      out.append(buffer, nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, x));
      return;
    }
    case json::value_t::string:
      write_string(j.get_ref<const std::string&>(), out);
      return;
    case json::value_t::array: {
      const auto& array = j.get_ref<const json::array_t&>();
      if (array.empty()) {
        out += "[]";
        return;
      }
      const std::size_t inner = level + static_cast<std::size_t>(indent < 0 ? 0 : indent);
      out += '[';
      bool first = true;
      for (const json& item : array) {
        if (!first) out += ',';
        first = false;
        if (indent >= 0) new_line(inner);
        write_value(item, out, indent, inner);
      }
      if (indent >= 0) new_line(level);
      out += ']';
      return;
    }
    case json::value_t::object: {
      const auto& object = j.get_ref<const json::object_t&>();
      if (object.empty()) {
        out += "{}";
        return;
      }
      const std::size_t inner = level + static_cast<std::size_t>(indent < 0 ? 0 : indent);
      out += '{';
      bool first = true;
      for (const auto& [key, value] : object) {
        if (!first) out += ',';
        first = false;
        if (indent >= 0) new_line(inner);
        write_string(key, out);
        out += indent >= 0 ? ": " : ":";
        write_value(value, out, indent, inner);
      }
      if (indent >= 0) new_line(level);
      out += '}';
      return;
    }
    case json::value_t::binary:
    case json::value_t::discarded:
      out += j.dump(indent);  // never built by the core; nlohmann's text for them
      return;
  }
}

}  // namespace

std::string write_json(const greenapply::json& j, int indent) {
  std::string out;
  write_value(j, out, indent, 0);
  return out;
}

}  // namespace greenapply
