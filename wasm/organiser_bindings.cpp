// The organiser's page's door into the core (a wasm build of its own, so the applicant's page
// does not carry the mail reader and the report): the round of received files, its HTML report
// and its CSV. JSON or text in, JSON or text out, and never an exception across the boundary:
// a failure is the one refusal of boundary.hpp, {"fatal": {"message_key", "message", "pointer", …}}.
// wasm/organiser_api.js is the JS side (Module.Organiser).
#include <emscripten/emscripten.h>

#include <cstddef>
#include <string>
#include <vector>

#include "greenapply/base64.hpp"
#include "greenapply/form.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/round.hpp"
#include "greenapply/round_submission.hpp"
#include "boundary.hpp"

namespace {

using greenapply::json;

using greenapply::wasm::arg;
using greenapply::wasm::guarded;
using greenapply::wasm::Text;
using greenapply::wasm::text_of;

// files_json: [{"name": "inbox.mbox", "base64": "…"}, …] as the page read them. A package's
// bytes are decoded when the round checks it (ReceivedFile::read), from `list`, which outlives
// the round: a round's packages are then never all decoded at once. A package that does not
// decode is its own unreadable row; any other file that does not decode fails the call.
std::vector<greenapply::round::ReceivedFile> received_files(const json& list) {
  std::vector<greenapply::round::ReceivedFile> files;
  if (!list.is_array()) throw std::invalid_argument("files: expected an array of {name, base64}");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json& f = list[i];
    if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("base64") || !f["base64"].is_string())
      throw std::invalid_argument("files/" + std::to_string(i) + ": expected {name, base64}");
    const std::string& base64 = f["base64"].get_ref<const std::string&>();
    const std::string& name = f["name"].get_ref<const std::string&>();
    auto decode = [&base64, i] {
      auto bytes = greenapply::base64_decode(base64);
      if (!bytes) throw std::invalid_argument("files/" + std::to_string(i) + ": base64 does not decode");
      return std::move(*bytes);
    };
    if (greenapply::round::is_package_name(name)) files.push_back({name, {}, decode});
    else files.push_back({name, decode(), nullptr});
  }
  return files;
}

// The last result, kept until the next call (organiser_api.js copies it out at once). One
// buffer for the module: the page calls these one at a time.
std::string g_out;
Text g_text{};

const Text* put(std::string s) {
  g_out = std::move(s);
  g_text = {g_out.data(), g_out.size()};
  return &g_text;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const Text* ga_organiser_version() { return put(GREENAPPLY_VERSION); }

// (bundle, files, now) → the round (greenapply/round.hpp) as JSON.
EMSCRIPTEN_KEEPALIVE const Text* ga_check_round(const char* bundle, std::size_t bundlen, const char* files,
                                                std::size_t filesn, const char* now, std::size_t nown) {
  return put(guarded("round.failed", [&] {
    const auto package = greenapply::form::FormPackage::load(greenapply::parse_json(arg(bundle, bundlen)));
    const json list = greenapply::parse_json(arg(files, filesn));
    return text_of(greenapply::round::check_round(package, received_files(list), arg(now, nown)));
  }));
}

// (round, bundle) → the HTML report.
EMSCRIPTEN_KEEPALIVE const Text* ga_round_report_html(const char* round, std::size_t roundn, const char* bundle,
                                                      std::size_t bundlen) {
  return put(guarded("round.failed", [&] {
    return greenapply::round::round_report_html(greenapply::parse_json(arg(round, roundn)),
                                                greenapply::parse_json(arg(bundle, bundlen)));
  }));
}

// (bundle) → what the form's data schema says about its fields (greenapply/form.hpp
// schema_facts): the page labels a shared list's options (the taxonomy) by its "text_lists".
EMSCRIPTEN_KEEPALIVE const Text* ga_schema_facts(const char* bundle, std::size_t bundlen) {
  return put(guarded("package.failed", [&] {
    const auto package = greenapply::form::FormPackage::load(greenapply::parse_json(arg(bundle, bundlen)));
    return greenapply::write_json(greenapply::form::schema_facts(package));
  }));
}

// (round) → the CSV.
EMSCRIPTEN_KEEPALIVE const Text* ga_round_csv(const char* round, std::size_t roundn) {
  return put(guarded("round.failed", [&] { return greenapply::round::round_csv(greenapply::parse_json(arg(round, roundn))); }));
}

// (files, source) → the answers of one submission (a row's "source"), for the page's read-only
// review (greenapply/round_submission.hpp).
EMSCRIPTEN_KEEPALIVE const Text* ga_round_answers(const char* files, std::size_t filesn, const char* source,
                                                  std::size_t sourcen) {
  return put(guarded("round.failed", [&] {
    const json list = greenapply::parse_json(arg(files, filesn));
    return greenapply::write_json(greenapply::round::submission_answers(received_files(list), greenapply::parse_json(arg(source, sourcen))));
  }));
}

}  // extern "C"
