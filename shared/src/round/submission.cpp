// submission_answers: a row's source → the answers it carried. See greenapply/round_submission.hpp.
#include <stdexcept>

#include "greenapply/json_text.hpp"
#include "greenapply/mail_reader.hpp"
#include "greenapply/match.hpp"
#include "greenapply/round_submission.hpp"
#include "greenapply/xml.hpp"

namespace greenapply::round {

using greenapply::json;

namespace {

bool is_xml(const std::string& name, const std::string& content_type = "") {
  std::string n = name;
  for (auto& c : n) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return (n.size() >= 4 && n.compare(n.size() - 4, 4, ".xml") == 0) || content_type == "application/xml" ||
         content_type == "text/xml";
}

json answers_in(const std::string& bytes, bool xml) {
  const json doc = xml ? xml::from_xml(bytes) : parse_json(bytes);
  return match::answers_of(doc);
}

}  // namespace

json submission_answers(const std::vector<ReceivedFile>& files, const json& source) {
  if (!source.is_object() || !source.contains("file") || !source["file"].is_string())
    throw std::invalid_argument("source: expected {file, message?, part?}");
  const std::string file = source["file"].get<std::string>();
  const ReceivedFile* found = nullptr;
  for (const auto& f : files)
    if (f.name == file) found = &f;
  if (!found) throw std::invalid_argument(file + ": not among the files received");
  // Any file's bytes may be given only when asked for: the one the source names is read here.
  std::string given;
  if (found->read) given = found->read();
  const std::string& bytes = found->read ? given : found->bytes;
  const std::string part = source.contains("part") && source["part"].is_string() ? source["part"].get<std::string>() : "";
  // A package received as a file of its own.
  if (part.empty() && !source.contains("message")) return answers_in(bytes, is_xml(file));
  // An e-mail: the whole file, or the N-th message of a mailbox (1-based, as check_round counts).
  std::string raw;
  if (source.contains("message")) {
    const auto messages = mail::split_mbox(bytes);
    const json& index = source["message"];
    const long long n = index.is_number_integer() ? index.get<long long>() : 0;
    if (n < 1 || static_cast<std::size_t>(n) > messages.size())
      throw std::invalid_argument(file + ": no message " + index.dump());
    raw = messages[static_cast<std::size_t>(n) - 1];
  } else {
    raw = bytes;
  }
  const mail::Message m = mail::parse_message(raw);
  for (const auto& f : m.files)
    if (f.name == part) return answers_in(f.bytes, is_xml(f.name, f.content_type));
  throw std::invalid_argument(file + ": no attached package named " + part);
}

}  // namespace greenapply::round
