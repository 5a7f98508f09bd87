// What every wasm door into the core shares (bindings.cpp for the applicant's page,
// organiser_bindings.cpp for the organiser's): how text crosses, and the one shape of a refusal.
// Nothing may throw across the boundary (an exception reaching JS loses its message), so every
// call that can fail runs inside guarded() and a failure comes back as
//   {"fatal": {"key": message key, "message": English detail, "pointer": "file#/json/pointer" or ""}}
// which the JS side turns into an Error in one place (www/js/refusal.js, for both pages).
#pragma once

#include <cstddef>
#include <string>

#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/mail_compose.hpp"

namespace greenapply::wasm {

// Text the core hands back: where it is and how long, valid until the next call that returns
// text on the same handle (the JS side copies it out at once).
struct Text {
  const char* data;
  std::size_t size;
};

inline std::string arg(const char* data, std::size_t size) { return std::string(data, size); }

inline std::string fatal(const std::string& key, const std::string& message, const std::string& pointer = "") {
  return nlohmann::json{{"fatal", {{"key", key}, {"message", message}, {"pointer", pointer}}}}.dump();
}

// The refusal for the exception being handled (call it only inside a catch block). The core's
// own keys are kept (a package's first problem with its file and pointer, text that is not JSON
// the core accepts, a header the e-mail writer refuses); anything else is failure_key.
inline std::string refusal(const char* failure_key) {
  try {
    throw;
  } catch (const form::PackageError& e) {
    const auto& p = e.problems.front();
    return fatal(p.message_key, e.what(), p.file + "#" + p.pointer);
  } catch (const JsonTextError& e) {
    return fatal(e.message_key, e.what());
  } catch (const mail::MailError& e) {
    return fatal(e.message_key, e.what());
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
