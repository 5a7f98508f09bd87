// The page's only door into the core. JSON strings in, JSON strings out: one boundary format,
// the same bytes the native CLI prints. wasm/api.js is the JS side (Module.Form and friends).
// Nothing may throw across this boundary: every entry that can fail returns the one refusal
// shape of boundary.hpp, {"fatal": {"message_key", "message", "pointer", …}}, instead.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "greenapply/form.hpp"
#include "greenapply/json_schema.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/mail_compose.hpp"
#include "greenapply/match.hpp"
#include "greenapply/xml.hpp"
#include "boundary.hpp"

namespace {

using greenapply::json;

using greenapply::wasm::arg;
using greenapply::wasm::text_of;
using greenapply::wasm::fatal;
using greenapply::wasm::guarded;
using greenapply::wasm::refusal;
using greenapply::wasm::Text;

class Form {
 public:
  // Never throws: check ok(), and error() for the refusal (the fatal shape of boundary.hpp).
  static Form load(const std::string& bundle_json) {
    Form f;
    try {
      f.package_ = greenapply::form::FormPackage::load(greenapply::parse_json(bundle_json));
    } catch (...) {
      f.error_ = refusal("package.unusable");
    }
    return f;
  }

  bool ok() const { return package_.has_value(); }
  std::string error() const { return error_; }
  std::string id() const { return package_ ? package_->id() : ""; }
  std::string version() const { return package_ ? package_->version() : ""; }

  // The application package the applicant downloads (JSON), made by the core.
  std::string application_package(const std::string& answers_json, const std::string& now, const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("package.failed", [&] {
      return greenapply::write_json(greenapply::form::make_application_package(*package_, greenapply::parse_json(answers_json), now, lang), 2);
    });
  }

  // The same package as XML (docs/xml.md).
  std::string application_xml(const std::string& answers_json, const std::string& now, const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("package.failed", [&] {
      return greenapply::xml::to_xml(
          greenapply::form::make_application_package(*package_, greenapply::parse_json(answers_json), now, lang));
    });
  }

  // The e-mail to send (.eml, greenapply/form.hpp make_application_email). options JSON:
  // {"date", "message_id", "json_name", "xml_name"}. `files` are the attached files' bytes, read
  // in place in wasm memory (api.js copies each there once; nothing is base64'd or parsed on
  // the way in). Returns the message (ASCII, starts with "MIME-Version") or a fatal JSON object.
  std::string application_eml(const std::string& answers_json, const std::string& now, const std::string& lang,
                               const std::string& options_json, const std::vector<std::string_view>& files) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("mail.failed", [&] {
      const json o = greenapply::parse_json(options_json);
      greenapply::form::EmailOptions options;
      options.date = o.value("date", std::string());
      options.message_id = o.value("message_id", std::string());
      options.json_name = o.value("json_name", std::string("application.json"));
      options.xml_name = o.value("xml_name", std::string("application.xml"));
      return greenapply::form::make_application_email(*package_, greenapply::parse_json(answers_json), now, lang,
                                                      files, options);
    });
  }

  // evaluate(answers JSON, now RFC 3339, "en"|"zh") → evaluation JSON (docs/architecture.md)
  std::string evaluate(const std::string& answers_json, const std::string& now, const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("evaluate.failed", [&] {
      return text_of(greenapply::form::evaluate(*package_, greenapply::parse_json(answers_json), now, lang));
    });
  }

  // What the data schema says about answers (greenapply/form.hpp schema_facts): the page asks
  // once per form, instead of walking the schema itself.
  std::string schema_facts() const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("package.failed", [&] { return greenapply::write_json(greenapply::form::schema_facts(*package_)); });
  }

  // A draft's answers without the members the data schema has no field for:
  // {"answers", "dropped": [{"pointer", "value"}]}.
  std::string drop_unknown_answers(const std::string& answers_json) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("package.failed", [&] {
      json answers = greenapply::parse_json(answers_json);
      json dropped = greenapply::form::drop_unknown_answers(*package_, answers);
      return greenapply::write_json(json{{"answers", std::move(answers)}, {"dropped", std::move(dropped)}});
    });
  }

  // Need forms only (a match.json): technologies (a JSON array of application packages or bare
  // answers, as read from the seeker's files) ranked against these need answers.
  bool has_matcher() const { return package_ && greenapply::form::has_matcher(*package_); }
  std::string match_technologies(const std::string& need_json, const std::string& technologies_json,
                                 const std::string& now, const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("match.failed", [&] {
      return greenapply::write_json(greenapply::form::match_technologies(
          *package_, greenapply::parse_json(need_json), greenapply::parse_json(technologies_json), now, lang));
    });
  }

  // The technology entries the seeker opened, parsed once when each file is opened and kept
  // here, so a keystroke ranks them without sending and parsing every entry's JSON again.
  // Returns {"index": position in the list} or {"fatal"} (the core refuses the text: too deep,
  // a lone surrogate…), and the entry is then not added.
  std::string add_technology(const std::string& document_json) {
    return guarded("match.failed", [&] {
      technologies_.push_back(greenapply::parse_json(document_json));
      return greenapply::write_json(json{{"index", technologies_.size() - 1}});
    });
  }
  void clear_technologies() { technologies_ = json::array(); }

  // The kept entries ranked against the need's submitted answers: the "submitted" member of the
  // evaluation the page has just made, so the need is evaluated once per keystroke.
  std::string match_submitted(const std::string& submitted_json, const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("match.failed", [&] {
      return greenapply::write_json(
          greenapply::form::match_submitted(*package_, greenapply::parse_json(submitted_json), technologies_, lang));
    });
  }

  // The evaluation of a document a person opened (an application package or bare answers): its
  // answers are found by the rule `greenapply match` uses (match::answers_of), so the page flags
  // a technology entry exactly as the CLI's "valid"/"errors" columns do.
  std::string evaluate_document(const std::string& document_json, const std::string& now,
                                const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    return guarded("evaluate.failed", [&] {
      const json document = greenapply::parse_json(document_json);
      return greenapply::write_json(greenapply::form::evaluate(*package_, greenapply::match::answers_of(document), now, lang));
    });
  }

 private:
  std::optional<greenapply::form::FormPackage> package_;
  std::string error_;
  json technologies_ = json::array();
};

