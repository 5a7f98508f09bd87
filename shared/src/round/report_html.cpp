// The round as one HTML file to share: English and Chinese side by side, the charts inline, no
// script, and a Content-Security-Policy that forbids every request, so opening it never calls
// out even if a text slipped through. Every text an applicant wrote is escaped (html_escape).
#include <algorithm>
#include <map>

#include "greenapply/round.hpp"
#include "round_internal.hpp"

namespace greenapply::round {

using greenapply::json;

namespace {

using detail::Bar;
using detail::html_escape;

class Texts {
 public:
  explicit Texts(const json& bundle) : bundle_(bundle) {}

  // The text of a key in a language: the package's texts, then the engine's; the key itself
  // when neither has it. {name} placeholders filled from params.
  std::string get(const std::string& lang, const std::string& key, const json& params = json::object()) const {
    std::string t = key;
    for (const char* where : {"i18n", "common_i18n"}) {
      const json* texts = find(bundle_, where, lang);
      if (texts && texts->contains(key) && (*texts)[key].is_string()) {
        t = (*texts)[key].get<std::string>();
        break;
      }
    }
    for (auto it = params.begin(); it != params.end(); ++it) {
      const std::string slot = "{" + it.key() + "}";
      const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
      for (auto at = t.find(slot); at != std::string::npos; at = t.find(slot, at + value.size()))
        t.replace(at, slot.size(), value);
    }
    return t;
  }
  bool has(const std::string& lang, const std::string& key) const {
    for (const char* where : {"i18n", "common_i18n"}) {
      const json* texts = find(bundle_, where, lang);
      if (texts && texts->contains(key)) return true;
    }
    return false;
  }
  // Both languages, marked up: <span lang="en">…</span> <span lang="zh">…</span> (one when equal).
  std::string both(const std::string& key, const json& params = json::object()) const {
    const std::string en = get("en", key, params), zh = get("zh", key, params);
    if (en == zh) return html_escape(en);
    return "<span lang=\"en\">" + html_escape(en) + "</span> <span lang=\"zh\" class=\"zh\">" + html_escape(zh) + "</span>";
  }
  std::string plain_both(const std::string& key, const json& params = json::object()) const {
    const std::string en = get("en", key, params), zh = get("zh", key, params);
    return en == zh ? en : en + " / " + zh;
  }

