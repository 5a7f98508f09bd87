// The command-line contract other tools rely on (docs/architecture.md, product brief):
// exit codes 0/1/2, one-line errors on stderr, machine output formats. Runs the built binary.
#include <sys/wait.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include "greenapply/json.hpp"

namespace {

namespace fs = std::filesystem;

struct Result {
  int code = -1;
  std::string out;
  std::string err;
};

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("greenapply-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string file(const std::string& name, const std::string& content) {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  static std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  Result run(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt", err = dir_ / "stderr.txt";
    const std::string cmd = std::string("'") + GREENAPPLY_CLI_PATH + "' " + args + " >'" + out.string() + "' 2>'" +
                            err.string() + "' </dev/null";
    const int status = std::system(cmd.c_str());
    Result r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  // The 1-based line of the first occurrence of needle.
  static int line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    if (at == std::string::npos) return -1;
    int line = 1;
    for (std::size_t i = 0; i < at; ++i) line += text[i] == '\n';
    return line;
  }

  static int lines(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
  }

  fs::path dir_;
};

TEST_F(Cli, UnknownCommandAndBadArgumentsExitTwoWithOneLine) {
  for (const char* args : {"frobnicate", "validate --schema", "validate --nope x", "check", "lint /does/not/exist",
                           "batch --form /does/not/exist /tmp", "export x.json", "match",
                           "match --form " GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-technology --needs /tmp --technologies /tmp",
                           "match --form " GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-need --needs /tmp",
                           "match --form " GREENAPPLY_SOURCE_DIR "/schemas/wipo-green-need --needs /nope --technologies /tmp"}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    EXPECT_EQ(lines(r.err), 1) << args << "\n" << r.err;
  }
  EXPECT_EQ(run("").code, 2);
  EXPECT_EQ(run("--version").code, 0);
}

TEST_F(Cli, ValidateFollowsTheRunnerProtocol) {
  const std::string schema = file("s.json", R"({"type": "object", "required": ["name"],
    "properties": {"name": {"type": "string", "minLength": 2}}})");
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + file("ok.json", R"({"name": "北京"})")).code, 0);
  const Result bad = run("validate --schema " + schema + " --instance " + file("bad.json", R"({"name": "x"})") +
                         " --output basic");
  EXPECT_EQ(bad.code, 1);
  const auto basic = greenapply::json::parse(bad.out);
  EXPECT_EQ(basic["valid"], false);
  EXPECT_EQ(basic["errors"][0]["instanceLocation"], "/name");
  const Result many = run("validate --schema " + schema + " --instances " +
                          file("all.json", R"([{"name": "ab"}, {}, {"name": 3}])"));
  EXPECT_EQ(many.code, 1);
  EXPECT_EQ(greenapply::json::parse(many.out), greenapply::json::parse("[true, false, false]"));
  // unusable input: malformed JSON, unreadable file, invalid schema
  const Result malformed = run("validate --schema " + schema + " --instance " + file("m.json", "{\"name\": "));
  EXPECT_EQ(malformed.code, 2);
  EXPECT_EQ(lines(malformed.err), 1);
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + (dir_ / "missing.json").string()).code, 2);
  EXPECT_EQ(run("validate --schema " + file("bad-schema.json", R"({"$ref": "#/nowhere"})") + " --instance " +
                file("i.json", "1")).code, 2);
}

TEST_F(Cli, HostileFilesGetAVerdictNotACrash) {
  const std::string schema = file("s.json", R"({"type": "array"})");
  const std::string deep = file("deep.json", std::string(1000000, '[') + std::string(1000000, ']'));
  const Result r = run("validate --schema " + schema + " --instance " + deep);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("deeper"), std::string::npos) << r.err;
  const Result utf8 = run("validate --schema " + schema + " --instance " + file("u.json", "[\"\xff\"]"));
  EXPECT_EQ(utf8.code, 2);
  const Result truncated = run("validate --schema " + schema + " --instance " + file("t.json", "[1, 2"));
  EXPECT_EQ(truncated.code, 2);
  const Result big = run("validate --schema " + file("len.json", R"({"maxLength": 10})") + " --instance " +
                         file("big.json", "\"" + std::string(50 * 1024 * 1024, 'a') + "\""));
  EXPECT_EQ(big.code, 1);
}

