// The e-mail an applicant sends (make_application_email, greenapply/form.hpp): the package as
// JSON and XML, every attached file, and a body in both languages, as one .eml the page and
// the CLI write byte for byte alike. The texts are the engine's common texts (mail.*) and the
// package's own (its title, subject template, labels, verdicts), never prose written here.
#include <stdexcept>

#include "greenapply/digest.hpp"
#include "greenapply/form.hpp"
#include "greenapply/mail_compose.hpp"
#include "greenapply/xml.hpp"
#include "package_data.hpp"
#include "pointer.hpp"
#include "texts.hpp"

namespace greenapply::form {

using greenapply::json;

namespace {

// One file field's record in the answers: {"name", "size", "sha256"} as the page wrote it.
struct Record {
  std::string pointer;
  std::string label_key;
  std::string name;
  std::string sha256;
  json size;
};

std::vector<Record> file_records(const PackageData& d, const json& submitted) {
  std::vector<Record> out;
  for (const auto& f : d.fields) {
    if (f.widget != "file" || f.in_repeat || f.pointer.empty()) continue;
    const json* r = find_at(submitted, f.pointer);
    if (!r || !r->is_object() || !r->contains("name") || !(*r)["name"].is_string()) continue;
    Record rec{f.pointer, field_text_key(f.pointer) + ".label", (*r)["name"].get<std::string>(),
               r->value("sha256", std::string()), r->contains("size") ? (*r)["size"] : json()};
    out.push_back(std::move(rec));
  }
  return out;
}

// The package's subject template (form.json submission.subject names the text) filled as the
// page's hand-over fills it: {form_code}, {track} (the option's label), {round} (the year of
// the deadline), {applicant_name}.
std::string subject_of(const PackageData& d, const Texts& texts, const json& ev) {
  const json& form = d.bundle["form"];
  std::string key = "submission.subject";
  if (form.contains("submission") && form["submission"].is_object() && form["submission"].contains("subject") &&
      form["submission"]["subject"].is_string()) {
    key = form["submission"]["subject"].get<std::string>();
  }
  std::string track;
  if (const json* t = find_at(ev["submitted"], "/applicant/track"); t && t->is_string()) {
    track = texts.text("applicant.track.option." + t->get<std::string>());
  }
  std::string round;
  if (ev["eligibility"].contains("round") && ev["eligibility"]["round"].contains("deadline")) {
    round = ev["eligibility"]["round"]["deadline"].get<std::string>().substr(0, 4);
  }
  const std::string name = ev["applicant_name"].is_string() ? ev["applicant_name"].get<std::string>() : "";
  std::string s = texts.text(key);
  // Each placeholder once, as the page's String.replace does.
  for (const auto& [placeholder, value] : std::vector<std::pair<std::string, std::string>>{
           {"{form_code}", d.form_code}, {"{track}", track}, {"{round}", round}, {"{applicant_name}", name}}) {
    if (const auto at = s.find(placeholder); at != std::string::npos) s.replace(at, placeholder.size(), value);
  }
  return s;
}

// A text with its parameters, given as strings through this one function: nlohmann's
// initializer-list objects at every call site made the body's code three times larger in wasm.
using Params = std::initializer_list<std::pair<const char*, std::string>>;
std::string say(const Texts& texts, const std::string& key, Params params = {}) {
  json p = json::object();
  for (const auto& [name, value] : params) p[name] = value;
  return texts.text(key, p) + "\n";
}

std::string str(const json& value) { return value.is_string() ? value.get<std::string>() : param_to_text(value); }

// The body's part in one language.
std::string body_in(const PackageData& d, const Texts& texts, const json& ev, const std::string& answers_sha256,
                    const std::vector<std::pair<std::string, std::string>>& package_files,
                    const std::vector<Record>& records, const std::vector<bool>& attached) {
  std::string out = say(texts, "form.title") + "\n" + say(texts, "mail.intro") + "\n";
  out += say(texts, "mail.applicant", {{"name", ev["applicant_name"].is_string() ? str(ev["applicant_name"]) : ""}});
  out += say(texts, "mail.form", {{"id", d.id}, {"version", d.version}});
  out += say(texts, "mail.verdict", {{"verdict", str(ev["eligibility"]["verdict_message"])}});
  std::size_t problems = 0;
  for (const auto& e : ev["errors"]) problems += e.value("severity", std::string()) == "error";
  out += problems ? say(texts, "mail.errors", {{"n", std::to_string(problems)}}) : say(texts, "mail.errors_none");
  if (ev["score"].is_object()) {
    const json& s = ev["score"];
    const std::string label = s.value("band_label", std::string());
    out += say(texts, "mail.score", {{"total", str(s["total"])}, {"band", label.empty() ? str(s["band"]) : label}});
    for (const auto& dim : s["dimensions"]) {
      out += say(texts, "mail.dimension",
                 {{"title", str(dim["title"])}, {"score", str(dim["score"])}, {"weight", str(dim["weight"])}});
    }
    // Indicators (carbon impact on the Bluetech forms) beside the total, never in it: said so.
    if (s.contains("indicators")) {
      for (const auto& ind : s["indicators"]) {
        out += say(texts, "mail.indicator", {{"title", str(ind["title"])}, {"score", str(ind["score"])}, {"note", str(ind["note"])}});
      }
    }
  }
  out += say(texts, "mail.answers_sha256", {{"sha256", answers_sha256}}) + "\n" + say(texts, "mail.files");
  for (const auto& [file, key] : package_files) out += say(texts, "mail.file_package", {{"file", file}, {"what", texts.text(key)}});
  bool missing = false;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    if (attached[i]) {
      out += say(texts, "mail.file_attached",
                 {{"file", r.name}, {"label", texts.text(r.label_key)}, {"size", str(r.size)}, {"sha256", r.sha256}});
    }
    missing = missing || !attached[i];
  }
  if (missing) {
    out += "\n" + say(texts, "mail.files_missing");
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (!attached[i]) {
        out += say(texts, "mail.file_missing", {{"file", records[i].name}, {"label", texts.text(records[i].label_key)}});
      }
    }
  }
  // What happens after sending: the programme's own steps and contact when the package gives
  // them (the evaluation's after_sending, as the page's last step shows them), else the common text.
  const json& after = ev.contains("after_sending") ? ev["after_sending"] : json::object();
  const json& steps = after.contains("steps") ? after["steps"] : json::array();
  if (!steps.is_array() || steps.empty()) return out + "\n" + say(texts, "mail.next");
  out += "\n" + say(texts, "mail.next_steps");
  for (std::size_t i = 0; i < steps.size(); ++i) out += std::to_string(i + 1) + ". " + str(steps[i]) + "\n";
  if (after.contains("contact") && after["contact"].is_string()) out += "\n" + say(texts, "mail.contact", {{"contact", str(after["contact"])}});
  return out;
}

}  // namespace

