// greenapply/json_pointer.hpp — RFC 6901 reference tokens, in one place for every module that
// builds a JSON pointer (the validator's instance locations, the form engine, the XML writer's
// error locations, the organiser's round): "~" is written "~0" and "/" is written "~1".
#pragma once

#include <string>
#include <string_view>

namespace greenapply::json_pointer {

/// Appends "/" and the escaped `token` to `pointer`.
inline void append_token(std::string& pointer, std::string_view token) {
  pointer += '/';
  for (const char c : token) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
}

/// The escaped form of one token, without the leading "/".
inline std::string escape_token(std::string_view token) {
  std::string out;
  append_token(out, token);
  return out.substr(1);
}

}  // namespace greenapply::json_pointer