TEST_F(Cli, LintReportsFilePointerMessageAndExitsOne) {
  const fs::path pkg = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas";
  const Result clean = run("lint " + (pkg / "bluetech-2023-company").string());
  EXPECT_EQ(clean.code, 0) << clean.out << clean.err;
  // A broken copy: an expression that does not parse.
  fs::create_directories(dir_ / "schemas");
  fs::copy(pkg / "bluetech-2023-company", dir_ / "schemas" / "broken", fs::copy_options::recursive);
  fs::copy(pkg / "common", dir_ / "schemas" / "common", fs::copy_options::recursive);
  const fs::path rules = dir_ / "schemas" / "broken" / "rules.json";
  auto j = greenapply::json::parse(slurp(rules));
  j["computed"][0]["expr"] = "1 +";
  std::ofstream(rules) << j.dump(2);
  const Result broken = run("lint " + (dir_ / "schemas" / "broken").string());
  EXPECT_EQ(broken.code, 1);
  EXPECT_NE(broken.out.find("rules.json:" + std::to_string(line_of(slurp(rules), "\"expr\": \"1 +\"")) +
                            ":7: error: /computed/0/expr: "),
            std::string::npos)
      << broken.out;
}

// #17: every command answers --help on stdout with exit 0; --version is the CMake project's.
TEST_F(Cli, EveryCommandHasHelpAndTheToolHasAVersion) {
  const Result all = run("--help");
  EXPECT_EQ(all.code, 0);
  for (const char* command : {"validate", "lint", "check", "evaluate", "batch", "export", "match", "new-round"}) {
    const Result r = run(std::string(command) + " --help");
    EXPECT_EQ(r.code, 0) << command << "\n" << r.err;
    EXPECT_EQ(r.out.rfind(std::string("usage: greenapply ") + command + " ", 0), 0u) << r.out;
    EXPECT_TRUE(r.err.empty()) << r.err;
    EXPECT_NE(all.out.find(std::string("  ") + command + " "), std::string::npos) << command;
    EXPECT_EQ(run(std::string(command) + " -h").code, 0) << command;
  }
  const Result version = run("--version");
  EXPECT_EQ(version.code, 0);
  EXPECT_EQ(version.out, std::string("greenapply ") + GREENAPPLY_VERSION + "\n");
}

