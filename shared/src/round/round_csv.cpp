// The round as CSV that Excel opens with Chinese text intact: a UTF-8 byte order mark (without
// it Excel reads the file in the machine's ANSI code page), CRLF, every cell quoted.
#include "greenapply/round.hpp"

namespace greenapply::round {

using nlohmann::json;

namespace {

// A cell's text: a string as it is, null as nothing, anything else as JSON.
std::string text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

// Quoted, inner quotes doubled, and a leading = + - @ neutralised with an apostrophe so a
// spreadsheet never runs an applicant's text as a formula (numbers are written unsigned or
// come from the engine, so only text can start that way).
std::string cell(const std::string& s) {
  std::string v = s;
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = "'" + v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += "\"\"";
    else out += c;
  }
  return out + "\"";
}

std::string joined(const json& list, const char* member = nullptr) {
  std::string out;
  if (!list.is_array()) return out;
  for (const auto& x : list) {
    std::string t = member ? text(x.value(member, json())) : text(x);
    if (member && x.is_object() && x.contains("status")) t = text(x["name"]) + ":" + text(x["status"]);
    out += (out.empty() ? "" : " ") + t;
  }
  return out;
}

const json& member(const json& row, const char* name) {
  static const json kNull;
  const auto it = row.find(name);
  return it == row.end() ? kNull : *it;
}

}  // namespace

std::string round_csv(const json& round) {
  const json dims = round.value("dimensions", json::array());
  std::string csv = "\xEF\xBB\xBF";
  std::string header = "rank,file,applicant,form,version,verdict,window,reasons,errors";
  for (const auto& d : dims) header += "," + text(d);
  header += ",total,band,flags,problem,received_at,received_from,track,attachments,superseded_by";
  csv += header + "\r\n";
  auto write = [&](const json& r) {
    std::string line = cell(text(member(r, "rank"))) + "," + cell(text(member(r, "file"))) + "," +
                       cell(text(member(r, "applicant"))) + "," + cell(text(member(r, "form"))) + "," +
                       cell(text(member(r, "version"))) + "," + cell(text(member(r, "verdict"))) + "," +
                       cell(text(member(r, "window"))) + "," + cell(joined(member(r, "reasons"))) + "," +
                       cell(text(member(r, "errors")));
    const json& scores = member(r, "dimensions");
    for (const auto& d : dims)
      line += "," + cell(scores.is_object() ? text(scores.value(text(d), json())) : std::string());
    line += "," + cell(text(member(r, "total"))) + "," + cell(text(member(r, "band"))) + "," +
            cell(joined(member(r, "flags"))) + "," + cell(text(member(r, "problem"))) + "," +
            cell(text(member(r, "received_at"))) + "," + cell(text(member(r, "received_from"))) + "," +
            cell(text(member(r, "track"))) + "," + cell(joined(member(r, "attachments"), "name")) + "," +
            cell(text(member(r, "superseded_by")));
    csv += line + "\r\n";
  };
  for (const auto& r : round.value("ranking", json::array())) write(r);
  for (const auto& r : round.value("superseded", json::array())) write(r);
  return csv;
}

}  // namespace greenapply::round
