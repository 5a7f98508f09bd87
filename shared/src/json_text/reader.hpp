// The reader behind parse_json(): JSON text (RFC 8259, as nlohmann's parser accepts it) straight
// into greenapply::json, depth-bounded, with the place and kind of the first problem.
//
// Why our own and not nlohmann's parser: nlohmann stays the tree and the serialiser, but its
// lexer reads a character at a time through an input adapter and keeps every character twice
// (the token and the text of a possible error message). It was 455 M of the organiser's 1,709 M
// instructions for 1,000 applications; this reader builds the same tree in well under half the
// time (BENCHMARKS.md, 2026-12-06), and the page's wasm no longer carries nlohmann's parser.
// It accepts exactly the texts nlohmann accepts and builds the same tree, with the same kinds of
// number (unsigned, signed, double from strtod): reader_test.cpp and fuzz_json_text hold it to
// nlohmann's parser, both ways. Only the error words are ours.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "greenapply/json.hpp"

namespace greenapply::json_text_detail {

struct ReadFailure {
  std::size_t offset = 0;      // the byte where the text goes wrong (its size: it ended early)
  const char* key = "";        // json.syntax | json.depth | json.number_out_of_range
  std::string detail;          // English, for logs and the CLI
};

// true and `out` the value of `text`; or false, `failure` saying why (and `out` unspecified).
// Depth counts nested arrays and objects; deeper than max_depth is json.depth at the bracket.
bool read_json(std::string_view text, std::size_t max_depth, greenapply::json& out,
               ReadFailure& failure);

}  // namespace greenapply::json_text_detail