// #17: lint takes a folder of packages (common/ skipped), a package, or a file inside one.
TEST_F(Cli, LintTakesAFolderOfPackagesAPackageOrAFile) {
  const fs::path schemas = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas";
  std::size_t packages = 0;
  for (const auto& e : fs::directory_iterator(schemas)) packages += fs::exists(e.path() / "form.json");
  const Result folder = run("lint " + schemas.string() + "/");
  EXPECT_EQ(folder.code, 0) << folder.out << folder.err;
  EXPECT_NE(folder.out.find("lint: " + std::to_string(packages) + " package(s), 0 error(s)"), std::string::npos)
      << folder.out;
  const Result one_file = run("lint " + (schemas / "ip-clinic" / "rules.json").string());
  EXPECT_EQ(one_file.code, 0) << one_file.out << one_file.err;
  EXPECT_NE(one_file.out.find("lint: 1 package(s)"), std::string::npos) << one_file.out;
  // usage and I/O errors: 2, one line
  fs::create_directories(dir_ / "empty");
  for (const std::string& args : {"lint " + (dir_ / "empty").string(), "lint " + (dir_ / "nope").string(),
                                 "lint --format xml " + schemas.string(), "lint --lang fr " + schemas.string(),
                                 "lint " + file("loose.json", "{}")}) {
    const Result r = run(args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.out << r.err;
    EXPECT_EQ(lines(r.err), 1) << args << "\n" << r.err;
  }
}

// #17: a broken package in a test repository, linted in each format, gives its problems at the
// lines where they are (found here by searching the text, not by the locator under test).
TEST_F(Cli, LintAnnotatesTheLinesOfABrokenPackageInEveryFormat) {
  const fs::path schemas = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas";
  const fs::path repo = dir_ / "forms";
  fs::create_directories(repo);
  fs::copy(schemas / "bluetech-2023-company", repo / "broken", fs::copy_options::recursive);
  fs::copy(schemas / "common", repo / "common", fs::copy_options::recursive);
  fs::copy(schemas / "form-package.schema.json", repo / "form-package.schema.json");
  // 1. an expression that does not parse; 2. an empty Chinese text
  const fs::path rules = repo / "broken" / "rules.json", zh = repo / "broken" / "i18n" / "zh.json";
  auto r = greenapply::json::parse(slurp(rules));
  r["computed"][0]["expr"] = "1 +";
  std::ofstream(rules) << r.dump(2);
  auto z = greenapply::json::parse(slurp(zh));
  z["form.title"] = "";
  std::ofstream(zh) << z.dump(2);
  // 3. a clean package: its placeholder organiser address is a warning
  fs::copy(schemas / "wipo-green-need", repo / "clean", fs::copy_options::recursive);
  // 4. a package whose layout is not JSON at line 3
  fs::create_directories(repo / "malformed");
  fs::copy(schemas / "ip-clinic", repo / "malformed", fs::copy_options::recursive);
  std::ofstream(repo / "malformed" / "layout.json") << "{\n  \"sections\": [\n    {,\n  ]\n}\n";

  const int expr_line = line_of(slurp(rules), "\"expr\": \"1 +\"");
  const int title_line = line_of(slurp(zh), "\"form.title\": \"\"");
  const int to_line = line_of(slurp(repo / "clean" / "form.json"), "\"to\":");
  const std::string rules_path = (repo / "broken" / "rules.json").string();
  const std::string zh_path = (repo / "broken" / "i18n" / "zh.json").string();
  const std::string form_path = (repo / "clean" / "form.json").string();
  const std::string layout_path = (repo / "malformed" / "layout.json").string();

  const Result github = run("lint --format github " + repo.string());
  EXPECT_EQ(github.code, 1) << github.err;
  EXPECT_NE(github.out.find("::error file=" + rules_path + ",line=" + std::to_string(expr_line) + ",col=7,title="),
            std::string::npos)
      << github.out;
  EXPECT_NE(github.out.find("::error file=" + zh_path + ",line=" + std::to_string(title_line) + ",col=3,title="),
            std::string::npos)
      << github.out;
  EXPECT_NE(github.out.find("::warning file=" + form_path + ",line=" + std::to_string(to_line) + ","),
            std::string::npos)
      << github.out;
  EXPECT_NE(github.out.find("::error file=" + layout_path + ",line=3,"), std::string::npos) << github.out;

  const Result text = run("lint --lang zh " + repo.string());
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.out.find(rules_path + ":" + std::to_string(expr_line) + ":7: error: /computed/0/expr: "),
            std::string::npos)
      << text.out;

  const Result json = run("lint --format json --lang zh " + repo.string());
  EXPECT_EQ(json.code, 1);
  const auto report = greenapply::json::parse(json.out);
  EXPECT_EQ(report["packages"].size(), 3u);
  bool found_title = false;
  for (const auto& p : report["problems"]) {
    if (p["file"] == zh_path && p["pointer"] == "/form.title") {
      found_title = true;
      EXPECT_EQ(p["line"], title_line);
      EXPECT_EQ(p["severity"], "error");
      EXPECT_EQ(p["message_key"], "schema.minLength");
      EXPECT_NE(p["message"].get<std::string>().find("\xEF\xBC"), std::string::npos) << p;  // Chinese punctuation
    }
  }
  EXPECT_TRUE(found_title) << json.out;

  const fs::path sarif_file = dir_ / "lint.sarif";
  const Result sarif = run("lint --format sarif --output " + sarif_file.string() + " " + repo.string());
  EXPECT_EQ(sarif.code, 1);
  const auto log = greenapply::json::parse(slurp(sarif_file));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run0 = log["runs"][0];
  bool found_expr = false;
  for (const auto& res : run0["results"]) {
    const auto& loc = res["locations"][0]["physicalLocation"];
    EXPECT_EQ(run0["tool"]["driver"]["rules"][res["ruleIndex"].get<std::size_t>()]["id"], res["ruleId"]);
    if (loc["artifactLocation"]["uri"].get<std::string>().find("broken/rules.json") != std::string::npos) {
      found_expr = true;
      EXPECT_EQ(loc["region"]["startLine"], expr_line);
      EXPECT_EQ(loc["region"]["startColumn"], 7);
      EXPECT_EQ(res["level"], "error");
    }
  }
  EXPECT_TRUE(found_expr) << slurp(sarif_file);
}

