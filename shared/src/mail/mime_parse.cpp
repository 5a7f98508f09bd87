// One received message down to its attached files (RFC 5322, RFC 2045-2047, RFC 2183, RFC 2231);
// see greenapply/mail_reader.hpp. Iterative over the body, recursive only over multipart
// nesting, which Limits::max_depth bounds.
#include <algorithm>

#include "greenapply/base64.hpp"
#include "greenapply/mail_reader.hpp"
#include "mime_headers.hpp"

namespace greenapply::mail {
namespace {

using detail::Headers;

void add_problem(Message& m, const std::string& key) {
  if (std::find(m.problems.begin(), m.problems.end(), key) == m.problems.end()) m.problems.push_back(key);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return out;
}

// The body parts of a multipart between "--boundary" lines; closed = the "--boundary--" line
// was seen.
std::vector<std::string_view> split_multipart(std::string_view body, const std::string& boundary, bool& closed) {
  std::vector<std::string_view> parts;
  closed = false;
  const std::string delimiter = "--" + boundary;
  std::size_t part_start = std::string_view::npos;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    const std::size_t eol = body.find('\n', pos);
    const std::size_t line_end = eol == std::string_view::npos ? body.size() : eol;
    std::string_view line = body.substr(pos, line_end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.size() >= delimiter.size() && line.compare(0, delimiter.size(), delimiter) == 0) {
      std::string_view rest = line.substr(delimiter.size());
      const bool close = rest.size() >= 2 && rest[0] == '-' && rest[1] == '-';
      if (close) rest.remove_prefix(2);
      if (rest.find_first_not_of(" \t") == std::string_view::npos) {
        if (part_start != std::string_view::npos) {
          // The line break before the delimiter belongs to the delimiter.
          std::size_t end = pos;
          if (end > part_start && body[end - 1] == '\n') --end;
          if (end > part_start && body[end - 1] == '\r') --end;
          parts.push_back(body.substr(part_start, end - part_start));
        }
        if (close) {
          closed = true;
          return parts;
        }
        part_start = eol == std::string_view::npos ? body.size() : eol + 1;
      }
    }
    if (eol == std::string_view::npos) break;
    pos = eol + 1;
  }
  if (part_start != std::string_view::npos && part_start < body.size()) parts.push_back(body.substr(part_start));
  return parts;
}

struct Walker {
  const Limits& limits;
  Message& message;
  std::size_t leaves = 0;
  std::size_t unnamed = 0;

  void entity(std::string_view raw, std::size_t depth) {
    const Headers h = detail::split_headers(raw, limits.max_header_bytes);
    if (h.too_long) add_problem(message, "mail.header_too_long");
    walk(h, depth);
  }

  void walk(const Headers& h, std::size_t depth) {
    if (depth > limits.max_depth) {
      add_problem(message, "mail.too_deep");
      return;
    }
    const auto type = detail::parse_structured(h.get("content-type"), message.problems);
    const std::string content_type = type.value.empty() ? "text/plain" : type.value;
    if (content_type.rfind("multipart/", 0) == 0) {
      const auto b = type.params.find("boundary");
      if (b == type.params.end() || b->second.empty()) {
        add_problem(message, "mail.no_boundary");
        return;
      }
      bool closed = false;
      for (const auto& part : split_multipart(h.body, b->second, closed)) {
        if (leaves >= limits.max_parts) {
          add_problem(message, "mail.too_many_parts");
          return;
        }
        entity(part, depth + 1);
      }
      if (!closed) add_problem(message, "mail.truncated");
      return;
    }
    ++leaves;
    const auto disposition = detail::parse_structured(h.get("content-disposition"), message.problems);
    std::string name;
    if (auto f = disposition.params.find("filename"); f != disposition.params.end()) name = f->second;
    if (name.empty())
      if (auto n = type.params.find("name"); n != type.params.end()) name = n->second;
    // Only the file's own name: a path some programs send along is not ours to keep.
    if (const auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
    if (name.empty() && content_type == "message/rfc822") {
      entity(h.body, depth + 1);  // a forwarded message: its files count as this one's
      return;
    }
    if (name.empty()) {
      if (content_type != "application/json" && content_type != "application/xml" && content_type != "text/xml" &&
          (disposition.value != "attachment" || content_type.rfind("text/", 0) == 0))
        return;  // the message's own text
      name = "part-" + std::to_string(++unnamed) +
             (content_type == "application/json" ? ".json" : content_type.find("xml") != std::string::npos ? ".xml" : ".bin");
    }
    const std::string encoding = lower(detail::parse_structured(h.get("content-transfer-encoding"), message.problems).value);
    std::string bytes;
    if (encoding == "base64") {
      auto decoded = base64_decode(h.body);
      if (!decoded) {
        add_problem(message, "mail.bad_base64");
        return;
      }
      bytes = std::move(*decoded);
    } else if (encoding == "quoted-printable") {
      bytes = decode_quoted_printable(h.body);
    } else {
      bytes = std::string(h.body);
    }
    message.files.push_back({name, content_type, std::move(bytes)});
  }
};

}  // namespace

Message parse_message(std::string_view raw, const Limits& limits) {
  Message m;
  const Headers h = detail::split_headers(raw, limits.max_header_bytes);
  if (h.too_long) add_problem(m, "mail.header_too_long");
  if (!h.found) {
    add_problem(m, "mail.not_a_message");
    return m;
  }
  m.from = decode_header_text(h.get("from"), m.problems);
  m.subject = decode_header_text(h.get("subject"), m.problems);
  const std::string date = h.get("date");
  if (!date.empty()) {
    if (auto d = date_to_rfc3339(date)) {
      m.date = *d;
    } else {
      add_problem(m, "mail.bad_date");
    }
  }
  Walker{limits, m}.walk(h, 0);
  return m;
}

}  // namespace greenapply::mail
