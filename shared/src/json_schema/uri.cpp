#include "uri.hpp"

#include <vector>

namespace greenapply::json_schema::detail {

namespace {

struct UriParts {
  std::string scheme;
  bool has_scheme = false;
  std::string authority;
  bool has_authority = false;
  std::string path;
  std::string query;
  bool has_query = false;
  std::string fragment;
  bool has_fragment = false;
};

bool is_scheme_char(char c, bool first) {
  const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (first) return alpha;
  return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

UriParts parse(std::string_view s) {
  UriParts u;
  const auto hash = s.find('#');
  if (hash != std::string_view::npos) {
    u.has_fragment = true;
    u.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  const auto question = s.find('?');
  if (question != std::string_view::npos) {
    u.has_query = true;
    u.query = std::string(s.substr(question + 1));
    s = s.substr(0, question);
  }
  // A scheme is letters/digits/+-. before the first ':' that comes before any '/'.
  const auto colon = s.find(':');
  if (colon != std::string_view::npos && colon > 0) {
    bool ok = true;
    for (std::size_t i = 0; i < colon && ok; ++i) ok = is_scheme_char(s[i], i == 0);
    if (ok) {
      u.has_scheme = true;
      u.scheme = std::string(s.substr(0, colon));
      s = s.substr(colon + 1);
    }
  }
  if (s.size() >= 2 && s[0] == '/' && s[1] == '/') {
    s = s.substr(2);
    const auto slash = s.find('/');
    u.has_authority = true;
    u.authority = std::string(s.substr(0, slash));
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  u.path = std::string(s);
  return u;
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(const std::string& path) {
  if (path.find('.') == std::string::npos) return path;
  std::vector<std::string> out;
  const bool absolute = !path.empty() && path[0] == '/';
  std::size_t i = absolute ? 1 : 0;
  bool trailing_slash = false;
  while (i <= path.size()) {
    auto next = path.find('/', i);
    if (next == std::string::npos) next = path.size();
    const std::string seg = path.substr(i, next - i);
    trailing_slash = false;
    if (seg == ".") {
      trailing_slash = true;
    } else if (seg == "..") {
      if (!out.empty()) out.pop_back();
      trailing_slash = true;
    } else {
      out.push_back(seg);
    }
    i = next + 1;
  }
  std::string result = absolute ? "/" : "";
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k) result += '/';
    result += out[k];
  }
  if (trailing_slash && (result.empty() || result.back() != '/')) result += '/';
  return result;
}

std::string compose(const UriParts& u) {
  std::string r;
  if (u.has_scheme) r += u.scheme + ":";
  if (u.has_authority) r += "//" + u.authority;
  r += u.path;
  if (u.has_query) r += "?" + u.query;
  if (u.has_fragment) r += "#" + u.fragment;
  return r;
}

}  // namespace

std::string resolve_uri(std::string_view base, std::string_view reference) {
  const UriParts r = parse(reference);
  if (r.has_scheme) {
    UriParts t = r;
    t.path = remove_dot_segments(r.path);
    return compose(t);
  }
  const UriParts b = parse(base);
  UriParts t;
  t.has_scheme = b.has_scheme;
  t.scheme = b.scheme;
  if (r.has_authority) {
    t.has_authority = true;
    t.authority = r.authority;
    t.path = remove_dot_segments(r.path);
    t.has_query = r.has_query;
    t.query = r.query;
  } else {
    t.has_authority = b.has_authority;
    t.authority = b.authority;
    if (r.path.empty()) {
      t.path = b.path;
      t.has_query = r.has_query || b.has_query;
      t.query = r.has_query ? r.query : b.query;
    } else {
      if (r.path[0] == '/') {
        t.path = remove_dot_segments(r.path);
      } else if (b.has_authority && b.path.empty()) {
        t.path = remove_dot_segments("/" + r.path);
      } else {
        const auto slash = b.path.rfind('/');
        const std::string merged =
            slash == std::string::npos ? r.path : b.path.substr(0, slash + 1) + r.path;
        t.path = remove_dot_segments(merged);
      }
      t.has_query = r.has_query;
      t.query = r.query;
    }
  }
  t.has_fragment = r.has_fragment;
  t.fragment = r.fragment;
  return compose(t);
}

SplitUri split_fragment(std::string_view uri) {
  SplitUri s;
  const auto hash = uri.find('#');
  if (hash == std::string_view::npos) {
    s.base = std::string(uri);
  } else {
    s.base = std::string(uri.substr(0, hash));
    s.fragment = std::string(uri.substr(hash + 1));
  }
  return s;
}

std::string percent_decode(std::string_view text) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = hex(text[i + 1]);
      const int lo = hex(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace greenapply::json_schema::detail