TEST_F(Cli, CheckExportAndBatchAgreeOnTheNumbers) {
  const fs::path pkg = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "bluetech-2023-company";
  const auto form = greenapply::json::parse(slurp(pkg / "form.json"));
  const std::string example = (pkg / form["files"]["examples"][0].get<std::string>()).string();
  const auto ex = greenapply::json::parse(slurp(example));
  const std::string now = ex["now"];
  const Result check = run("check --form " + pkg.string() + " " + example + " --now " + now + " --json");
  ASSERT_LE(check.code, 1) << check.err;
  const auto evaluation = greenapply::json::parse(check.out);
  // export as JSON and XML, then batch both: the same total, no flags about the package.
  fs::create_directories(dir_ / "inbox");
  ASSERT_EQ(run("export --form " + pkg.string() + " " + example + " --now " + now + " --json " +
                (dir_ / "inbox" / "a.json").string() + " --xml " + (dir_ / "inbox" / "b.xml").string()).code, 0);
  const Result batch = run("batch --form " + pkg.string() + " " + (dir_ / "inbox").string() + " --now " + now +
                           " --json " + (dir_ / "ranking.json").string() + " --csv " + (dir_ / "ranking.csv").string());
  ASSERT_EQ(batch.code, 0) << batch.err;
  const auto ranking = greenapply::json::parse(slurp(dir_ / "ranking.json"))["ranking"];
  ASSERT_EQ(ranking.size(), 2u);
  for (const auto& row : ranking) {
    EXPECT_EQ(row["total"], evaluation["score"]["total"]) << row.dump();
    for (const auto& flag : row["flags"]) EXPECT_EQ(flag, "duplicate_applicant") << row.dump();
  }
  const std::string csv = slurp(dir_ / "ranking.csv");
  // For Excel with Chinese text: a UTF-8 byte order mark, then the same columns as before.
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFrank,file,applicant", 0), 0u);
  EXPECT_EQ(lines(csv), 3);
  // A tampered package is flagged; a broken file is reported and the batch goes on.
  auto tampered = greenapply::json::parse(slurp(dir_ / "inbox" / "a.json"));
  tampered["self_assessment"]["score"]["total"] = 99.99;
  std::ofstream(dir_ / "inbox" / "c.json") << tampered.dump();
  std::ofstream(dir_ / "inbox" / "d.json") << "{ not json";
  ASSERT_EQ(run("batch --form " + pkg.string() + " " + (dir_ / "inbox").string() + " --now " + now + " --json " +
                (dir_ / "r2.json").string()).code, 0);
  const auto r2 = greenapply::json::parse(slurp(dir_ / "r2.json"))["ranking"];
  ASSERT_EQ(r2.size(), 4u);
  bool saw_flag = false, saw_unreadable = false;
  for (const auto& row : r2) {
    for (const auto& flag : row["flags"]) saw_flag |= flag == "score_differs";
    saw_unreadable |= row["verdict"] == "unreadable";
  }
  EXPECT_TRUE(saw_flag);
  EXPECT_TRUE(saw_unreadable);
}

