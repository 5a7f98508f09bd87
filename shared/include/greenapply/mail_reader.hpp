// greenapply/mail_reader.hpp — reading received e-mail: one RFC 5322 message (.eml) or a
// mailbox export (mbox), down to the files attached to it. Used by the organiser's round
// (greenapply/round.hpp) natively and in the browser, so both read a message the same way.
//
// Hostile input is expected (an inbox is written by strangers): nothing here throws on bad
// data. What could not be read is listed as message keys in Message::problems and the rest of
// the message is still read; only std::bad_alloc escapes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace greenapply::mail {

// A leaf of the MIME tree that carries a file.
struct AttachedFile {
  std::string name;          // decoded file name (RFC 2231 / RFC 2047), valid UTF-8; never empty
  std::string content_type;  // lower-case "type/subtype"
  std::string bytes;         // after the transfer encoding (base64, quoted-printable) is undone
};

struct Message {
  std::string from;     // decoded From header, valid UTF-8
  std::string subject;  // decoded Subject header, valid UTF-8
  std::string date;     // the Date header as RFC 3339 with its own offset; "" when absent or unreadable
  std::vector<AttachedFile> files;    // in the order they appear
  std::vector<std::string> problems;  // message keys, each at most once, e.g. "mail.truncated"
};

// Bounds on what one message may make us do; exceeding one is a problem, never a crash.
struct Limits {
  std::size_t max_depth = 12;     // nested multiparts ("mail.too_deep")
  std::size_t max_parts = 500;    // leaves of the MIME tree ("mail.too_many_parts")
  std::size_t max_header_bytes = 256 * 1024;  // one message's header block ("mail.header_too_long")
};

// Problem keys (texts in schemas/common/i18n/*.json):
//   mail.not_a_message        no header block at all
//   mail.header_too_long      the header block is over Limits::max_header_bytes
//   mail.truncated            a multipart without its closing boundary
//   mail.no_boundary          multipart without a boundary parameter
//   mail.too_deep             multiparts nested deeper than Limits::max_depth (the rest skipped)
//   mail.too_many_parts       more leaves than Limits::max_parts (the rest skipped)
//   mail.bad_base64           a base64 part that does not decode (the part is left out)
//   mail.charset_unsupported  an encoded word or file name in a charset other than UTF-8,
//                             US-ASCII, ISO-8859-1 or GB18030/GBK/GB2312; the undecodable text
//                             becomes U+FFFD
//   mail.bad_date             a Date header that is not RFC 5322
Message parse_message(std::string_view raw, const Limits& limits = {});

// Splits a mailbox export (mboxrd/mboxo, as Thunderbird writes) into its messages: each
// starts at a line "From " at the top of the file or after a line break; the separator line is
// dropped and one ">" is removed from body lines ">From ", ">>From "… (mboxrd quoting).
std::vector<std::string> split_mbox(std::string_view text);
// True when the text starts like a mailbox export ("From " on its first line).
bool looks_like_mbox(std::string_view text);

// Quoted-printable (RFC 2045 §6.7): "=XX" and soft line breaks; a malformed "=" is kept as it is.
std::string decode_quoted_printable(std::string_view text);

// A header value with RFC 2047 encoded words decoded to UTF-8 (B and Q encodings, adjacent
// words joined). Adds "mail.charset_unsupported" to problems for a charset it cannot decode.
std::string decode_header_text(std::string_view value, std::vector<std::string>& problems);

// Bytes in a charset → UTF-8: utf-8, us-ascii, iso-8859-1 (latin1), and gb18030 with its
// subsets gbk and gb2312 (the WHATWG Encoding Standard's labels and decoder: what Chinese mail
// programs write subjects and file names in). Bytes that map to nothing become U+FFFD. nullopt
// for any other charset.
std::optional<std::string> charset_to_utf8(std::string_view bytes, std::string_view charset);

// The text with every invalid UTF-8 sequence replaced by U+FFFD, so it can go into JSON.
std::string valid_utf8(std::string_view bytes);

// An RFC 5322 date ("Tue, 25 Apr 2023 09:30:00 +0800", obsolete zones such as GMT and EST
// included) as RFC 3339 at its own offset ("2023-04-25T09:30:00+08:00"); nullopt when unreadable.
std::optional<std::string> date_to_rfc3339(std::string_view date);

}  // namespace greenapply::mail
