// greenapply/digest.hpp — SHA-256 (FIPS 180-4), so the page (wasm) and the organiser's batch
// (native) compute the same fingerprint of an application's answers from the same canonical
// bytes. Web Crypto would do it in the page, but then the canonical form would have to be
// re-implemented in JavaScript; one implementation in the core keeps them equal by construction.
#pragma once

#include <string>
#include <string_view>

#include "greenapply/json.hpp"

namespace greenapply {

// Lower-case hex SHA-256 of bytes.
std::string sha256_hex(std::string_view bytes);

// The canonical text of a JSON value: nlohmann's compact dump, as write_json writes it (object
// keys sorted, shortest round-trip numbers, UTF-8 kept as is). Identical natively and in wasm.
std::string canonical_json(const greenapply::json& value);

}  // namespace greenapply
