// The round as CSV that Excel opens with Chinese text intact: a UTF-8 byte order mark (without
// it Excel reads the file in the machine's ANSI code page), CRLF, every cell quoted.
#include <string_view>

#include "greenapply/csv_cell.hpp"
#include "greenapply/round.hpp"

namespace greenapply::round {

using greenapply::json;

namespace {

const json& member(const json& row, std::string_view name) {
  static const json kNull;
  if (!row.is_object()) return kNull;
  const auto it = row.find(name);
  return it == row.end() ? kNull : *it;
}

void append_cell_of(std::string& out, const json& v) {
  if (v.is_string()) return append_csv_cell(out, v.get_ref<const std::string&>());
  std::string t;
  append_cell_text(t, v);
  append_csv_cell(out, t);
}

// A list as one cell, its items separated by spaces; attachments as "name" or "name:status".
void append_joined(std::string& out, const json& list, const char* name = nullptr) {
  std::string t;
  if (list.is_array()) {
    for (const auto& x : list) {
      const std::size_t before = t.size();
      if (name && x.is_object() && x.contains("status")) {
        append_cell_text(t, member(x, "name"));
        t += ':';
        append_cell_text(t, member(x, "status"));
      } else {
        append_cell_text(t, name ? member(x, name) : x);
      }
      if (before > 0) t.insert(before, 1, ' ');
    }
  }
  append_csv_cell(out, t);
}

}  // namespace

std::string round_csv(const json& round) {
  const json& dims = member(round, "dimensions");
  std::string csv = "\xEF\xBB\xBF";
  csv += "rank,file,applicant,form,version,verdict,window,reasons,errors";
  if (dims.is_array()) {
    for (const auto& d : dims) {
      csv += ',';
      append_cell_text(csv, d);
    }
  }
  csv += ",total,band,flags,problem,received_at,received_from,track,attachments,superseded_by\r\n";
  auto write = [&](const json& r) {
    for (const char* name : {"rank", "file", "applicant", "form", "version", "verdict", "window"}) {
      append_cell_of(csv, member(r, name));
      csv += ',';
    }
    append_joined(csv, member(r, "reasons"));
    csv += ',';
    append_cell_of(csv, member(r, "errors"));
    const json& scores = member(r, "dimensions");
    if (dims.is_array()) {
      for (const auto& d : dims) {
        csv += ',';
        if (!scores.is_object()) {
          append_csv_cell(csv, std::string_view());
          continue;
        }
        std::string name;
        append_cell_text(name, d);
        const auto it = scores.find(name);
        append_cell_of(csv, it == scores.end() ? json() : *it);
      }
    }
    for (const char* name : {"total", "band"}) {
      csv += ',';
      append_cell_of(csv, member(r, name));
    }
    csv += ',';
    append_joined(csv, member(r, "flags"));
    for (const char* name : {"problem", "received_at", "received_from", "track"}) {
      csv += ',';
      append_cell_of(csv, member(r, name));
    }
    csv += ',';
    append_joined(csv, member(r, "attachments"), "name");
    csv += ',';
    append_cell_of(csv, member(r, "superseded_by"));
    csv += "\r\n";
  };
  for (const char* list : {"ranking", "superseded"}) {
    const json& rows = member(round, list);
    if (rows.is_array())
      for (const auto& r : rows) write(r);
  }
  return csv;
}

}  // namespace greenapply::round
