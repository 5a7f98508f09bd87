// Reads a form package folder into the bundle the core takes (see greenapply/form.hpp).
// The common texts come from the schemas/common folder next to the package.
#pragma once

#include <string>

#include "greenapply/json.hpp"

namespace greenapply::cli {

struct PackageFiles {
  std::string dir;          // the package folder, without a trailing slash
  greenapply::json bundle;    // everything the core needs (examples included)
  std::string common_dir;   // the schemas/common folder used
};

// Throws UsageError (one line: which file, what is wrong) when a file is missing or malformed.
PackageFiles read_package(const std::string& dir);

// The JSON Schema of package files (schemas/form-package.schema.json beside the package), or
// null when there is none.
greenapply::json read_package_schema(const PackageFiles& pkg);

}  // namespace greenapply::cli
