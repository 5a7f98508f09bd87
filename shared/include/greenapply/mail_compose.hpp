// greenapply/mail_compose.hpp — writes an e-mail message file (.eml): RFC 5322 headers, MIME
// (RFC 2045-2047, 2231) multipart/mixed with a UTF-8 text body and base64 attachments.
//
// The applicant's page (wasm) and the CLI both call this, so the same inputs give the same
// bytes. The core has no clock and no randomness: the Date and Message-ID are arguments. The
// output is 7-bit ASCII with CRLF line ends: every header that carries other text is RFC 2047
// encoded, and every body part is base64 (lines of 76), so no mail server needs to re-encode it.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "greenapply/issue.hpp"

namespace greenapply::mail {

struct Attachment {
  std::string filename;      // UTF-8, as the applicant named it (Chinese names are fine)
  std::string content_type;  // e.g. "application/pdf"; content_type_for(filename) gives one
  std::string_view bytes;    // not owned: a 20 MB file is not copied before it is encoded
};

struct OutgoingMessage {
  std::string to;          // an address (addr-spec), ASCII
  std::string from;        // optional; an unsent draft may leave it to the mail program
  std::string subject;     // UTF-8
  std::string date;        // RFC 5322 date-time, e.g. "Sun, 30 Apr 2023 10:00:00 +0800"
  std::string message_id;  // the id without angle brackets: "abc@greenapply.invalid"
  std::string body;        // UTF-8 plain text, lines separated by "\n" (CRLF is added)
  bool unsent = true;      // X-Unsent: 1, so Outlook and others open it as a draft to send
  std::vector<Attachment> attachments;
};

// Thrown for an argument that cannot be written into a header safely (a CR or LF in the
// address, subject or id: header injection), or a malformed address or id.
struct MailError : Failure {
  MailError(std::string key, const std::string& what) : Failure(what, Issue{"", std::move(key)}) {}
};

// The whole message. Deterministic: the MIME boundary is derived from the Message-ID and uses
// "=_", which base64 never produces, so it cannot occur inside any part.
std::string compose(const OutgoingMessage& message);

// A header value as RFC 2047 encoded words ("=?UTF-8?B?...?="), each at most 75 characters and
// never splitting a UTF-8 character; plain ASCII text without "=?" is returned as is.
std::string encode_header_text(std::string_view utf8);

// The MIME type for a file name's extension (pdf, docx, xlsx, pptx, json, xml, png, jpg/jpeg,
// gif, webp, svg, txt, csv, zip); application/octet-stream otherwise.
std::string content_type_for(std::string_view filename);

// "Sun, 30 Apr 2023 10:00:00 +0800" for "2023-04-30T10:00:00+08:00" (the offset kept as
// written; "Z" becomes +0000). Throws MailError for text that is not an RFC 3339 date-time.
std::string rfc5322_date(std::string_view rfc3339);

}  // namespace greenapply::mail
