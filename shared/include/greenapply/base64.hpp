// greenapply/base64.hpp — Base64 (RFC 4648 §4) for MIME: the applicant's e-mail file carries
// the package and the attached files base64-encoded, and the organiser's reader decodes them.
// One home for both directions so a message the page writes is read back by the same rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace greenapply {

// Standard alphabet with '=' padding. line_length > 0 inserts CRLF every line_length output
// characters (MIME bodies use 76, RFC 2045 §6.8); 0 writes one line.
std::string base64_encode(std::string_view bytes, std::size_t line_length = 0);
// The same, appended to `out`: the e-mail writer encodes a 20 MB attachment straight into the
// message instead of into a temporary string first.
void base64_encode_to(std::string& out, std::string_view bytes, std::size_t line_length = 0);

// Decodes the standard alphabet. Whitespace (space, tab, CR, LF) is skipped, as RFC 2045 asks
// of a MIME body. Missing padding is accepted; any other character, or data after the padding,
// gives nullopt, so a damaged attachment is reported rather than silently shortened.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace greenapply
