// Helpers shared by the commands that evaluate applications (check, evaluate, batch).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "greenapply/form.hpp"
#include "package_files.hpp"

namespace greenapply::cli {

// The clock lives here, never in the core: "YYYY-MM-DDTHH:MM:SSZ".
std::string current_time_utc();
// An exported application package or a worked example carries the answers under "answers";
// a bare answers object is accepted too.
const nlohmann::json& answers_of(const nlohmann::json& app);
// Loads a package or throws UsageError naming the first problem (lint tells the rest).
form::FormPackage load_package_or_fail(const PackageFiles& files);

}  // namespace greenapply::cli
