#include <emscripten/bind.h>
#include "greenapply/json_text.hpp"
std::string version() { return GREENAPPLY_VERSION; }
int depth_ok(std::string s) { try { greenapply::parse_json(s); return 1; } catch (const greenapply::JsonTextError& e) { return -1; } }
EMSCRIPTEN_BINDINGS(g) { emscripten::function("version", &version); emscripten::function("depthOk", &depth_ok); }