// A bare JSON Schema validator, for the benchmark page and tools: the same validator the forms
// use, measured on its own beside ajv (bench/). Instances are parsed once by loadInstances so
// the timed call measures validation only.
class SchemaValidator {
 public:
  static SchemaValidator load(const std::string& schema_json) {
    SchemaValidator v;
    try {
      v.validator_ = greenapply::json_schema::Validator::compile(greenapply::parse_json(schema_json));
    } catch (const std::exception& e) {
      v.error_ = e.what();
    }
    return v;
  }
  bool ok() const { return validator_.has_value(); }
  std::string error() const { return error_; }
  // Returns the number of instances loaded, or -1 when the text is not a JSON array.
  int load_instances(const std::string& array_json) {
    try {
      instances_ = greenapply::parse_json(array_json);
    } catch (const std::exception&) {
      return -1;
    }
    return instances_.is_array() ? static_cast<int>(instances_.size()) : -1;
  }
  // Validates every loaded instance with all errors collected; returns the total error count.
  int validate_loaded() const {
    if (!validator_ || !instances_.is_array()) return -1;
    std::size_t errors = 0;
    for (const auto& i : instances_) errors += validator_->validate(i).size();
    return static_cast<int>(errors);
  }
  // Basic output for one instance (JSON text).
  std::string validate(const std::string& instance_json) const {
    if (!validator_) return fatal("schema.unusable", error_);
    return guarded("schema.failed", [&] {
      json instance = greenapply::parse_json(instance_json);
      std::string text = text_of(greenapply::json_schema::basic_output(validator_->validate(instance)));
      greenapply::release_json(instance);
      return text;
    });
  }

 private:
  std::optional<greenapply::json_schema::Validator> validator_;
  greenapply::json instances_;
  std::string error_;
};

template <class T>
struct Handle {
  explicit Handle(T o) : object(std::move(o)) {}
  T object;
  std::string out;
  Text text{};
  const Text* put(std::string s) {
    out = std::move(s);
    text = {out.data(), out.size()};
    return &text;
  }
};

using FormHandle = Handle<Form>;
using ValidatorHandle = Handle<SchemaValidator>;

}  // namespace