TEST_F(Cli, MatchRanksTechnologiesPerNeedAndReportsUnreadableFiles) {
  const fs::path schemas = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas";
  const fs::path techs = dir_ / "technologies";
  fs::create_directories(techs / "nested");
  fs::copy_file(schemas / "wipo-green-technology" / "examples" / "06-chinese.json", techs / "nested" / "scr.json");
  fs::copy_file(schemas / "wipo-green-technology" / "examples" / "02-typical.json", techs / "pump.json");
  fs::copy_file(schemas / "wipo-green-technology" / "examples" / "04-invalid.json", techs / "invalid.json");
  file("technologies/broken.json", "{\"answers\": ");
  const std::string need = (schemas / "wipo-green-need" / "examples" / "01-strong-beijing-voc.json").string();
  const std::string csv = (dir_ / "ranking.csv").string();
  const Result r = run("match --form " + (schemas / "wipo-green-need").string() + " --needs " + need +
                       " --technologies " + techs.string() + " --csv " + csv + " --now 2026-06-01T10:00:00+08:00");
  ASSERT_EQ(r.code, 0) << r.err;
  std::istringstream rows(slurp(csv));
  std::string header, first, second;
  std::getline(rows, header);
  std::getline(rows, first);
  std::getline(rows, second);
  EXPECT_EQ(header, "need_file,need_title,rank,technology_file,technology,owner,valid,errors,score,fields,readiness,benefits,deal,location,keywords,problem");
  EXPECT_NE(first.find(",1,\"nested/scr.json\","), std::string::npos) << first;
  // Validated against the technology form beside the need form: a valid worked example.
  EXPECT_NE(first.find(",true,0,77.5,22.5,20,20,10,5,0,"), std::string::npos) << first;
  // The invalid entry still ranks (the seeker may want to ask its owner), flagged with its errors.
  EXPECT_NE(second.find(",2,\"invalid.json\","), std::string::npos) << second;
  EXPECT_NE(second.find(",false,"), std::string::npos) << second;
  const std::string all = slurp(csv);
  EXPECT_NE(all.find(",3,\"pump.json\","), std::string::npos) << all;
  const std::string last = all.substr(all.rfind("\n", all.size() - 2) + 1);
  EXPECT_NE(last.find("\"broken.json\""), std::string::npos) << last;
  EXPECT_NE(last.find("line 1"), std::string::npos) << last;
}

TEST_F(Cli, ValidateFindsTheSharedTaxonomyWithRefs) {
  const fs::path schemas = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas";
  const std::string schema = (schemas / "wipo-green-technology" / "data.schema.json").string();
  const std::string app = file("tech.json", R"({"technology": {"tech_fields": ["energy.solar", "energy.perpetual_motion"]}})");
  // Without the shared schemas the taxonomy reference cannot be resolved: unusable input.
  const Result alone = run("validate --schema " + schema + " --instance " + app);
  EXPECT_EQ(alone.code, 2) << alone.err;
  EXPECT_EQ(lines(alone.err), 1);
  const Result with_refs = run("validate --schema " + schema + " --instance " + app + " --output basic --refs " +
                               (schemas / "common").string());
  EXPECT_EQ(with_refs.code, 1) << with_refs.err;
  EXPECT_NE(with_refs.out.find("/technology/tech_fields/1"), std::string::npos) << with_refs.out;
  EXPECT_EQ(with_refs.out.find("/technology/tech_fields/0\""), std::string::npos) << with_refs.out;
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + app + " --refs /does/not/exist").code, 2);
}

}  // namespace

