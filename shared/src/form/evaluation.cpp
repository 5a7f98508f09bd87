#include "evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "greenapply/calendar.hpp"
#include "greenapply/issue_json.hpp"
#include "pointer.hpp"
#include "value_bridge.hpp"

namespace greenapply::form {

using greenapply::json;

namespace {

// Adds a member to a fresh object in place (a new key; an existing one is left as it is): the
// result is built this way rather than from initializer lists, each of which builds a
// two-element array per member and copies it into the object. The callers put members in key
// order: greenapply::json keeps an object's members sorted in one vector, so a key in order is
// appended, and one out of order moves every member after it.
void put(json& obj, const char* key, json value) {
  obj.get_ref<json::object_t&>().emplace(key, std::move(value));
}

bool is_filled(const json* v) {
  if (!v || v->is_null()) return false;
  if (v->is_string()) return !v->get_ref<const std::string&>().empty();
  if (v->is_array() || v->is_object()) return !v->empty();
  return true;
}

// Scores are reported to 2 decimals, half away from zero, after summing at full precision.
double round2(double x) { return greenapply::round_to(x, 2); }

// True when the pattern of a concrete pointer (its array indexes read as "*") equals the field
// pattern `field` or lies below it; token by token, without building the pattern.
bool pattern_within(std::string_view pointer, std::string_view field) {
  const std::size_t pn = pointer.size(), fn = field.size();
  std::size_t i = 0, j = 0;  // both at a '/' (or the end) of their pointer
  while (j < fn) {
    if (i >= pn || pointer[i] != '/' || field[j] != '/') return false;
    ++i;
    ++j;
    const std::size_t start = i;
    bool digits = true;
    for (; i < pn && pointer[i] != '/'; ++i) digits &= pointer[i] >= '0' && pointer[i] <= '9';
    digits &= i > start;
    if (digits) {  // an array index: only "*" matches it
      if (j >= fn || field[j] != '*' || (j + 1 < fn && field[j + 1] != '/')) return false;
      ++j;
      continue;
    }
    for (std::size_t k = start; k < i; ++k, ++j) {
      if (j >= fn || field[j] != pointer[k]) return false;
    }
    if (j < fn && field[j] != '/') return false;
  }
  return true;
}

}  // namespace

void Evaluation::add_issue(std::string pointer, std::string key, json params, Severity severity,
                           const char* source) {
  issues_.push_back({Issue{std::move(pointer), std::move(key), std::move(params), severity}, source});
}

std::size_t Evaluation::error_count() const {
  return static_cast<std::size_t>(std::count_if(issues_.begin(), issues_.end(),
                                                [](const SourcedIssue& i) { return i.issue.severity == Severity::error; }));
}

// Rank of the layout field an issue belongs to (the deepest field whose pattern contains it; of
// equally deep ones, the last), so the error summary lists problems in the order the form shows
// the fields. Only the fields of the issue's own section can contain it, and those whose pointer
// has no literal first token.
std::size_t Evaluation::field_rank(const std::string& pointer) const {
  std::size_t best = d_.fields.size();
  std::size_t best_len = 0;
  auto consider = [&](std::string_view section) {
    const auto group = d_.fields_by_section.find(section);
    if (group == d_.fields_by_section.end()) return;
    for (const std::size_t i : group->second) {
      const std::string& p = d_.fields[i].pointer;
      if (p.empty() || p.size() < best_len) continue;
      if (p.size() == best_len && best != d_.fields.size() && i < best) continue;
      if (pattern_within(pointer, p)) {
        best = i;
        best_len = p.size();
      }
    }
  };
  consider(first_token(pointer));
  consider("");
  return best;
}

// A schema error's message: the package's own text for this field and keyword when it has one
// ("<field>.error.<keyword>", e.g. "owner.contact_phone.error.pattern": what to enter, with an
// example), else the engine's generic text for the key. The key reported stays the generic one
// either way: tools and worked examples match on it, the text is only for the applicant.
// Between the two, a generic text for the field's widget ("<key>.<widget>") when the texts have one.
// The field text is looked up in the evaluation's language only: a package without it there
// gets the generic text in that language rather than a field text in another language.
std::string Evaluation::message_of(const SourcedIssue& sourced, std::size_t rank) const {
  static constexpr std::string_view kSchemaPrefix = "schema.";
  const Issue& issue = sourced.issue;
  const std::string& key = issue.message_key;
  if (std::string_view(sourced.source) == "schema" && key.size() > kSchemaPrefix.size() &&
      key.compare(0, kSchemaPrefix.size(), kSchemaPrefix) == 0) {
    const std::string field = field_text_key(issue.location);
    if (!field.empty()) {
      const std::string own = field + ".error." + key.substr(kSchemaPrefix.size());
      if (texts_.has_package_text(own)) return texts_.text(own, issue.params);
    }
    // Then the generic text for the kind of control the field is, when there is one
    // ("schema.maxItems.checkboxes": "Choose at most 3", not "Enter at most 3 entries"):
    // the same keyword asks for a different action on a list of boxes than on a text box.
    if (rank < d_.fields.size() && !d_.fields[rank].widget.empty()) {
      const std::string by_widget = key + "." + d_.fields[rank].widget;
      if (texts_.has(by_widget)) return texts_.text(by_widget, issue.params);
    }
  }
  return texts_.text(key, issue.params);
}

json Evaluation::sorted_issues() const {
  std::vector<std::pair<std::size_t, const SourcedIssue*>> ranked;
  ranked.reserve(issues_.size());
  for (const auto& i : issues_) ranked.emplace_back(field_rank(i.issue.location), &i);
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return a.second->issue.location < b.second->issue.location;
  });
  json out = json::array();
  for (const auto& [rank, i] : ranked) {
    json e = to_json(i->issue);
    put(e, "message", message_of(*i, rank));
    put(e, "source", i->source);
    out.push_back(std::move(e));
  }
  return out;
}

