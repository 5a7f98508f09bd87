// What every wasm door into the core shares (bindings.cpp for the applicant's page,
// organiser_bindings.cpp for the organiser's): how text crosses, and the one shape of a refusal.
// Nothing may throw across the boundary (an exception reaching JS loses its message), so every
// call that can fail runs inside guarded() and a failure comes back as
//   {"fatal": {"message_key", "message": English detail, "pointer", "params", "severity"}}
// (the failure's first Issue as issue_json.hpp writes it, so "file", "line" and "column" too
// when the issue has them), which the JS side turns into an Error in one place
// (www/js/refusal.js, for both pages).
#pragma once

#include <cstddef>
#include <string>

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"
#include "greenapply/issue_json.hpp"
#include "greenapply/json_release.hpp"
#include "greenapply/json_text.hpp"

namespace greenapply::wasm {

// Text the core hands back: where it is and how long, valid until the next call that returns
// text on the same handle (the JS side copies it out at once).
struct Text {
  const char* data;
  std::size_t size;
};

inline std::string arg(const char* data, std::size_t size) { return std::string(data, size); }

// The text of a result the call then drops, the tree freed bottom-up (json_release.hpp):
// nlohmann's destructor first moves every node onto a heap stack, a tenth of a validation
// from text in wasm. Results and parsed texts are depth-bounded, as release_json needs.
inline std::string text_of(json result, int indent = -1) {
  std::string text = write_json(result, indent);
  release_json(result);
  return text;
}

// An issue as the refusal says it: the one JSON shape (issue_json.hpp) and the English detail.
inline greenapply::json refusal(const Issue& issue, const std::string& message) {
  greenapply::json out = to_json(issue);
  out["message"] = message;
  return out;
}

// A failure of the core as a refusal: its first issue (a package's first problem with its file
// and pointer, text that is not JSON the core accepts, a header the e-mail writer refuses …).
inline greenapply::json refusal(const Failure& e) { return refusal(e.issue(), e.what()); }

// A refusal of the boundary's own (package.not_loaded, package.failed …), at no place.
inline std::string fatal(const std::string& key, const std::string& message) {
  return greenapply::json{{"fatal", refusal(Issue{"", key}, message)}}.dump();
}

// The refusal for the exception being handled (call it only inside a catch block). A failure of
// the core keeps the core's own key; anything else (std::bad_alloc …) is failure_key.
inline std::string refusal(const char* failure_key) {
  try {
    throw;
  } catch (const Failure& e) {
    return greenapply::json{{"fatal", refusal(e)}}.dump();
  } catch (const std::exception& e) {
    return fatal(failure_key, e.what());
  } catch (...) {
    return fatal(failure_key, "unknown failure");
  }
}

// Runs one call of the boundary: its text, or the refusal that says why there is none. An empty
// answer is refused too: no call means "nothing" by it, and the page must never offer an empty
// file for download.
template <class Call>
std::string guarded(const char* failure_key, Call&& call) {
  try {
    std::string text = call();
    if (text.empty()) return fatal(failure_key, "the core made an empty answer");
    return text;
  } catch (...) {
    return refusal(failure_key);
  }
}

}  // namespace greenapply::wasm
