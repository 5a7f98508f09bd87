// Resubmissions: the same applicant sending again until the deadline. The latest received
// inside the window counts; earlier ones (and ones after the deadline, when one inside it
// exists) are superseded. Two counting candidates received at the same time cannot be told
// apart: both stay ranked, flagged duplicate_applicant, for the organiser to decide.
#include <algorithm>
#include <map>
#include <numeric>
#include <string_view>

#include "round_internal.hpp"

namespace greenapply::round::detail {

using greenapply::json;

namespace {

void add_flag(json& row, const char* flag) {
  json& flags = row["flags"];
  if (std::find(flags.begin(), flags.end(), flag) == flags.end()) flags.push_back(flag);
}

bool is_late(const json& row) {
  const json& flags = row["flags"];
  return std::find(flags.begin(), flags.end(), "late") != flags.end();
}

}  // namespace

json settle_resubmissions(std::vector<json>& rows, const std::vector<std::string>& identity,
                          const std::vector<std::int64_t>& epoch, const AnswersOf& answers_of) {
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!identity[i].empty()) groups[identity[i]].push_back(i);
  // In order received; the order files were given breaks ties, so the result is stable. A group
  // of one is nobody's resubmission.
  for (auto it = groups.begin(); it != groups.end();) {
    if (it->second.size() < 2) {
      it = groups.erase(it);
      continue;
    }
    std::stable_sort(it->second.begin(), it->second.end(), [&](std::size_t a, std::size_t b) { return epoch[a] < epoch[b]; });
    ++it;
  }
  // What changed from one submission to the next is told from their answers; same-time copies
  // are not "next". Only those submissions' answers are asked for, all at once.
  std::vector<std::size_t> wanted;
  for (const auto& [key, members] : groups) {
    for (std::size_t k = 1; k < members.size(); ++k) {
      if (epoch[members[k - 1]] == epoch[members[k]]) continue;
      wanted.push_back(members[k - 1]);
      wanted.push_back(members[k]);
    }
  }
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  const std::vector<json> fetched = wanted.empty() ? std::vector<json>() : answers_of(wanted);
  auto answers = [&](std::size_t row) -> const json& {
    return fetched[static_cast<std::size_t>(std::lower_bound(wanted.begin(), wanted.end(), row) - wanted.begin())];
  };
  std::vector<bool> superseded(rows.size(), false);
  for (auto& [key, members] : groups) {
    std::vector<std::size_t> candidates;
    for (std::size_t i : members)
      if (!is_late(rows[i])) candidates.push_back(i);
    if (candidates.empty()) candidates = members;
    const std::int64_t latest = epoch[candidates.back()];
    std::vector<std::size_t> counted;
    for (std::size_t i : candidates)
      if (epoch[i] == latest) counted.push_back(i);
    for (std::size_t i : members) {
      if (std::find(counted.begin(), counted.end(), i) != counted.end()) continue;
      superseded[i] = true;
      add_flag(rows[i], "superseded");
      rows[i]["superseded_by"] = rows[counted.back()]["file"];
    }
    if (counted.size() > 1) {
      for (std::size_t i : counted) add_flag(rows[i], "duplicate_applicant");
    } else {
      add_flag(rows[counted.front()], "resubmitted");
    }
    for (std::size_t k = 1; k < members.size(); ++k) {
      const std::size_t prev = members[k - 1], cur = members[k];
      if (epoch[prev] == epoch[cur]) continue;
      json changes = field_changes(answers(prev), answers(cur), 100);
      changes["previous"] = rows[prev]["file"];
      rows[cur]["changes"] = std::move(changes);
    }
  }
  json out = json::array();
  std::vector<json> kept;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (superseded[i]) out.push_back(std::move(rows[i]));
    else kept.push_back(std::move(rows[i]));
  }
  rows = std::move(kept);
  return out;
}

void rank(std::vector<json>& rows) {
  // Each row's keys are read once, not at every comparison (a round sorts thousands of rows).
  struct Key {
    int group;
    double total;
    std::string_view file;
    std::size_t row;
  };
  static const std::string kNone;
  auto text = [](const json& r, std::string_view name) -> const std::string& {
    const auto it = r.find(name);
    return it != r.end() && it->is_string() ? it->get_ref<const std::string&>() : kNone;
  };
  std::vector<Key> keys;
  keys.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& r = rows[i];
    const std::string& v = text(r, "verdict");
    const int group = v == "eligible" ? 0 : v == "eligible_with_warnings" ? 1 : v == "ineligible" ? 2 : 3;
    const auto t = r.find(std::string_view("total"));
    const double total = t != r.end() && t->is_number() ? t->get<double>() : -1.0;
    keys.push_back({group, total, text(r, "file"), i});
  }
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    if (a.group != b.group) return a.group < b.group;
    if (a.total != b.total) return a.total > b.total;
    return a.file < b.file;
  });
  std::vector<json> ranked;
  ranked.reserve(rows.size());
  for (const Key& k : keys) ranked.push_back(std::move(rows[k.row]));
  rows = std::move(ranked);
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i]["rank"] = i + 1;
}

}  // namespace greenapply::round::detail
