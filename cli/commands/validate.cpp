// greenapply validate --schema S.json (--instance I.json | --instances ARRAY.json)
//                     [--remotes DIR] [--refs DIR] [--output basic] [--format-assertion]
//                     [--default-dialect draft2020-12|draft2019-09|draft7|META-SCHEMA-URI]
// Exit: 0 valid, 1 invalid, 2 unusable input (unreadable/malformed file, invalid schema).
// A relative "$ref" resolves against the schema file's location (its retrieval URI), so a schema
// split into neighbouring files needs no flags; a referenced file without "$schema" is read in
// the referring schema's dialect. --remotes DIR serves http://localhost:1234/PATH from DIR/PATH;
// --refs DIR makes every JSON file in DIR with an "$id" available under that id (e.g. --refs
// schemas/common for the shared technology taxonomy a package's data schema references); only
// the files a schema refers to are parsed. Only local files a schema names are read; nothing
// is fetched from the network.
#include <cctype>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>

#include "commands/commands.hpp"
#include "greenapply/json_schema.hpp"
#include "greenapply/json_text.hpp"
#include "io.hpp"

namespace greenapply::cli {

using greenapply::json;

namespace {

namespace fs = std::filesystem;

// Reads only as far as the top-level "$id" of a JSON text (nlohmann's SAX parser, stopped as
// soon as it is seen), so indexing a folder of schemas does not build every document.
class TopLevelIdFinder : public nlohmann::json_sax<json> {
 public:
  std::optional<std::string> id;

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool string(string_t& value) override {
    if (depth_ == 1 && key_is_id_) {
      id = value;
      return false;  // found: stop reading
    }
    return scalar();
  }
  bool start_object(std::size_t) override { return open(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool key(string_t& name) override {
    key_is_id_ = depth_ == 1 && name == "$id";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    malformed = true;
    return false;
  }
  bool malformed = false;

 private:
  bool scalar() {
    if (depth_ == 1) key_is_id_ = false;
    return true;
  }
  bool open() {
    if (depth_ == 1) key_is_id_ = false;
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    return true;
  }
  int depth_ = 0;
  bool key_is_id_ = false;
};

// The files of --refs DIR by their "$id". Only the ids are read here; a document is parsed when
// a schema actually refers to it (a folder of hundreds of schemas costs one quick scan).
std::map<std::string, std::string> files_by_id(const std::optional<std::string>& dir) {
  std::map<std::string, std::string> out;
  if (!dir) return out;
  if (!fs::is_directory(*dir)) throw UsageError(*dir + ": not a folder");
  for (const auto& entry : fs::directory_iterator(*dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    const std::string path = entry.path().string();
    TopLevelIdFinder finder;
    json::sax_parse(read_file(path), &finder);
    if (finder.malformed) parse_json_file(path);  // throws the usual "PATH: line L, column C" error
    if (finder.id) out.emplace(*finder.id, path);
  }
  return out;
}

// A path as a file: URI (the schema's retrieval URI): absolute, '/'-separated, and with every
// byte that is not allowed in a URI path percent-encoded, so spaces and CJK names survive.
std::string file_uri(const fs::path& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out = "file://";
  for (const unsigned char c : fs::absolute(path).lexically_normal().generic_string()) {
    if (std::isalnum(c) || std::strchr("/-._~!$&'()*+,;=:@", c) != nullptr) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// The local path a file: URI names, or nullopt for any other URI.
std::optional<fs::path> path_of_file_uri(const std::string& uri) {
  const std::string prefix = "file://";
  if (uri.rfind(prefix, 0) != 0) return std::nullopt;
  std::string path;
  for (std::size_t i = prefix.size(); i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      path += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  return fs::path(path);
}

// http://localhost:1234/PATH from --remotes DIR/PATH (the official test suite's remotes).
std::optional<json> remotes_file(const fs::path& root, const std::string& uri) {
  const std::string prefix = "http://localhost:1234/";
  if (uri.rfind(prefix, 0) != 0) return std::nullopt;
  const std::string rest = uri.substr(prefix.size());
  // Stay inside DIR: no parent segments, no absolute paths.
  if (rest.empty() || rest.find("..") != std::string::npos || rest[0] == '/') return std::nullopt;
  const fs::path file = root / rest;
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  return parse_json_file(file.string());
}

// A local file a schema may name: a regular file whose name ends in ".json" (any case). A schema
// split into neighbouring files (and "../common/x.schema.json") is read with no flags, but a
// schema someone sent cannot make the command open /etc/passwd, a device or a FIFO; anything
// else it names is an unresolvable "$ref" (schema_error.bad_ref, exit 2), the file never opened.
bool readable_schema_file(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::error_code ec;
  return ext == ".json" && fs::is_regular_file(path, ec);
}

// What a schema may refer to: a --refs document by its "$id", a local JSON file by its file:
// URI (a relative "$ref" resolved against the schema file's own location), or a --remotes file.
json_schema::Resolver make_resolver(const std::optional<std::string>& remotes, std::map<std::string, std::string> by_id) {
  return [remotes, by_id = std::move(by_id)](const std::string& uri) -> std::optional<json> {
    if (const auto it = by_id.find(uri); it != by_id.end()) return parse_json_file(it->second);
    if (const auto path = path_of_file_uri(uri)) {
      if (!readable_schema_file(*path)) return std::nullopt;
      return parse_json_file(path->string());
    }
    if (!remotes) return std::nullopt;
    return remotes_file(*remotes, uri);
  };
}

json_schema::Dialect dialect_from(const std::string& name) {
  if (name == "draft7" || name.find("draft-07") != std::string::npos) {
    return json_schema::Dialect::draft7;
  }
  if (name == "draft2020-12" || name.find("2020-12") != std::string::npos) {
    return json_schema::Dialect::draft2020_12;
  }
  if (name == "draft2019-09" || name.find("2019-09") != std::string::npos) {
    return json_schema::Dialect::draft2019_09;
  }
  throw UsageError("unknown dialect " + name + " (draft2020-12, draft2019-09 or draft7)");
}

}  // namespace

int run_validate(const Args& args) {
  const Options opts(args,
                     {"schema", "instance", "instances", "remotes", "refs", "output", "default-dialect"},
                     {"format-assertion"});
  const std::string schema_path = opts.require("schema");
  const json schema = parse_json_file(schema_path);
  const auto output = opts.get("output");
  if (output && *output != "basic") throw UsageError("unknown --output " + *output + " (basic)");
  json_schema::Options options;
  options.format_assertion = opts.flag("format-assertion");
  options.base_uri = file_uri(schema_path);
  if (const auto d = opts.get("default-dialect")) options.default_dialect = dialect_from(*d);

  std::optional<json_schema::Validator> validator;
  try {
    validator =
        json_schema::Validator::compile(schema, options, make_resolver(opts.get("remotes"), files_by_id(opts.get("refs"))));
  } catch (const json_schema::SchemaError& e) {
    throw UsageError("invalid schema: " + std::string(e.what()));
  }

  if (const auto many = opts.get("instances")) {
    const json instances = parse_json_file(*many);
    if (!instances.is_array()) throw UsageError(*many + ": expected a JSON array of instances");
    json results = json::array();
    bool all_valid = true;
    for (const json& instance : instances) {
      const bool valid = validator->is_valid(instance);
      all_valid = all_valid && valid;
      results.push_back(valid);
    }
    std::puts(greenapply::write_json(results).c_str());
    return all_valid ? 0 : 1;
  }

  const json instance = parse_json_file(opts.require("instance"));
  if (output) {
    const auto issues = validator->validate(instance);
    std::puts(greenapply::write_json(json_schema::basic_output(issues), 2).c_str());
    return issues.empty() ? 0 : 1;
  }
  return validator->is_valid(instance) ? 0 : 1;
}

}  // namespace greenapply::cli