// Not inlined: its one caller (wasm/bindings.cpp, built at -O2) would take it in whole and
// re-optimise it for speed (+14 KB of wasm); it runs once per click and stays at -Oz.
[[gnu::noinline]] std::string make_application_email(const FormPackage& package, const json& answers,
                                                     std::string_view now, std::string_view lang, const std::vector<std::string_view>& files,
                                   const EmailOptions& options) {
  const PackageData& d = package.data();
  const json package_json = make_application_package(package, answers, now, lang);
  const std::string json_text = package_json.dump(2) + "\n";  // what the CLI's export --json writes
  const std::string xml_text = xml::to_xml(package_json);
  const json ev = evaluate(package, answers, now, lang);
  const std::vector<Record> records = file_records(d, ev["submitted"]);

  // Each file is matched to its record by digest: the bytes must be the ones the applicant
  // chose (a file changed on disk or damaged in storage since is refused, not sent).
  std::vector<bool> attached(records.size(), false);
  std::vector<mail::Attachment> parts;
  parts.push_back({options.json_name, "application/json", json_text});
  parts.push_back({options.xml_name, "application/xml", xml_text});
  std::vector<std::string_view> bytes_of(records.size());
  for (const auto bytes : files) {
    const std::string digest = sha256_hex(bytes);
    std::size_t i = 0;
    while (i < records.size() && (attached[i] || records[i].sha256 != digest)) ++i;
    if (i == records.size()) {
      throw mail::MailError("mail.file_not_recorded",
                            "a file (SHA-256 " + digest + ") is not one the answers record, or was changed since");
    }
    attached[i] = true;
    bytes_of[i] = bytes;
  }
  // The files in the form's order, whatever order they were given in.
  for (std::size_t i = 0; i < records.size(); ++i) {
    if (attached[i]) parts.push_back({records[i].name, mail::content_type_for(records[i].name), bytes_of[i]});
  }

  const json& form = d.bundle["form"];
  const json* to = find_at(form, "/submission/to");
  const std::vector<std::pair<std::string, std::string>> package_files = {
      {options.json_name, "mail.file_package_json"}, {options.xml_name, "mail.file_package_xml"}};

  // The applicant's language first, then the other one when the bundle has its texts.
  const json* package_i18n = d.bundle.contains("i18n") ? &d.bundle["i18n"] : nullptr;
  const json* common_i18n = d.bundle.contains("common_i18n") ? &d.bundle["common_i18n"] : nullptr;
  const std::string first(lang);
  const std::string second = first == "zh" ? "en" : "zh";
  const Texts texts(package_i18n, common_i18n, first);
  std::string body = body_in(d, texts, ev, package_json["answers_sha256"], package_files, records, attached);
  if (package_i18n && package_i18n->contains(second)) {
    const Texts other(package_i18n, common_i18n, second);
    const json ev_other = evaluate(package, answers, now, second);
    body += "\n----------------------------------------\n\n";
    body += body_in(d, other, ev_other, package_json["answers_sha256"], package_files, records, attached);
  }

  mail::OutgoingMessage m;
  m.to = to && to->is_string() ? to->get<std::string>() : "";
  m.subject = subject_of(d, texts, ev);
  m.date = mail::rfc5322_date(options.date.empty() ? now : std::string_view(options.date));
  m.message_id = options.message_id;
  m.body = std::move(body);
  m.attachments = std::move(parts);
  return mail::compose(m);
}

}  // namespace greenapply::form