// A calendar day as the applicant reads it, by the texts: "date.format" with {day}, {month}
// (the text "date.month.<1-12>") and {year} — "30 April 2023", "2023年4月30日".
std::string Evaluation::day_text(std::int64_t days) const {
  if (!texts_.has("date.format")) return format_date(days);
  int y = 0;
  unsigned m = 0, dd = 0;
  greenapply::calendar::civil_from_days(days, y, m, dd);
  return texts_.text("date.format", {{"day", dd}, {"month", texts_.text("date.month." + std::to_string(m))}, {"year", y}});
}

// The round's dates and the window's message, in the evaluation's language, beside the window
// out["window"] already holds.
void Evaluation::window_texts(json& out) const {
  if (!d_.round) {
    out["window_message"] = texts_.text("eligibility.window.rolling");
    return;
  }
  const Round& r = *d_.round;
  json params = {{"opens", format_instant(r.opens, r.offset_minutes)},
                 {"closes_before", format_instant(r.closes_before, r.offset_minutes)},
                 {"deadline", format_date(r.deadline_day)},
                 {"time_zone", r.time_zone}};
  out["round"] = params;
  // The message speaks the applicant's language: dates written out, the zone by its name
  // ("Beijing time"); "round" above keeps the machine forms.
  const std::int64_t opens_local = r.opens.epoch_seconds + static_cast<std::int64_t>(r.offset_minutes) * 60;
  const std::int64_t opens_day = local_day(r.opens, r.offset_minutes);
  const std::int64_t opens_secs = opens_local - opens_day * 86400;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", static_cast<int>(opens_secs / 3600), static_cast<int>(opens_secs / 60 % 60));
  const std::string zone_key = "time_zone." + r.time_zone;
  const std::string opens_text = texts_.has("date.date_time")
                                     ? texts_.text("date.date_time", {{"date", day_text(opens_day)}, {"time", clock}})
                                     : format_instant(r.opens, r.offset_minutes);
  const json shown = {{"opens", opens_text},
                      {"closes_before", params["closes_before"]},
                      {"deadline", day_text(r.deadline_day)},
                      {"time_zone", texts_.has(zone_key) ? texts_.text(zone_key) : r.time_zone}};
  out["window_message"] = texts_.text("eligibility.window." + out["window"].get<std::string>(), shown);
}

