// greenapply export --form PKG APP.json [--now ISO-8601] [--lang en|zh] (--xml OUT.xml | --json OUT.json)
// Writes the application package (what the page's "Download" gives) for an answers file or
// converts a received package between JSON and XML. Exit: 0 written, 2 unusable input.
#include "application.hpp"
#include "commands/commands.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/xml.hpp"
#include "io.hpp"

namespace greenapply::cli {

using nlohmann::json;

int run_export(const Args& args) {
  const Options opts(args, {"form", "now", "lang", "xml", "json"}, {});
  if (opts.positionals().size() != 1) throw UsageError("expected exactly one application file");
  const std::string in = opts.positionals()[0];
  if (!opts.get("xml") && !opts.get("json")) throw UsageError("give --xml OUT.xml and/or --json OUT.json");
  const std::string text = read_file(in);
  json app;
  try {
    app = in.size() > 4 && in.compare(in.size() - 4, 4, ".xml") == 0 ? xml::from_xml(text) : parse_json(text);
  } catch (const xml::XmlError& e) {
    throw UsageError(in + ": " + e.what());
  } catch (const JsonTextError& e) {
    throw UsageError(in + ": " + e.what());
  }
  json package = app;
  if (!(app.is_object() && app.value("format", std::string()) == "greenapply-application")) {
    // Bare answers (or a worked example): make the package as the page would.
    const PackageFiles files = read_package(opts.require("form"));
    const form::FormPackage pkg = load_package_or_fail(files);
    try {
      package = form::make_application_package(pkg, answers_of(app), opts.get("now").value_or(current_time_utc()),
                                               opts.get("lang").value_or("en"));
    } catch (const std::invalid_argument& e) {
      throw UsageError(e.what());
    }
  }
  if (const auto out = opts.get("xml")) write_file(*out, xml::to_xml(package));
  if (const auto out = opts.get("json")) write_file(*out, package.dump(2) + "\n");
  return 0;
}

}  // namespace greenapply::cli
