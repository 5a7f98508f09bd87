// Internal to the round module: the steps check_round is made of, each testable on its own.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "greenapply/json.hpp"

namespace greenapply::round::detail {

// RFC 3339 date-time ("2023-04-25T09:30:00+08:00", "…Z", fractions ignored) → seconds since
// 1970 UTC, or nullopt.
std::optional<std::int64_t> epoch_seconds(std::string_view rfc3339);

// Every leaf of two answer documents that differs, by JSON pointer, at most `limit` listed:
// {"fields": [{"pointer", "before", "after"}], "more": n}. A missing side is null.
greenapply::json field_changes(const greenapply::json& before, const greenapply::json& after, std::size_t limit);

// One file available to verify attachments against: its name and SHA-256.
struct AvailableFile {
  std::string name;
  std::string sha256;
};
// Every attachment record in the answers (an object with a "name" and a "sha256" string),
// checked against the files available: verified (same digest), altered (a file of that name,
// another digest), missing. [{"name", "sha256", "pointer", "status"}]
greenapply::json verify_attachments(const greenapply::json& answers, const std::vector<AvailableFile>& available);

// The submitted answers of the rows asked for (row indexes, ascending), in that order.
using AnswersOf = std::function<std::vector<greenapply::json>(const std::vector<std::size_t>& rows)>;

// Groups submissions of the same applicant and decides which counts (see round.hpp):
// moves superseded rows out of `rows` into the returned array, adding flags, superseded_by and
// changes. `identity[i]` is rows[i]'s applicant key ("" = not grouped), `epoch[i]` its
// received time. The answers are asked for once, for the submissions whose changes are told
// (each one followed by a later one of the same applicant), which are few in a round.
greenapply::json settle_resubmissions(std::vector<greenapply::json>& rows, const std::vector<std::string>& identity,
                                    const std::vector<std::int64_t>& epoch, const AnswersOf& answers_of);

// Ranking order: eligible, eligible with warnings, ineligible, unreadable; then total (highest
// first), then file name. Numbers the rows from 1.
void rank(std::vector<greenapply::json>& rows);

}  // namespace greenapply::round::detail

namespace greenapply::round::detail {

// & < > " ' as entities: everything an applicant wrote goes through this before it is HTML.
std::string html_escape(std::string_view text);

// A labelled quantity for a chart; the label is HTML already (escaped, perhaps two languages).
struct Bar {
  std::string label_html;
  std::string label_text;  // plain, for the chart's accessible name
  double value = 0;
};

// Inline SVG charts, made here so the report needs no library and makes no request. Each is
// an <svg role="img"> with a <title>; `title` is plain text (escaped here).
// Vertical bars: how many of `values` fall in each of `bins` equal bins over [0, max].
std::string svg_histogram(const std::vector<double>& values, double max, int bins, const std::string& title);
// Horizontal bars, one per entry, with its count.
std::string svg_bars(const std::vector<Bar>& bars, const std::string& title);
// A funnel: centred bars narrowing from the first step, each with its count and share of the first.
std::string svg_funnel(const std::vector<Bar>& steps, const std::string& title);

}  // namespace greenapply::round::detail
