// greenapply/json.hpp — the JSON value type of the whole core, its tools and its tests.
//
// nlohmann::basic_json with greenapply::sorted_map as its object type (see sorted_map.hpp for
// why). Everything nlohmann offers (parse, dump, json_pointer, get/to_json, the SAX interface)
// works on it unchanged; only nlohmann::json, the std::map flavour, is a different type, so code
// names greenapply::json and never nlohmann::json.
#pragma once

#include <nlohmann/json.hpp>

#include "greenapply/sorted_map.hpp"

namespace greenapply {

using json = nlohmann::basic_json<sorted_map>;

}  // namespace greenapply