namespace {

// A schema split into neighbouring files, as maintainers (and ajv users) write them: the main
// schema's relative "$ref"s name files beside it on disk, whatever its "$id" says.
TEST_F(Cli, ValidateResolvesRelativeRefsAgainstTheSchemaFile) {
  // Draft-07: the "$id" beside "$ref" is ignored by the spec, so the file's location is the base.
  const std::string schema = file("forms/main.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://example.com/schemas/main.json", "$ref": "partial.json"})");
  // No "$schema": read as draft-07 like the schema referring to it ("#thing" is a draft-07 anchor).
  file("forms/partial.json", R"({"$id": "#thing", "type": "object",
    "properties": {"n": {"$ref": "#count"}, "m": {"$ref": "parts/name.json"}},
    "definitions": {"count": {"$id": "#count", "type": "integer"}}})");
  file("forms/parts/name.json", R"({"type": "string", "minLength": 2})");
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + file("ok.json", R"({"n": 3, "m": "ab"})")).code, 0);
  const Result bad = run("validate --schema " + schema + " --instance " + file("bad.json", R"({"n": "x", "m": "a"})") +
                         " --output basic");
  EXPECT_EQ(bad.code, 1) << bad.err;
  EXPECT_NE(bad.out.find("\"instanceLocation\": \"/m\""), std::string::npos) << bad.out;
  EXPECT_NE(bad.out.find("\"instanceLocation\": \"/n\""), std::string::npos) << bad.out;
  // Errors name the file the failing keyword is in.
  EXPECT_NE(bad.out.find("parts/name.json#/minLength"), std::string::npos) << bad.out;
  // A neighbour that does not exist is still an unusable schema.
  const std::string missing = file("forms/missing-ref.json", R"({"$ref": "nowhere.json"})");
  const Result gone = run("validate --schema " + missing + " --instance " + file("x.json", "1"));
  EXPECT_EQ(gone.code, 2);
  EXPECT_NE(gone.err.find("bad_ref"), std::string::npos) << gone.err;
}

TEST_F(Cli, ValidateOpensOnlyJsonFilesAReferenceNames) {
  // A file that is not ".json" (here valid JSON, so only the name refuses it), a device and a
  // folder: each an unresolvable reference, exit 2, nothing read.
  file("r/notes.txt", R"({"type": "string"})");
  for (const char* ref : {"notes.txt", "/dev/zero", "file:///dev/zero", "/etc/passwd", "."}) {
    const std::string schema = file("r/main.json", std::string(R"({"$ref": ")") + ref + "\"}");
    const Result r = run("validate --schema " + schema + " --instance " + file("x.json", "\"s\""));
    EXPECT_EQ(r.code, 2) << ref;
    EXPECT_NE(r.err.find("bad_ref"), std::string::npos) << ref << ": " << r.err;
  }
  // The same schema with a ".json" name validates.
  file("r/text.JSON", R"({"type": "string"})");
  EXPECT_EQ(run("validate --schema " + file("r/ok.json", R"({"$ref": "text.JSON"})") + " --instance " +
                file("y.json", "\"s\"")).code, 0);
}

TEST_F(Cli, ValidateReadsAReferencedPlainFileInTheReferringSchemasDialect) {
  // In draft-07 "$ref" overrides its siblings; in 2020-12 maxLength would apply too.
  file("d/plain.json", R"({"$ref": "#/definitions/s", "maxLength": 1, "definitions": {"s": {"type": "string"}}})");
  const std::string draft7 = file("d/seven.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
    "properties": {"p": {"$ref": "plain.json"}}})");
  const std::string draft2020 = file("d/twenty.json", R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
    "properties": {"p": {"$ref": "plain.json"}}})");
  const std::string long_text = file("i.json", R"({"p": "abc"})");
  EXPECT_EQ(run("validate --schema " + draft7 + " --instance " + long_text).code, 0);
  EXPECT_EQ(run("validate --schema " + draft2020 + " --instance " + long_text).code, 1);
}

