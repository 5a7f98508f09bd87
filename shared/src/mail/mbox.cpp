// Mailbox exports (mboxrd / mboxo, RFC 4155); see greenapply/mail_reader.hpp.
#include "greenapply/mail_reader.hpp"

namespace greenapply::mail {
namespace {

// ">From ", ">>From "…: one quoting ">" to remove (mboxrd).
bool is_quoted_from(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] == '>') ++i;
  return i > 0 && line.compare(i, 5, "From ") == 0;
}

}  // namespace

bool looks_like_mbox(std::string_view text) { return text.rfind("From ", 0) == 0; }

std::vector<std::string> split_mbox(std::string_view text) {
  std::vector<std::string> messages;
  std::string* current = nullptr;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = text.find('\n', pos);
    const std::size_t next = eol == std::string_view::npos ? text.size() : eol + 1;
    const std::string_view line = text.substr(pos, next - pos);  // with its line break
    if (line.rfind("From ", 0) == 0) {
      // The separator's blank line before it belongs to the separator, not the message.
      if (current && !current->empty() && current->back() == '\n') {
        current->pop_back();
        if (!current->empty() && current->back() == '\r') current->pop_back();
        if (!current->empty() && current->back() != '\n') *current += '\n';
      }
      messages.emplace_back();
      current = &messages.back();
    } else {
      if (!current) {  // text before the first separator: a message of its own
        messages.emplace_back();
        current = &messages.back();
      }
      if (is_quoted_from(line)) {
        current->append(line.substr(1));
      } else {
        current->append(line);
      }
    }
    pos = next;
  }
  return messages;
}

}  // namespace greenapply::mail
