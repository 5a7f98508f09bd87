// Helpers shared by the commands that evaluate applications (check, evaluate, batch).
#pragma once

#include <string>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/form.hpp"
#include "package_files.hpp"

namespace greenapply::cli {

// The clock lives here, never in the core: "YYYY-MM-DDTHH:MM:SSZ".
std::string current_time_utc();
// An exported application package or a worked example carries the answers under "answers";
// a bare answers object is accepted too (the core's rule: greenapply::match::answers_of).
const greenapply::json& answers_of(const greenapply::json& app);
// Every .json and .xml file in a folder and its sub-folders, in name order.
std::vector<std::string> application_files(const std::string& dir);
// An application file: XML (docs/xml.md) when its name ends in ".xml", JSON otherwise. Throws
// (UsageError, JsonTextError, xml errors) when it cannot be read.
greenapply::json read_application(const std::string& path);
// Loads a package or throws UsageError naming the first problem (lint tells the rest).
form::FormPackage load_package_or_fail(const PackageFiles& files);

}  // namespace greenapply::cli