TEST_F(Cli, ValidateFallsBackToTheIgnoredSiblingIdAsAjvDoes) {
  // No other.json beside the schema: the "$ref" is tried against the sibling "$id", which
  // --refs knows.
  const std::string schema = file("s/main.json", R"({"$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://example.com/schemas/main.json", "$ref": "other.json"})");
  file("lib/other.json", R"({"$id": "https://example.com/schemas/other.json", "type": "integer"})");
  const std::string refs = (dir_ / "lib").string();
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + file("i.json", "3") + " --refs " + refs).code, 0);
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + file("j.json", "\"3\"") + " --refs " + refs).code, 1);
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + file("k.json", "3")).code, 2);
}

TEST_F(Cli, ValidateRefsParsesOnlyReferencedDocumentsButReportsMalformedOnes) {
  const std::string schema = file("main.json", R"({"$ref": "https://example.com/a.json"})");
  file("refs/a.json", R"({"$id": "https://example.com/a.json", "type": "string"})");
  // Valid JSON after its "$id", broken later: never parsed fully, since nothing refers to it.
  file("refs/b.json", R"({"$id": "https://example.com/b.json", "type": )");
  const std::string refs = (dir_ / "refs").string();
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + file("i.json", "\"x\"") + " --refs " + refs).code, 0);
  EXPECT_EQ(run("validate --schema " + schema + " --instance " + file("j.json", "1") + " --refs " + refs).code, 1);
  // Broken before any "$id": the folder cannot be indexed, and the error names the file and line.
  file("refs/c.json", "{\n  \"title\": ,\n  \"$id\": \"https://example.com/c.json\"}");
  const Result broken = run("validate --schema " + schema + " --instance " + file("k.json", "\"x\"") + " --refs " + refs);
  EXPECT_EQ(broken.code, 2);
  EXPECT_NE(broken.err.find("c.json"), std::string::npos) << broken.err;
  EXPECT_NE(broken.err.find("line 2"), std::string::npos) << broken.err;
}

}  // namespace

namespace {

TEST_F(Cli, ValidateReadsDraft2019_09) {
  // A tree in 2019-09 style: "$recursiveRef" and the array form of "items".
  const std::string schema = file("tree.json", R"({"$schema": "https://json-schema.org/draft/2019-09/schema",
    "$recursiveAnchor": true, "type": "object",
    "properties": {"pair": {"items": [{"type": "string"}, {"type": "integer"}], "additionalItems": false},
                   "children": {"type": "array", "items": {"$recursiveRef": "#"}}}})");
  EXPECT_EQ(run("validate --schema " + schema + " --instance " +
                file("ok.json", R"({"pair": ["a", 1], "children": [{"children": [{"pair": ["b", 2]}]}]})"))
                .code,
            0);
  const Result deep = run("validate --schema " + schema + " --output basic --instance " +
                          file("bad.json", R"({"children": [{"children": [{"pair": ["b", 2, 3]}]}]})"));
  EXPECT_EQ(deep.code, 1) << deep.err;
  EXPECT_NE(deep.out.find("\"instanceLocation\": \"/children/0/children/0/pair\""), std::string::npos) << deep.out;
  EXPECT_NE(deep.out.find("schema.additionalItems"), std::string::npos) << deep.out;
  // The same schema without "$schema", named on the command line.
  const std::string bare = file("bare.json", R"({"items": [{"type": "string"}], "additionalItems": false})");
  EXPECT_EQ(run("validate --schema " + bare + " --default-dialect draft2019-09 --instance " + file("two.json", R"(["a", "b"])"))
                .code,
            1);
}

}  // namespace
