// The organiser's e-mail reader on hostile input: any bytes as one message and as a mailbox.
// Must never crash, hang or read out of bounds; every name it returns must be valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "greenapply/mail_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto m = greenapply::mail::parse_message(text);
  for (const auto& f : m.files)
    if (greenapply::mail::valid_utf8(f.name) != f.name) __builtin_trap();
  if (greenapply::mail::valid_utf8(m.subject) != m.subject) __builtin_trap();
  for (const auto& one : greenapply::mail::split_mbox(text)) (void)greenapply::mail::parse_message(one);
  (void)greenapply::mail::decode_quoted_printable(text);
  (void)greenapply::mail::date_to_rfc3339(text);
  return 0;
}