json Evaluation::eligibility(Scope& scope, const Instant& now, const json& submitted) const {
  json out = json::object();
  if (d_.round) {
    const Round& r = *d_.round;
    out["window"] = now.epoch_seconds < r.opens.epoch_seconds          ? "before"
                    : now.epoch_seconds >= r.closes_before.epoch_seconds ? "closed"
                                                                        : "open";
    // Seconds left, for the page's countdown (the page formats it; the core has no clock).
    out["seconds_to_open"] = std::max<std::int64_t>(0, r.opens.epoch_seconds - now.epoch_seconds);
    out["seconds_to_close"] = std::max<std::int64_t>(0, r.closes_before.epoch_seconds - now.epoch_seconds);
  } else {
    out["window"] = "rolling";
  }
  if (with_texts_) window_texts(out);

  bool blocked = false;
  bool warned = false;
  json reasons = json::array();
  for (const auto& c : d_.checks) {
    if (is_true(scope.run(c.assertion))) continue;
    (c.hard ? blocked : warned) = true;
    const std::string key = "eligibility." + c.id;
    json reason = json::object();
    put(reason, "id", c.id);
    if (with_texts_) put(reason, "message", texts_.text(key));
    put(reason, "message_key", key);
    put(reason, "severity", c.hard ? "block" : "warn");
    reasons.push_back(std::move(reason));
  }
  json attachments = json::array();
  for (const auto& a : d_.attachments) {
    const bool required = !a.required_when || is_true(scope.run(*a.required_when));
    const json* record = find_at(submitted, a.pointer);
    const bool provided = record && record->is_object() && is_filled(record) &&
                          record->contains("name") && is_filled(&(*record)["name"]);
    // The field's label names the attachment: "<section>.<field>.label".
    const std::string name = with_texts_ ? texts_.text(field_text_key(a.pointer) + ".label") : std::string();
    if (with_texts_) {
      json attachment = json::object();
      put(attachment, "id", a.id);
      put(attachment, "name", name);
      put(attachment, "pointer", a.pointer);
      put(attachment, "provided", provided);
      put(attachment, "required", required);
      attachments.push_back(std::move(attachment));
    }
    if (required && !provided) {
      blocked = true;
      json reason = json::object();
      put(reason, "id", a.id);
      if (with_texts_) {
        json params = json::object();
        put(params, "name", name);
        put(reason, "message", texts_.text("eligibility.attachment_missing", params));
      }
      put(reason, "message_key", "eligibility.attachment_missing");
      put(reason, "severity", "block");
      reasons.push_back(std::move(reason));
    }
  }
  // The answers judged against the rules alone: what the self-assessment says in any window.
  const std::string criteria = blocked ? "ineligible" : warned ? "eligible_with_warnings" : "eligible";
  out["criteria_verdict"] = criteria;
  // After the window closes nothing can be sent, so the verdict itself says so ("closed"), and
  // its message carries the self-assessment of the answers after it rather than a plain
  // "Eligible" beside a separate closed line. Before opening the answers can still be sent
  // later: the verdict stays the criteria's.
  const bool closed = out["window"] == "closed";
  out["verdict"] = closed ? "closed" : criteria;
  out["reasons"] = std::move(reasons);
  if (!with_texts_) return out;
  const std::string criteria_message = texts_.text("eligibility.verdict." + criteria);
  if (closed) {
    json params = out["round"];
    params["deadline"] = day_text(d_.round->deadline_day);
    const std::string zone_key = "time_zone." + d_.round->time_zone;
    params["time_zone"] = texts_.has(zone_key) ? texts_.text(zone_key) : d_.round->time_zone;
    params["criteria"] = criteria_message;
    out["verdict_message"] = texts_.text("eligibility.verdict.closed", params);
  } else {
    out["verdict_message"] = criteria_message;
  }
  out["attachments"] = std::move(attachments);
  return out;
}

