// greenapply export --form PKG APP.json [--now ISO-8601] [--lang en|zh] (--xml OUT.xml | --json OUT.json
//                   | --eml OUT.eml [--attach FILE]... [--date ISO-8601] [--message-id ID@DOMAIN])
// Writes the application package (what the page's "Download" gives) for an answers file or
// converts a received package between JSON and XML; --eml writes the e-mail the page's
// "Download the e-mail" gives: both packages and the attached files, ready to send.
// Exit: 0 written, 2 unusable input (also a file no record in the answers matches).
#include <filesystem>

#include "application.hpp"
#include "commands/commands.hpp"
#include "greenapply/digest.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/mail_compose.hpp"
#include "greenapply/xml.hpp"
#include "io.hpp"

namespace greenapply::cli {

using greenapply::json;

namespace {

bool is_package(const json& app) {
  return app.is_object() && app.value("format", std::string()) == "greenapply-application";
}

// The .eml: the package files are named after the message file (out.eml: out.json, out.xml).
// Without --message-id the id is derived from what the message carries, so the same inputs
// give the same file (the page uses a random one: each download is a new message).
void write_eml(const Options& opts, const json& app, const std::string& out, const std::string& clock) {
  const PackageFiles files = read_package(opts.require("form"));
  const form::FormPackage pkg = load_package_or_fail(files);
  const std::string now = opts.get("now").value_or(
      is_package(app) && app.contains("created") && app["created"].is_string() ? app["created"].get<std::string>()
                                                                               : clock);
  const std::string lang = opts.get("lang").value_or(
      is_package(app) && app.value("lang", std::string()) == "zh" ? "zh" : "en");
  std::vector<std::string> contents;
  for (const auto& path : opts.all("attach")) contents.push_back(read_file(path));
  std::vector<std::string_view> views(contents.begin(), contents.end());
  const std::string stem = std::filesystem::path(out).stem().string();
  form::EmailOptions options;
  options.date = opts.get("date").value_or(now);
  options.json_name = stem + ".json";
  options.xml_name = stem + ".xml";
  std::string seed = canonical_json(answers_of(app)) + "\n" + options.date;
  for (const auto& c : contents) seed += "\n" + sha256_hex(c);
  options.message_id = opts.get("message-id").value_or(sha256_hex(seed).substr(0, 32) + "@greenapply.invalid");
  try {
    write_file(out, form::make_application_email(pkg, answers_of(app), now, lang, views, options));
  } catch (const mail::MailError& e) {
    throw UsageError(std::string(e.what()) + " (" + e.issue().message_key + ")", e.issue());
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
}

}  // namespace

int run_export(const Args& args) {
  const Options opts(args, {"form", "now", "lang", "xml", "json", "eml", "attach", "date", "message-id"}, {});
  if (opts.positionals().size() != 1) throw UsageError("expected exactly one application file");
  const std::string in = opts.positionals()[0];
  if (!opts.get("xml") && !opts.get("json") && !opts.get("eml")) {
    throw UsageError("give --xml OUT.xml, --json OUT.json and/or --eml OUT.eml");
  }
  if (!opts.get("eml") && (opts.get("attach") || opts.get("date") || opts.get("message-id"))) {
    throw UsageError("--attach, --date and --message-id go with --eml");
  }
  const std::string text = read_file(in);
  json app;
  try {
    app = in.size() > 4 && in.compare(in.size() - 4, 4, ".xml") == 0 ? xml::from_xml(text) : parse_json(text);
  } catch (const xml::XmlError& e) {
    throw UsageError(in + ": " + e.what());
  } catch (const JsonTextError& e) {
    throw UsageError(in + ": " + e.what());
  }
  const std::string clock = current_time_utc();  // read once: the JSON, XML and e-mail agree
  json package = app;
  if ((opts.get("xml") || opts.get("json")) && !is_package(app)) {
    // Bare answers (or a worked example): make the package as the page would.
    const PackageFiles files = read_package(opts.require("form"));
    const form::FormPackage pkg = load_package_or_fail(files);
    try {
      package = form::make_application_package(pkg, answers_of(app), opts.get("now").value_or(clock),
                                               opts.get("lang").value_or("en"));
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }
  if (const auto out = opts.get("xml")) write_file(*out, xml::to_xml(package));
  if (const auto out = opts.get("json")) write_file(*out, greenapply::write_json(package, 2) + "\n");
  if (const auto out = opts.get("eml")) write_eml(opts, app, *out, clock);
  return 0;
}

}  // namespace greenapply::cli