// The exports wasm/api.js wraps into Module.Form, Module.SchemaValidator and Module.version.
// A plain C ABI rather than embind: every argument and result is already JSON text, and embind's
// runtime (type registries, class handles) was two thirds of the JS glue for nothing the page
// uses (bench/page-bench.mjs: -5.7 KiB gzip of glue, -2 KiB of wasm).
extern "C" {

EMSCRIPTEN_KEEPALIVE const Text* ga_version() {
  static Text t{GREENAPPLY_VERSION, sizeof(GREENAPPLY_VERSION) - 1};
  return &t;
}

EMSCRIPTEN_KEEPALIVE FormHandle* ga_form_load(const char* bundle, std::size_t size) {
  return new FormHandle(Form::load(arg(bundle, size)));
}
EMSCRIPTEN_KEEPALIVE void ga_form_free(FormHandle* h) { delete h; }
EMSCRIPTEN_KEEPALIVE int ga_form_ok(FormHandle* h) { return h->object.ok() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const Text* ga_form_error(FormHandle* h) { return h->put(h->object.error()); }
EMSCRIPTEN_KEEPALIVE const Text* ga_form_id(FormHandle* h) { return h->put(h->object.id()); }
EMSCRIPTEN_KEEPALIVE const Text* ga_form_version(FormHandle* h) { return h->put(h->object.version()); }
EMSCRIPTEN_KEEPALIVE int ga_form_has_matcher(FormHandle* h) { return h->object.has_matcher() ? 1 : 0; }

// (answers, now, lang), each as bytes and length.
EMSCRIPTEN_KEEPALIVE const Text* ga_form_evaluate(FormHandle* h, const char* a, std::size_t an, const char* now,
                                                  std::size_t nown, const char* lang, std::size_t langn) {
  return h->put(h->object.evaluate(arg(a, an), arg(now, nown), arg(lang, langn)));
}
EMSCRIPTEN_KEEPALIVE const Text* ga_form_schema_facts(FormHandle* h) { return h->put(h->object.schema_facts()); }
EMSCRIPTEN_KEEPALIVE const Text* ga_form_drop_unknown_answers(FormHandle* h, const char* a, std::size_t an) {
  return h->put(h->object.drop_unknown_answers(arg(a, an)));
}
// The writers and the matcher below are not EMSCRIPTEN_KEEPALIVE (which keeps a function in
// every module): they are exported by name only by the full core (wasm/CMakeLists.txt,
// _full_exports), which the page fetches for a file or runs need forms on, so the small core's
// link drops their code.
const Text* ga_form_application_package(FormHandle* h, const char* a, std::size_t an,
                                                             const char* now, std::size_t nown, const char* lang,
                                                             std::size_t langn) {
  return h->put(h->object.application_package(arg(a, an), arg(now, nown), arg(lang, langn)));
}
const Text* ga_form_application_xml(FormHandle* h, const char* a, std::size_t an,
                                                         const char* now, std::size_t nown, const char* lang,
                                                         std::size_t langn) {
  return h->put(h->object.application_xml(arg(a, an), arg(now, nown), arg(lang, langn)));
}
// (answers, now, lang, options) as bytes and length, then `count` files as (address, length)
// pairs of 32-bit words at `table`. The message stays in the handle until ga_form_release.
const Text* ga_form_application_eml(FormHandle* h, const char* a, std::size_t an,
                                                         const char* now, std::size_t nown, const char* lang,
                                                         std::size_t langn, const char* opts, std::size_t optsn,
                                                         const std::uint32_t* table, std::size_t count) {
  std::vector<std::string_view> files;
  files.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    files.emplace_back(reinterpret_cast<const char*>(static_cast<std::uintptr_t>(table[2 * i])), table[2 * i + 1]);
  }
  return h->put(h->object.application_eml(arg(a, an), arg(now, nown), arg(lang, langn), arg(opts, optsn), files));
}
// Frees the last result's text (a message of tens of megabytes is not kept until the next call).
void ga_form_release(FormHandle* h) { std::string().swap(h->out); h->text = {}; }
const Text* ga_form_match_technologies(FormHandle* h, const char* need, std::size_t needn,
                                                            const char* techs, std::size_t techsn, const char* now,
                                                            std::size_t nown, const char* lang, std::size_t langn) {
  return h->put(h->object.match_technologies(arg(need, needn), arg(techs, techsn), arg(now, nown), arg(lang, langn)));
}

const Text* ga_form_add_technology(FormHandle* h, const char* doc, std::size_t docn) {
  return h->put(h->object.add_technology(arg(doc, docn)));
}
void ga_form_clear_technologies(FormHandle* h) { h->object.clear_technologies(); }
const Text* ga_form_match_submitted(FormHandle* h, const char* submitted, std::size_t submittedn,
                                                         const char* lang, std::size_t langn) {
  return h->put(h->object.match_submitted(arg(submitted, submittedn), arg(lang, langn)));
}
const Text* ga_form_evaluate_document(FormHandle* h, const char* doc, std::size_t docn,
                                                           const char* now, std::size_t nown, const char* lang,
                                                           std::size_t langn) {
  return h->put(h->object.evaluate_document(arg(doc, docn), arg(now, nown), arg(lang, langn)));
}

// The validator on its own (benchmarks, tools): like the writers, in the full core only.
ValidatorHandle* ga_validator_load(const char* schema, std::size_t size) {
  return new ValidatorHandle(SchemaValidator::load(arg(schema, size)));
}
void ga_validator_free(ValidatorHandle* h) { delete h; }
int ga_validator_ok(ValidatorHandle* h) { return h->object.ok() ? 1 : 0; }
const Text* ga_validator_error(ValidatorHandle* h) { return h->put(h->object.error()); }
int ga_validator_load_instances(ValidatorHandle* h, const char* array, std::size_t size) {
  return h->object.load_instances(arg(array, size));
}
int ga_validator_validate_loaded(ValidatorHandle* h) { return h->object.validate_loaded(); }
const Text* ga_validator_validate(ValidatorHandle* h, const char* instance, std::size_t size) {
  return h->put(h->object.validate(arg(instance, size)));
}

}  // extern "C"
