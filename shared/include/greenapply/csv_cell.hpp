// greenapply/csv_cell.hpp — one cell of a CSV file a spreadsheet opens: the organiser's ranking
// (round_csv) and the CLI's match table write their cells with these, so the quoting and the
// formula guard are one piece of code.
#pragma once

#include <string>
#include <string_view>

#include "greenapply/json.hpp"

namespace greenapply {

// Quoted, inner quotes doubled, and a leading = + - @ neutralised with an apostrophe so a
// spreadsheet never runs an applicant's text as a formula. Appended to `out`.
inline void append_csv_cell(std::string& out, std::string_view v) {
  out += '"';
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) out += '\'';
  for (std::size_t quote; (quote = v.find('"')) != std::string_view::npos; v.remove_prefix(quote + 1)) {
    out.append(v.data(), quote + 1);
    out += '"';
  }
  out += v;
  out += '"';
}

// The text of a JSON value in a cell: a string as it is, null as nothing, anything else as
// JSON. Appended to `out`.
inline void append_cell_text(std::string& out, const greenapply::json& v) {
  if (v.is_null()) return;
  if (v.is_string()) out += v.get_ref<const std::string&>();
  else out += v.dump();
}

}  // namespace greenapply
