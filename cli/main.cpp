// greenapply — native command: dispatch only. Each subcommand lives in commands/<name>.cpp.
#include <cstdio>
#include <exception>
#include <string>

#include "commands/commands.hpp"
#include "io.hpp"

namespace {

constexpr const char* kUsage =
    "usage: greenapply <command> [options]\n"
    "  validate --schema S.json (--instance I.json | --instances ARRAY.json) [--remotes DIR] [--refs DIR] [--output basic]\n"
    "  lint [PACKAGE_DIR...]                    check form packages (default: schemas/*)\n"
    "  check --form PKG APP.json [--now ISO-8601] [--lang en|zh] [--json]\n"
    "  evaluate --form PKG --cases CASES.json   machine output: one evaluation JSON per line\n"
    "  batch --form PKG DIR [--csv OUT.csv] [--json OUT.json] [--now ISO-8601]\n"
    "  export --form PKG APP.json --xml OUT.xml  write the application package as XML\n"
    "  match --form NEED_PKG --needs DIR|FILE --technologies DIR [--csv OUT.csv] [--json OUT.json]\n"
    "                                           rank technology entries against each need\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  const std::string command = argv[1];
  greenapply::cli::Args args(argv + 2, argv + argc);
  try {
#ifdef GREENAPPLY_HAS_VALIDATE
    if (command == "validate") return greenapply::cli::run_validate(args);
#endif
#ifdef GREENAPPLY_HAS_CHECK
    if (command == "check") return greenapply::cli::run_check(args);
#endif
#ifdef GREENAPPLY_HAS_EVALUATE
    if (command == "evaluate") return greenapply::cli::run_evaluate(args);
#endif
#ifdef GREENAPPLY_HAS_LINT
    if (command == "lint") return greenapply::cli::run_lint(args);
#endif
#ifdef GREENAPPLY_HAS_BATCH
    if (command == "batch") return greenapply::cli::run_batch(args);
#endif
#ifdef GREENAPPLY_HAS_EXPORT
    if (command == "export") return greenapply::cli::run_export(args);
#endif
#ifdef GREENAPPLY_HAS_MATCH
    if (command == "match") return greenapply::cli::run_match(args);
#endif
    if (command == "--help" || command == "-h" || command == "help") {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (command == "--version") {
      std::puts("greenapply " GREENAPPLY_VERSION);
      return 0;
    }
    std::fprintf(stderr, "greenapply: unknown command '%s' (try --help)\n", command.c_str());
    return 2;
  } catch (const greenapply::cli::UsageError& e) {
    std::fprintf(stderr, "greenapply %s: %s\n", command.c_str(), e.what());
    return 2;
  } catch (const std::exception& e) {
    // Last line of defence: every command is meant to report its own errors; this keeps the
    // contract (one line, exit 2) even for an error nobody anticipated.
    std::fprintf(stderr, "greenapply %s: %s\n", command.c_str(), e.what());
    return 2;
  }
}
