// The organiser's page's door into the core (a wasm build of its own, so the applicant's page
// does not carry the mail reader and the report): the round of received files, its HTML report
// and its CSV. JSON or text in, JSON or text out, and never an exception across the boundary:
// a failure is the one refusal of boundary.hpp, {"fatal": {"message_key", "message", "pointer", …}}.
// wasm/organiser_api.js is the JS side (Module.Organiser).
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdlib>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

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

// The files stay on the JS side (the page's Worker holds them as it read them); the core asks
// for one file's bytes when it reads that file. Module.gaFileBytes (organiser_api.js) copies
// them into a malloc'ed block and writes its length at `size`, or answers 0 when it has no
// such file. It never throws: a JS exception would unwind these frames without their
// destructors.
EM_JS(char*, ga_js_file_bytes, (std::size_t index, std::size_t* size), {
  return Module['gaFileBytes'](index, size);
});

std::string file_bytes(std::size_t index) {
  std::size_t size = 0;
  char* block = ga_js_file_bytes(index, &size);
  if (block == nullptr) throw std::invalid_argument("files/" + std::to_string(index) + ": the page gave no bytes");
  std::string bytes(block, size);
  std::free(block);
  return bytes;
}

// How far the check is, for the page's progress bar: Module.gaProgress(done, total)
// (organiser_api.js; it does nothing when the caller asked for no progress). The round's first
// pass, over every submission, is nearly all of its time, so only that pass is reported, at
// most about a hundred times; a second pass, over the resubmissions, is short.
EM_JS(void, ga_js_progress, (std::size_t done, std::size_t total), {
  Module['gaProgress'](done, total);
});

greenapply::round::ForEach reporting_progress() {
  return [first = true](std::size_t count, const std::function<void(std::size_t)>& body) mutable {
    const bool report = first;
    first = false;
    const std::size_t step = count / 100 + 1;
    for (std::size_t i = 0; i < count; ++i) {
      body(i);
      if (report && ((i + 1) % step == 0 || i + 1 == count)) ga_js_progress(i + 1, count);
    }
  };
}

// names_json: the files' names, ["inbox.mbox", "a/app.json", …], in the order the JS side holds
// their bytes. A package's bytes are asked for when the round checks it (ReceivedFile::read),
// so the round's packages are never in wasm memory together: its memory is the mailboxes and
// attached files (read at once, as check_round takes them), the rows and one package. A
// package the page cannot give is its own unreadable row; any other file fails the call.
// every_file_later: every file's bytes are asked for when read, not only a package's (a review
// reads the one file its source names: submission_answers).
std::vector<greenapply::round::ReceivedFile> received_files(const json& names, bool every_file_later = false) {
  if (!names.is_array()) throw std::invalid_argument("names: expected an array of file names");
  std::vector<greenapply::round::ReceivedFile> files;
  files.reserve(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!names[i].is_string()) throw std::invalid_argument("names/" + std::to_string(i) + ": expected a file name");
    const std::string& name = names[i].get_ref<const std::string&>();
    if (every_file_later || greenapply::round::is_package_name(name)) files.push_back({name, {}, [i] { return file_bytes(i); }});
    else files.push_back({name, file_bytes(i), nullptr});
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

// (bundle, names, now) → the round (greenapply/round.hpp) as JSON; the files' bytes are asked
// for by index (received_files).
EMSCRIPTEN_KEEPALIVE const Text* ga_check_round(const char* bundle, std::size_t bundlen, const char* names,
                                                std::size_t namesn, const char* now, std::size_t nown) {
  return put(guarded("round.failed", [&] {
    const auto package = greenapply::form::FormPackage::load(greenapply::parse_json(arg(bundle, bundlen)));
    const json list = greenapply::parse_json(arg(names, namesn));
    return text_of(greenapply::round::check_round(package, received_files(list), arg(now, nown), reporting_progress()));
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

// (names, source) → the answers of one submission (a row's "source"), for the page's read-only
// review (greenapply/round_submission.hpp): only the file the source names is asked for.
EMSCRIPTEN_KEEPALIVE const Text* ga_round_answers(const char* names, std::size_t namesn, const char* source,
                                                  std::size_t sourcen) {
  return put(guarded("round.failed", [&] {
    const json list = greenapply::parse_json(arg(names, namesn));
    return greenapply::write_json(greenapply::round::submission_answers(received_files(list, true), greenapply::parse_json(arg(source, sourcen))));
  }));
}

}  // extern "C"
