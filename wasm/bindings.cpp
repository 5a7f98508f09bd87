// The page's only door into the core. JSON strings in, JSON strings out: one boundary format,
// the same bytes the native CLI prints, and no embind value marshalling on the hot path.
// Nothing may throw across this boundary: a C++ exception reaching JS loses its message, so
// every entry catches and returns {"fatal": {"key", "message"}} instead.
#include <emscripten/bind.h>

#include <memory>
#include <optional>
#include <string>

#include "greenapply/form.hpp"
#include "greenapply/json_schema.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/xml.hpp"

namespace {

using nlohmann::json;

std::string fatal(const std::string& key, const std::string& message, const std::string& pointer = "") {
  return json{{"fatal", {{"key", key}, {"message", message}, {"pointer", pointer}}}}.dump();
}

class Form {
 public:
  // Never throws: check ok() and error().
  static Form load(const std::string& bundle_json) {
    Form f;
    try {
      f.package_ = greenapply::form::FormPackage::load(greenapply::parse_json(bundle_json));
    } catch (const greenapply::form::PackageError& e) {
      const auto& p = e.problems.front();
      f.error_ = json{{"key", p.message_key}, {"message", e.what()}, {"pointer", p.file + "#" + p.pointer},
                      {"count", e.problems.size()}}.dump();
    } catch (const greenapply::JsonTextError& e) {
      f.error_ = json{{"key", e.message_key}, {"message", e.what()}, {"pointer", ""}}.dump();
    } catch (const std::exception& e) {
      f.error_ = json{{"key", "package.unusable"}, {"message", e.what()}, {"pointer", ""}}.dump();
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
    try {
      return greenapply::form::make_application_package(*package_, greenapply::parse_json(answers_json), now, lang).dump(2);
    } catch (const greenapply::JsonTextError& e) {
      return fatal(e.message_key, e.what());
    } catch (const std::exception& e) {
      return fatal("package.failed", e.what());
    }
  }

  // The same package as XML (docs/xml.md).
  std::string application_xml(const std::string& answers_json, const std::string& now, const std::string& lang) const {
    if (!package_) return "";
    try {
      return greenapply::xml::to_xml(
          greenapply::form::make_application_package(*package_, greenapply::parse_json(answers_json), now, lang));
    } catch (const std::exception&) {
      return "";
    }
  }

  // evaluate(answers JSON, now RFC 3339, "en"|"zh") → evaluation JSON (docs/architecture.md)
  std::string evaluate(const std::string& answers_json, const std::string& now, const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    try {
      return greenapply::form::evaluate(*package_, greenapply::parse_json(answers_json), now, lang).dump();
    } catch (const greenapply::JsonTextError& e) {
      return fatal(e.message_key, e.what());
    } catch (const std::exception& e) {
      return fatal("evaluate.failed", e.what());
    }
  }

  // Need forms only (a match.json): technologies (a JSON array of application packages or bare
  // answers, as read from the seeker's files) ranked against these need answers.
  bool has_matcher() const { return package_ && greenapply::form::has_matcher(*package_); }
  std::string match_technologies(const std::string& need_json, const std::string& technologies_json,
                                 const std::string& now, const std::string& lang) const {
    if (!package_) return fatal("package.not_loaded", "the form package did not load");
    try {
      return greenapply::form::match_technologies(*package_, greenapply::parse_json(need_json),
                                                  greenapply::parse_json(technologies_json), now, lang)
          .dump();
    } catch (const greenapply::JsonTextError& e) {
      return fatal(e.message_key, e.what());
    } catch (const std::exception& e) {
      return fatal("match.failed", e.what());
    }
  }

 private:
  std::optional<greenapply::form::FormPackage> package_;
  std::string error_;
};

std::string version() { return GREENAPPLY_VERSION; }

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
    try {
      return greenapply::json_schema::basic_output(validator_->validate(greenapply::parse_json(instance_json))).dump();
    } catch (const greenapply::JsonTextError& e) {
      return fatal(e.message_key, e.what());
    }
  }

 private:
  std::optional<greenapply::json_schema::Validator> validator_;
  nlohmann::json instances_;
  std::string error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(greenapply) {
  emscripten::function("version", &version);
  emscripten::class_<Form>("Form")
      .class_function("load", &Form::load)
      .function("ok", &Form::ok)
      .function("error", &Form::error)
      .function("id", &Form::id)
      .function("version", &Form::version)
      .function("evaluate", &Form::evaluate)
      .function("applicationPackage", &Form::application_package)
      .function("applicationXml", &Form::application_xml)
      .function("hasMatcher", &Form::has_matcher)
      .function("matchTechnologies", &Form::match_technologies);
  emscripten::class_<SchemaValidator>("SchemaValidator")
      .class_function("load", &SchemaValidator::load)
      .function("ok", &SchemaValidator::ok)
      .function("error", &SchemaValidator::error)
      .function("loadInstances", &SchemaValidator::load_instances)
      .function("validateLoaded", &SchemaValidator::validate_loaded)
      .function("validate", &SchemaValidator::validate);
}