// The total and band come from the dimensions in the total, their weights scaled to 100. A
// dimension marked "in_total": false is scored the same way but reported apart, under
// "indicators", on its own 0-100 scale with a note that it is not part of the evaluation
// (Bluetech's carbon impact: the award evaluates five dimensions; the programme still wants
// the applicant to see it). Its advice stays with it, since it gains the total nothing.
json Evaluation::score(Scope& scope) const {
  json out = json::object();
  if (d_.dimensions.empty()) return json();
  double enabled_weight = 0;
  for (const auto& dim : d_.dimensions) {
    if (dim.enabled && dim.in_total) enabled_weight += dim.weight;
  }
  const double scale = enabled_weight > 0 ? 100.0 / enabled_weight : 0.0;
  double total = 0;
  json dims = json::array();
  json indicators = json::array();
  json crits = json::array();
  struct Advice {
    double gain;
    std::size_t order;
    json item;
  };
  std::vector<Advice> advice;
  std::size_t order = 0;
  for (const auto& dim : d_.dimensions) {
    if (!dim.enabled) continue;
    double points = 0;
    double max = 0;
    for (const auto& c : dim.criteria) max += c.max;
    const double weight = dim.in_total ? dim.weight * scale : 100.0;
    std::vector<Advice> own_advice;
    for (const auto& c : dim.criteria) {
      const auto raw = number_of(scope.run(c.points));
      const double p = std::clamp(raw.value_or(0.0), 0.0, c.max);
      points += p;
      if (with_texts_) {  // per-criterion points and advice: for the applicant
        json crit = json::object();
        put(crit, "dimension", dim.id);
        put(crit, "id", c.id);
        put(crit, "in_total", dim.in_total);
        put(crit, "max", output_number(c.max));
        put(crit, "points", output_number(p));
        crits.push_back(std::move(crit));
        const std::string key = "rubric." + c.id + ".advice";
        if (p / c.max <= d_.advice_at_or_below && texts_.has(key)) {
          const double gain = max > 0 ? (c.max - p) / max * weight : 0;
          json item = json::object();
          put(item, "criterion", c.id);
          put(item, "dimension", dim.id);
          put(item, "gain", output_number(round2(gain)));
          put(item, "message", texts_.text(key));
          put(item, "message_key", key);
          own_advice.push_back({gain, order, std::move(item)});
        }
      }
      ++order;
    }
    const double s = max > 0 ? weight * points / max : 0;
    const bool needs_work = dim.needs_work_below && max > 0 && points / max < *dim.needs_work_below;
    json entry = json::object();
    put(entry, "id", dim.id);
    put(entry, "max", output_number(max));
    put(entry, "needs_work", needs_work);
    put(entry, "points", output_number(points));
    put(entry, "score", output_number(round2(s)));
    if (with_texts_) put(entry, "title", texts_.text("rubric." + dim.id + ".title"));
    put(entry, "weight", output_number(round2(weight)));
    if (dim.in_total) {
      total += s;
      dims.push_back(std::move(entry));
      for (auto& a : own_advice) advice.push_back(std::move(a));
    } else if (!with_texts_) {
      indicators.push_back(std::move(entry));
    } else {
      // "rubric.<id>.indicator_note" when the package words it, else the shared text.
      const std::string note_key = "rubric." + dim.id + ".indicator_note";
      entry["note"] = texts_.text(texts_.has(note_key) ? note_key : "score.indicator_note");
      json own = json::array();
      std::stable_sort(own_advice.begin(), own_advice.end(),
                       [](const Advice& a, const Advice& b) { return a.gain > b.gain || (a.gain == b.gain && a.order < b.order); });
      for (auto& a : own_advice) own.push_back(std::move(a.item));
      entry["advice"] = std::move(own);
      indicators.push_back(std::move(entry));
    }
  }
  std::stable_sort(advice.begin(), advice.end(), [](const Advice& a, const Advice& b) {
    if (a.gain != b.gain) return a.gain > b.gain;
    return a.order < b.order;
  });
  json advice_out = json::array();
  for (auto& a : advice) advice_out.push_back(std::move(a.item));
  const double total2 = round2(total);
  std::string band;
  for (const auto& b : d_.bands) {  // sorted by min, highest first
    if (total2 >= b.min) {
      band = b.id;
      break;
    }
  }
  out["total"] = output_number(total2);
  out["band"] = band;
  out["dimensions"] = std::move(dims);
  out["indicators"] = std::move(indicators);
  if (!with_texts_) return out;
  out["band_label"] = band.empty() ? "" : texts_.text("rubric.band." + band);
  out["criteria"] = std::move(crits);
  out["advice"] = std::move(advice_out);
  return out;
}

json Evaluation::sections(const json& submitted,
                          const std::function<bool(const std::string&)>& is_hidden) const {
  json out = json::array();
  for (const auto& s : d_.sections) {
    std::size_t shown = 0, filled = 0, errors = 0;
    for (std::size_t idx : s.fields) {
      const LayoutField& f = d_.fields[idx];
      if (f.pointer.empty() || is_hidden(f.pointer)) continue;
      ++shown;
      if (is_filled(find_at(submitted, f.pointer))) ++filled;
    }
    const std::string prefix = "/" + escape_token(s.id);
    for (const auto& i : issues_) {
      if (i.issue.severity == Severity::error && is_within(i.issue.location, prefix)) ++errors;
    }
    const bool hidden = is_hidden(prefix);
    json section = json::object();
    put(section, "complete", errors == 0 && !hidden);
    put(section, "errors", errors);
    put(section, "fields", shown);
    put(section, "filled", filled);
    put(section, "hidden", hidden);
    put(section, "id", s.id);
    put(section, "title", texts_.text(s.id + ".title"));
    out.push_back(std::move(section));
  }
  return out;
}

}  // namespace greenapply::form