 private:
  static const json* find(const json& bundle, const char* where, const std::string& lang) {
    if (!bundle.is_object() || !bundle.contains(where) || !bundle[where].is_object()) return nullptr;
    const json& all = bundle[where];
    return all.contains(lang) && all[lang].is_object() ? &all[lang] : nullptr;
  }
  const json& bundle_;
};

std::string text_of(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  return v.dump();
}

bool has_flag(const json& row, const char* flag) {
  const json flags = row.value("flags", json::array());
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

// "/applicant/track" → "applicant.track" (the text keys follow the pointer).
std::string key_of_pointer(const std::string& pointer) {
  std::string k;
  for (char c : pointer) k += c == '/' ? '.' : c;
  return k.empty() || k[0] != '.' ? k : k.substr(1);
}

const char* kStyle =
    "body{font:15px/1.5 system-ui,'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;margin:2rem auto;"
    "max-width:72rem;padding:0 1rem;color:#1b1b1b}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;"
    "border-bottom:1px solid #ccc}.zh{color:#444}span.zh::before{content:'· ';color:#999}"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ccc;padding:.3rem .4rem;"
    "text-align:left;vertical-align:top}th{background:#f2f2f2}td.num{text-align:right;font-variant-numeric:tabular-nums}"
    ".charts{display:flex;flex-wrap:wrap;gap:1.5rem}figure{margin:0}figcaption{font-weight:600;margin-bottom:.3rem}"
    "svg text{font:12px system-ui,sans-serif;fill:#1b1b1b}svg .bar{fill:#2e7d32}svg .funnel{fill:#1565c0}"
    "svg .count-in{fill:#fff;font-weight:600}svg .axis{stroke:#666}dl{display:grid;grid-template-columns:auto auto;"
    "gap:.2rem 1rem;width:max-content}dt{font-weight:600}dd{margin:0}.flag{display:inline-block;background:#fff3e0;"
    "border:1px solid #e0a040;border-radius:3px;padding:0 .25rem;margin:0 .2rem .2rem 0;font-size:.8rem}"
    "@media print{.charts{break-inside:avoid}}";

// The report, section by section; each appends to `h`.
class Report {
 public:
  Report(const json& round_json, const json& bundle_json)
      : t(bundle_json),
        round(round_json),
        bundle(bundle_json),
        ranking(round_json.value("ranking", json::array())),
        superseded(round_json.value("superseded", json::array())),
        dims(round_json.value("dimensions", json::array())),
        track_pointer(track_pointer_of(bundle_json)) {}

  std::string html() {
    head();
    summary();
    score_charts();
    count_charts();
    ranking_table();
    superseded_table();
    h += "</main>\n</body>\n</html>\n";
    return std::move(h);
  }

 private:
  static std::string track_pointer_of(const json& bundle) {
    const json form = bundle.is_object() ? bundle.value("form", json::object()) : json::object();
    return form.is_object() ? form.value("track", std::string()) : std::string();
  }

  void head() {
  h = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                  html_escape(t.plain_both("round.report.title") + " — " + t.get("en", "form.title")) +
                  "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
  h += "<h1>" + t.both("round.report.title") + "<br>" + t.both("form.title") + "</h1>\n";
  const json gen = {{"now", text_of(round.value("now", json()))}, {"engine", text_of(round.value("engine", json()))},
                    {"form", text_of(round.value("form", json()))}, {"version", text_of(round.value("version", json()))}};
  h += "<p>" + t.both("round.report.generated", gen) + "</p>\n";

  }

  // Summary counts.
  void summary() {
  std::size_t unreadable = 0, late = 0;
  for (const auto& r : ranking) {
    unreadable += r.value("verdict", "") == "unreadable";
    late += has_flag(r, "late");
  }
  received = ranking.size() + superseded.size();
  h += "<h2>" + t.both("round.report.summary") + "</h2>\n<dl>";
  for (const auto& [key, n] : std::vector<std::pair<std::string, std::size_t>>{
           {"round.report.received", received}, {"round.report.ranked", ranking.size() - unreadable},
           {"round.report.superseded", superseded.size()}, {"round.report.unreadable", unreadable},
           {"round.report.late", late}})
    h += "<dt>" + t.both(key) + "</dt><dd>" + std::to_string(n) + "</dd>";
  h += "</dl>\n";

  }

  // The totals and each dimension's scores, as histograms.
  void score_charts() {
  std::vector<double> totals;
  std::map<std::string, std::vector<double>> by_dim;
  for (const auto& r : ranking) {
    if (r.contains("total") && r["total"].is_number()) totals.push_back(r["total"].get<double>());
    if (r.contains("dimensions") && r["dimensions"].is_object())
      for (auto it = r["dimensions"].begin(); it != r["dimensions"].end(); ++it)
        if (it->is_number()) by_dim[it.key()].push_back(it->get<double>());
  }
  std::map<std::string, double> dim_max;
  double total_max = 0;
  if (bundle.is_object() && bundle.contains("rubric") && bundle["rubric"].is_object())
    for (const auto& d : bundle["rubric"].value("dimensions", json::array()))
      if (d.is_object() && d.contains("id") && d["id"].is_string() && d.contains("weight") && d["weight"].is_number()) {
        dim_max[d["id"].get<std::string>()] = d["weight"].get<double>();
        total_max += d["weight"].get<double>();
      }
  if (total_max <= 0) total_max = 100;
  h += "<h2>" + t.both("round.report.totals") + "</h2>\n<div class=\"charts\">";
  h += "<figure><figcaption>" + t.both("round.report.totals") + "</figcaption>" +
       detail::svg_histogram(totals, total_max, 10, t.plain_both("round.report.totals")) + "</figure>";
  for (const auto& d : dims) {
    const std::string id = text_of(d);
    double max = dim_max.count(id) ? dim_max[id] : 0;
    for (double v : by_dim[id]) max = std::max(max, v);
    const json p_en = {{"dimension", t.get("en", "rubric." + id + ".title")}};
    const json p_zh = {{"dimension", t.get("zh", "rubric." + id + ".title")}};
    const std::string caption = "<span lang=\"en\">" + html_escape(t.get("en", "round.report.dimension", p_en)) +
                                "</span> <span lang=\"zh\" class=\"zh\">" +
                                html_escape(t.get("zh", "round.report.dimension", p_zh)) + "</span>";
    h += "<figure><figcaption>" + caption + "</figcaption>" +
         detail::svg_histogram(by_dim[id], max, 5, t.get("en", "round.report.dimension", p_en)) + "</figure>";
  }
  h += "</div>\n";

  }

  // An English / Chinese bar label.
  Bar two(const std::string& key) const {
    const std::string en = t.get("en", key), zh = t.get("zh", key);
    return Bar{html_escape(en == zh ? en : en + " / " + zh), en == zh ? en : en + " / " + zh, 0};
  }

  // Tracks, verdicts and the funnel from received to eligible, as bars.
  void count_charts() {
  // Per track (ranked rows that are readable), in the order first met.
  std::vector<std::string> track_order;
  std::map<std::string, double> track_count;
  for (const auto& r : ranking) {
    if (r.value("verdict", "") == "unreadable") continue;
    const std::string tr = r.contains("track") ? text_of(r["track"]) : "";
    if (!track_count.count(tr)) track_order.push_back(tr);
    track_count[tr] += 1;
  }
  std::vector<Bar> tracks;
  for (const auto& tr : track_order) {
    Bar b = tr.empty() ? two("round.report.no_track")
                       : two(key_of_pointer(track_pointer) + ".option." + tr);
    b.value = track_count[tr];
    tracks.push_back(b);
  }
  std::vector<Bar> verdicts;
  for (const char* v : {"eligible", "eligible_with_warnings", "ineligible", "unreadable"}) {
    double n = 0;
    for (const auto& r : ranking) n += r.value("verdict", "") == v;
    if (n == 0) continue;
    Bar b = two(std::string(v) == "unreadable" ? "round.verdict.unreadable" : std::string("eligibility.verdict.") + v);
    b.value = n;
    verdicts.push_back(b);
  }
  double readable = 0, counted = 0, on_time = 0, eligible = 0, clean = 0;
  for (const auto& r : superseded) readable += r.value("verdict", "") != "unreadable";
  for (const auto& r : ranking) {
    if (r.value("verdict", "") == "unreadable") continue;
    readable += 1;
    counted += 1;
    if (has_flag(r, "late")) continue;
    on_time += 1;
    const std::string v = r.value("verdict", "");
    if (v == "eligible" || v == "eligible_with_warnings") eligible += 1;
    if (v == "eligible") clean += 1;
  }
  std::vector<Bar> funnel;
  for (const auto& [key, n] : std::vector<std::pair<std::string, double>>{
           {"round.report.funnel.received", static_cast<double>(received)}, {"round.report.funnel.readable", readable},
           {"round.report.funnel.counted", counted}, {"round.report.funnel.on_time", on_time},
           {"round.report.funnel.eligible", eligible}, {"round.report.funnel.clean", clean}}) {
    Bar b = two(key);
    b.value = n;
    funnel.push_back(b);
  }
  h += "<div class=\"charts\">";
  if (!track_pointer.empty())
    h += "<figure><figcaption>" + t.both("round.report.tracks") + "</figcaption>" +
         detail::svg_bars(tracks, t.plain_both("round.report.tracks")) + "</figure>";
  h += "<figure><figcaption>" + t.both("round.report.verdicts") + "</figcaption>" +
       detail::svg_bars(verdicts, t.plain_both("round.report.verdicts")) + "</figure>";
  h += "<figure><figcaption>" + t.both("round.report.funnel") + "</figcaption>" +
       detail::svg_funnel(funnel, t.plain_both("round.report.funnel")) + "</figure>";
  h += "</div>\n";

  }

  std::string flags_html(const json& row) const {
    std::string out;
    for (const auto& f : row.value("flags", json::array())) {
      const std::string key = "round.flag." + text_of(f);
      out += "<span class=\"flag\">" + (t.has("en", key) ? t.both(key) : html_escape(text_of(f))) + "</span>";
    }
    return out;
  }
  std::string verdict_html(const std::string& v) const {
    return v == "unreadable" ? t.both("round.verdict.unreadable")
                             : t.has("en", "eligibility.verdict." + v) ? t.both("eligibility.verdict." + v)
                                                                      : html_escape(v);
  }


  void ranking_table() {
  h += "<h2>" + t.both("round.report.ranking") + "</h2>\n<table>\n<thead><tr>";
  std::vector<std::string> head = {"round.report.col.rank", "round.report.col.applicant"};
  if (!track_pointer.empty()) head.push_back("round.report.col.track");
  for (const char* k : {"round.report.col.verdict", "round.report.col.total", "round.report.col.band"}) head.push_back(k);
  for (const auto& k : head) h += "<th scope=\"col\">" + t.both(k) + "</th>";
  for (const auto& d : dims) h += "<th scope=\"col\">" + t.both("rubric." + text_of(d) + ".title") + "</th>";
  for (const char* k : {"round.report.col.flags", "round.report.col.received_at", "round.report.col.file"})
    h += "<th scope=\"col\">" + t.both(k) + "</th>";
  h += "</tr></thead>\n<tbody>\n";
  for (const auto& r : ranking) {
    h += "<tr><td class=\"num\">" + html_escape(text_of(r.value("rank", json()))) + "</td><td>" +
         html_escape(text_of(r.value("applicant", json())));
    if (r.contains("problem")) h += "<br><small>" + html_escape(text_of(r["problem"])) + "</small>";
    h += "</td>";
    if (!track_pointer.empty()) {
      const std::string tr = r.contains("track") ? text_of(r["track"]) : "";
      h += "<td>" + (tr.empty() ? std::string() : t.both(key_of_pointer(track_pointer) + ".option." + tr)) + "</td>";
    }
    h += "<td>" + verdict_html(r.value("verdict", "")) + "</td><td class=\"num\">" +
         html_escape(text_of(r.value("total", json()))) + "</td><td>" +
         (r.contains("band") && r["band"].is_string() ? html_escape(text_of(r["band"])) : std::string()) + "</td>";
    for (const auto& d : dims) {
      const json scores = r.value("dimensions", json::object());
      h += "<td class=\"num\">" + html_escape(scores.is_object() ? text_of(scores.value(text_of(d), json())) : "") + "</td>";
    }
    h += "<td>" + flags_html(r) + "</td><td>" + html_escape(text_of(r.value("received_at", json()))) + "</td><td>" +
         html_escape(text_of(r.value("file", json()))) + "</td></tr>\n";
  }
  h += "</tbody>\n</table>\n";

  }

  void superseded_table() {
  h += "<h2>" + t.both("round.report.superseded_list") + "</h2>\n";
  if (superseded.empty()) {
    h += "<p>" + t.both("round.report.none") + "</p>\n";
  } else {
    h += "<table>\n<thead><tr>";
    for (const char* k : {"round.report.col.applicant", "round.report.col.received_at", "round.report.col.file",
                          "round.report.col.superseded_by", "round.report.col.flags"})
      h += "<th scope=\"col\">" + t.both(k) + "</th>";
    h += "</tr></thead>\n<tbody>\n";
    for (const auto& r : superseded)
      h += "<tr><td>" + html_escape(text_of(r.value("applicant", json()))) + "</td><td>" +
           html_escape(text_of(r.value("received_at", json()))) + "</td><td>" + html_escape(text_of(r.value("file", json()))) +
           "</td><td>" + html_escape(text_of(r.value("superseded_by", json()))) + "</td><td>" + flags_html(r) +
           "</td></tr>\n";
    h += "</tbody>\n</table>\n";
  }
  }

  const Texts t;
  const json& round;
  const json& bundle;
  const json ranking;
  const json superseded;
  const json dims;
  const std::string track_pointer;
  std::size_t received = 0;
  std::string h;
};

}  // namespace

std::string round_report_html(const json& round, const json& bundle) { return Report(round, bundle).html(); }

}  // namespace greenapply::round
