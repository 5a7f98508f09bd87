// greenapply — native command: dispatch only. Each subcommand lives in commands/<name>.cpp.
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>

#include "commands/commands.hpp"
#include "io.hpp"

namespace {

// One entry per command: its usage, printed by `greenapply <command> --help` (exit 0) and,
// joined, by `greenapply --help`. Keep the first line of each the synopsis.
struct CommandHelp {
  const char* name;
  const char* usage;
};

constexpr CommandHelp kCommands[] = {
    {"validate",
     "validate --schema S.json (--instance I.json | --instances ARRAY.json) [--remotes DIR] [--refs DIR] [--output basic]\n"
     "         [--default-dialect draft2020-12|draft2019-09|draft7] [--format-assertion]\n"
     "    validate JSON against a JSON Schema (2020-12, 2019-09 or draft-07); exit 0 valid, 1 invalid, 2 unusable.\n"
     "    Relative $refs name files beside the schema; --refs DIR adds DIR's files by their $id\n"},
    {"lint",
     "lint [PATH...] [--format text|json|github|sarif] [--lang en|zh] [--output FILE]\n"
     "    check form packages; PATH is a package folder, a file inside one, or a folder of packages\n"
     "    (schemas/: every package under it, common/ skipped); default: schemas/ here.\n"
     "    --format github prints workflow commands (annotations on a pull request), sarif writes SARIF 2.1.0,\n"
     "    json one object for scripts. Exit 0 clean (warnings allowed), 1 problems, 2 usage or I/O error\n"},
    {"check",
     "check --form PKG APP.json [--now ISO-8601] [--lang en|zh] [--json]\n"
     "    re-check one application package or answers file as the page did\n"},
    {"evaluate",
     "evaluate --form PKG --cases CASES.json\n"
     "    machine output: one evaluation JSON per line\n"},
    {"batch",
     "batch --form PKG PATH... [--csv OUT.csv] [--json OUT.json] [--report OUT.html] [--now ISO-8601]\n"
     "      [--jobs N]\n"
     "    re-check every application received (folders, .json/.xml packages, .eml, mbox) and rank them,\n"
     "    on N threads (default: every hardware thread; the outputs do not depend on N)\n"},
    {"export",
     "export --form PKG APP.json [--now ISO-8601] [--lang en|zh] [--json OUT.json] [--xml OUT.xml]\n"
     "       [--eml OUT.eml [--attach FILE]... [--date ISO-8601] [--message-id ID@DOMAIN]]\n"
     "    write the application package as JSON and/or XML, and/or the e-mail to send (.eml) with\n"
     "    both packages and the attached files (each matched to its record by SHA-256)\n"},
    {"match",
     "match --form NEED_PKG --needs DIR|FILE --technologies DIR [--csv OUT.csv] [--json OUT.json]\n"
     "    rank technology entries against each need\n"},
    {"new-round",
     "new-round PKG --id NEW_ID --opens YYYY-MM-DD --closes YYYY-MM-DD [--version X.Y.Z] [--out DIR]\n"
     "    write the next round's package: id, version, round window, dated texts and worked examples moved\n"
     "    (DIR defaults to a folder named NEW_ID beside PKG)\n"},
};

void print_usage(std::FILE* to) {
  std::fputs("usage: greenapply <command> [options]    (greenapply <command> --help for one command)\n", to);
  std::fputs("       greenapply --version\n", to);
  for (const auto& c : kCommands) std::fprintf(to, "  %s", c.usage);
}

const CommandHelp* find_command(const std::string& name) {
  for (const auto& c : kCommands) {
    if (name == c.name) return &c;
  }
  return nullptr;
}

bool asks_for_help(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  const std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    print_usage(stdout);
    return 0;
  }
  if (command == "--version") {
    std::puts("greenapply " GREENAPPLY_VERSION);
    return 0;
  }
  if (const CommandHelp* help = find_command(command); help && asks_for_help(argc, argv)) {
    std::printf("usage: greenapply %s", help->usage);
    return 0;
  }
  greenapply::cli::Args args(argv + 2, argv + argc);
  try {
    if (command == "validate") return greenapply::cli::run_validate(args);
    if (command == "check") return greenapply::cli::run_check(args);
    if (command == "evaluate") return greenapply::cli::run_evaluate(args);
    if (command == "lint") return greenapply::cli::run_lint(args);
    if (command == "batch") return greenapply::cli::run_batch(args);
    if (command == "export") return greenapply::cli::run_export(args);
    if (command == "match") return greenapply::cli::run_match(args);
    if (command == "new-round") return greenapply::cli::run_new_round(args);
    std::fprintf(stderr, "greenapply: unknown command '%s' (try --help)\n", command.c_str());
    return 2;
  } catch (const greenapply::Failure& e) {  // UsageError and every failure of the core
    std::fprintf(stderr, "greenapply %s: %s\n", command.c_str(), e.what());
    return 2;
  } catch (const std::exception& e) {
    // Last line of defence: every command is meant to report its own errors; this keeps the
    // contract (one line, exit 2) even for an error nobody anticipated.
    std::fprintf(stderr, "greenapply %s: %s\n", command.c_str(), e.what());
    return 2;
  }
}
