// greenapply new-round PKG --id NEW_ID --opens YYYY-MM-DD --closes YYYY-MM-DD [--version X.Y.Z] [--out DIR]
// Writes the next round's package from this one: a data change only (see
// tests/golden/new_round_test.cpp). What moves, and by how much:
//   - form.json id and version (default: next major), data schema $id, the round (opens at 00:00
//     and closes after the last day, in the old round's UTC offset; deadline = --closes);
//   - date('YYYY-MM-DD') literals in rules, eligibility and rubric expressions: by whole years
//     (new opening year - old), so "founded before the year before the round" stays what it was;
//   - each worked example's "now": by the offset of the window edge it goes with (before the
//     window: opening; after: closing; inside: the nearer edge, or the same fraction of a much
//     shorter window), so "before opening", "last minute" and "late" examples stay what they
//     were; its date answers move with it (whole years, then the days "now" moved beyond them);
//   - texts (and example titles, the data schema's title) that carry the round's years or dates:
//     years shifted, the old opening, deadline and closing dates written as the new ones.
//     Help and advice texts (*.help, *.advice) cite facts (a 2022 emission factor stays 2022):
//     left as they are, and listed for review.
// Then the new package is linted (worked examples included). Exit 0 written and lint-clean,
// 1 written with lint problems (listed), 2 unusable input.
#include <cstdio>
#include <filesystem>
#include <optional>
#include <regex>

#include "commands/commands.hpp"
#include "greenapply/calendar.hpp"
#include "greenapply/form.hpp"
#include "io.hpp"
#include "package_files.hpp"

namespace greenapply::cli {

namespace fs = std::filesystem;
using greenapply::json;
using nlohmann::ordered_json;

namespace {

// --- civil dates (proleptic Gregorian), days since 1970-01-01: greenapply/calendar.hpp's ---------
struct Civil {
  long y;
  unsigned m, d;
};

long days_from_civil(long y, unsigned m, unsigned d) {
  return static_cast<long>(calendar::days_from_civil(static_cast<int>(y), m, d));
}

Civil civil_from_days(long z) {
  int y;
  unsigned m, d;
  calendar::civil_from_days(z, y, m, d);
  return {y, m, d};
}

// Exactly "YYYY-MM-DD", a real date.
std::optional<Civil> parse_date(const std::string& s) {
  const auto days = s.size() == 10 ? calendar::parse_date_prefix(s) : std::nullopt;
  if (!days) return std::nullopt;
  return civil_from_days(static_cast<long>(*days));
}

std::string two(unsigned n) { return (n < 10 ? "0" : "") + std::to_string(n); }
std::string iso(const Civil& c) { return std::to_string(c.y) + "-" + two(c.m) + "-" + two(c.d); }

Civil shift_years(Civil c, long years) {
  c.y += years;
  if (c.m == 2 && c.d == 29 && !calendar::leap_year(static_cast<int>(c.y))) c.d = 28;
  return c;
}

// An RFC 3339 instant split so that it can be moved and written back in its own offset.
struct Instant {
  long long utc_seconds;
  int offset_minutes;  // as written (Z = 0)
  bool zulu;
  std::string fraction;  // ".123" or ""
};

std::optional<Instant> parse_instant(const std::string& s) {
  static const std::regex kInstant(R"(^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$)");
  std::smatch m;
  if (!std::regex_match(s, m, kInstant)) return std::nullopt;
  const auto date = parse_date(m[1]);
  if (!date) return std::nullopt;
  Instant t{};
  t.zulu = m[6] == "Z";
  t.offset_minutes = t.zulu ? 0 : (m[7] == "-" ? -1 : 1) * (std::stoi(m[8]) * 60 + std::stoi(m[9]));
  t.fraction = m[5];
  const long long local = days_from_civil(date->y, date->m, date->d) * 86400LL + std::stoi(m[2]) * 3600LL +
                          std::stoi(m[3]) * 60LL + std::stoi(m[4]);
  t.utc_seconds = local - t.offset_minutes * 60LL;
  return t;
}

std::string format_instant(const Instant& t) {
  const long long local = t.utc_seconds + t.offset_minutes * 60LL;
  long long days = local / 86400, secs = local % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  std::string out = iso(civil_from_days(static_cast<long>(days))) + "T" + two(static_cast<unsigned>(secs / 3600)) + ":" +
                    two(static_cast<unsigned>(secs / 60 % 60)) + ":" + two(static_cast<unsigned>(secs % 60)) + t.fraction;
  if (t.zulu) return out + "Z";
  const int off = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
  return out + (t.offset_minutes < 0 ? "-" : "+") + two(static_cast<unsigned>(off / 60)) + ":" +
         two(static_cast<unsigned>(off % 60));
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty() || from == to) return s;
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

// The ways the shipped texts write a date.
std::vector<std::string> date_mentions(const Civil& c) {
  const std::string month = kMonths[c.m - 1], y = std::to_string(c.y);
  return {iso(c), std::to_string(c.d) + " " + month + " " + y, month + " " + std::to_string(c.d) + ", " + y,
          y + "年" + std::to_string(c.m) + "月" + std::to_string(c.d) + "日"};
}

class RoundShift {
 public:
  RoundShift(const json& old_round, const Civil& opens, const Civil& closes) {
    const auto old_opens = parse_instant(old_round.value("opens", ""));
    const auto old_closes = parse_instant(old_round.value("closes_before", ""));
    const auto old_deadline = parse_date(old_round.value("deadline", ""));
    if (!old_opens || !old_closes || !old_deadline) throw UsageError("the package's round has no usable dates");
    old_opens_ = *old_opens;
    old_closes_ = *old_closes;
    const Civil old_open_day = civil_from_days(static_cast<long>((old_opens_.utc_seconds + old_opens_.offset_minutes * 60LL) / 86400));
    const Civil old_close_day = civil_from_days(static_cast<long>((old_closes_.utc_seconds + old_closes_.offset_minutes * 60LL) / 86400));
    years_ = opens.y - old_open_day.y;
    old_year_ = old_open_day.y;
    new_opens_ = old_opens_;
    new_opens_.utc_seconds = days_from_civil(opens.y, opens.m, opens.d) * 86400LL - old_opens_.offset_minutes * 60LL;
    new_closes_ = old_closes_;
    new_closes_.utc_seconds =
        (days_from_civil(closes.y, closes.m, closes.d) + 1) * 86400LL - old_closes_.offset_minutes * 60LL;
    // Old dates as written in texts, after the years were shifted, and what they become.
    const Civil new_close_day = civil_from_days(days_from_civil(closes.y, closes.m, closes.d) + 1);
    const std::pair<Civil, Civil> moves[] = {
        {old_open_day, opens}, {*old_deadline, closes}, {old_close_day, new_close_day}};
    for (const auto& [from, to] : moves) {
      const auto a = date_mentions(shift_years(from, years_)), b = date_mentions(to);
      for (std::size_t i = 0; i < a.size(); ++i) date_texts_.emplace_back(a[i], b[i]);
    }
  }

  long years() const { return years_; }
  std::string new_opens() const { return format_instant(new_opens_); }
  std::string new_closes_before() const { return format_instant(new_closes_); }

  // An example's moment: before the window it moves with the opening, after it with the closing,
  // inside it with the nearer edge ("two days before the deadline" stays so) unless that leaves
  // the new window (a much shorter one), then to the same fraction of the new window.
  std::string move_now(const std::string& now) const {
    auto t = parse_instant(now);
    if (!t) return now;
    const long long o = old_opens_.utc_seconds, c = old_closes_.utc_seconds;
    const long long no = new_opens_.utc_seconds, nc = new_closes_.utc_seconds;
    const long long x = t->utc_seconds;
    if (x < o) t->utc_seconds = x + (no - o);
    else if (x >= c) t->utc_seconds = x + (nc - c);
    else {
      long long moved = c - x < x - o ? x + (nc - c) : x + (no - o);
      if (moved < no || moved >= nc) moved = no + static_cast<long long>(static_cast<double>(x - o) / static_cast<double>(c - o) * static_cast<double>(nc - no));
      t->utc_seconds = moved;
    }
    return format_instant(*t);
  }

  // A date (or date-time) answer moves with its example's moment: by whole years, then by the
  // days the moment moved beyond whole years (0 when the new window is the old one a year on),
  // so a signature "five days before now" stays five days before now.
  std::string move_date_value(const std::string& s, long residual_days) const {
    auto moved = [&](const Civil& d) {
      const Civil y = shift_years(d, years_);
      return iso(civil_from_days(days_from_civil(y.y, y.m, y.d) + residual_days));
    };
    if (const auto d = parse_date(s)) return moved(*d);
    if (s.size() > 10 && s[10] == 'T') {
      if (const auto d = parse_date(s.substr(0, 10)); d && parse_instant(s)) return moved(*d) + s.substr(10);
    }
    return s;
  }

  // The days a moment moved beyond whole years (both read as local dates).
  long residual_days(const std::string& old_now, const std::string& new_now) const {
    const auto a = parse_instant(old_now), b = parse_instant(new_now);
    if (!a || !b) return 0;
    auto local_day = [](const Instant& t) {
      const long long local = t.utc_seconds + t.offset_minutes * 60LL;
      return static_cast<long>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
    };
    const Civil y = shift_years(civil_from_days(local_day(*a)), years_);
    return local_day(*b) - days_from_civil(y.y, y.m, y.d);
  }

  // Date literals of expressions ("founded before 2022"): whole years.
  std::string move_literal(const std::string& s) const {
    const auto d = parse_date(s);
    return d ? iso(shift_years(*d, years_)) : s;
  }

  std::string move_expression(const std::string& e) const {
    static const std::regex kLiteral(R"(date\('(\d{4}-\d{2}-\d{2})'\))");
    std::string out;
    auto begin = e.cbegin();
    for (std::sregex_iterator it(e.begin(), e.end(), kLiteral), end; it != end; ++it) {
      out.append(begin, (*it)[0].first);
      out += "date('" + move_literal((*it)[1].str()) + "')";
      begin = (*it)[0].second;
    }
    out.append(begin, e.cend());
    return out;
  }

  // Years near the round's (a few before: "last financial year", "founded before") shifted,
  // then the round's own dates written as the new ones.
  std::string move_text(const std::string& text) const {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t j = i;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      if (j == i) {
        out += text[i++];
        continue;
      }
      const bool alone = j - i == 4 && (i == 0 || text[i - 1] != '.') && (j == text.size() || text[j] != '.' ||
                                                                         j + 1 == text.size() || !std::isdigit(static_cast<unsigned char>(text[j + 1])));
      const long year = j - i == 4 ? std::stol(text.substr(i, 4)) : 0;
      if (alone && year >= old_year_ - 5 && year <= old_year_ + 1) out += std::to_string(year + years_);
      else out += text.substr(i, j - i);
      i = j;
    }
    for (const auto& [from, to] : date_texts_) out = replace_all(out, from, to);
    return out;
  }

  bool mentions_a_year(const std::string& text) const { return move_text(text) != text || text.find(std::to_string(old_year_)) != std::string::npos; }

 private:
  Instant old_opens_{}, old_closes_{}, new_opens_{}, new_closes_{};
  long years_ = 0, old_year_ = 0;
  std::vector<std::pair<std::string, std::string>> date_texts_;
};

ordered_json read_ordered(const fs::path& p) {
  parse_json_file(p.string());  // strict checks (UTF-8, depth) with a one-line error
  return ordered_json::parse(read_file(p.string()));
}

void write_ordered(const fs::path& p, const ordered_json& j) { write_file(p.string(), j.dump(2) + "\n"); }

template <typename F>
void each_string(ordered_json& j, const F& f) {
  if (j.is_string()) j = f(j.get<std::string>());
  else if (j.is_structured())
    for (auto& v : j) each_string(v, f);
}

std::string next_major(const std::string& version) {
  const auto dot = version.find('.');
  try {
    return std::to_string(std::stoul(version.substr(0, dot)) + 1) + ".0.0";
  } catch (const std::exception&) {
    return "1.0.0";
  }
}

bool is_fact_text(const std::string& key) {
  auto ends = [&](const std::string& s) { return key.size() >= s.size() && key.compare(key.size() - s.size(), s.size(), s) == 0; };
  return ends(".help") || ends(".advice");
}

}  // namespace

int run_new_round(const Args& args) {
  const Options opts(args, {"id", "opens", "closes", "version", "out"}, {});
  if (opts.positionals().size() != 1) throw UsageError("give exactly one package folder");
  const PackageFiles old = read_package(opts.positionals()[0]);
  const std::string new_id = opts.require("id");
  static const std::regex kId("^[a-z0-9][a-z0-9_.-]*$");
  if (!std::regex_match(new_id, kId)) throw UsageError("--id " + new_id + ": lower-case letters, digits, _ . - only");
  const auto opens = parse_date(opts.require("opens")), closes = parse_date(opts.require("closes"));
  if (!opens || !closes) throw UsageError("--opens and --closes take a date YYYY-MM-DD");
  if (days_from_civil(closes->y, closes->m, closes->d) < days_from_civil(opens->y, opens->m, opens->d))
    throw UsageError("--closes is before --opens");
  const json& form = old.bundle["form"];
  const std::string version = opts.get("version").value_or(next_major(form.value("version", "0.0.0")));
  static const std::regex kVersion(R"(^\d+\.\d+\.\d+$)");
  if (!std::regex_match(version, kVersion)) throw UsageError("--version " + version + ": X.Y.Z");
  const json& files = form["files"];
  if (!files.contains("eligibility") || !old.bundle["eligibility"].value("round", json()).is_object())
    throw UsageError(old.dir + ": the form has no round (rolling): nothing to move");
  const fs::path out = opts.get("out") ? fs::path(*opts.get("out")) : fs::path(old.dir).parent_path() / new_id;
  if (fs::exists(out)) throw UsageError(out.string() + ": already exists");

  const RoundShift shift(old.bundle["eligibility"]["round"], *opens, *closes);
  std::error_code ec;
  fs::create_directories(out.parent_path().empty() ? fs::path(".") : out.parent_path(), ec);
  fs::copy(old.dir, out, fs::copy_options::recursive, ec);
  if (ec) throw UsageError("cannot write " + out.string() + ": " + ec.message());
  const std::string old_id = form.value("id", "");

  // form.json
  ordered_json f = read_ordered(out / "form.json");
  f["id"] = new_id;
  f["version"] = version;
  f["notes"] = f.value("notes", std::string()) + (f.value("notes", std::string()).empty() ? "" : " ") +
               "Round " + iso(*opens) + " – " + iso(*closes) + " made by greenapply new-round from " + old_id + " " +
               form.value("version", "") + ".";
  write_ordered(out / "form.json", f);

  // data schema: its $id names the package; its title is a text
  const fs::path schema_path = out / files["data_schema"].get<std::string>();
  ordered_json schema = read_ordered(schema_path);
  if (schema.contains("$id") && schema["$id"].is_string())
    schema["$id"] = replace_all(schema["$id"].get<std::string>(), "/" + old_id + "/", "/" + new_id + "/");
  if (schema.contains("title") && schema["title"].is_string()) schema["title"] = shift.move_text(schema["title"].get<std::string>());
  write_ordered(schema_path, schema);

  // the round, and date literals in expressions
  for (const char* part : {"eligibility", "rules", "rubric"}) {
    if (!files.contains(part)) continue;
    const fs::path p = out / files[part].get<std::string>();
    ordered_json doc = read_ordered(p);
    each_string(doc, [&](const std::string& s) { return shift.move_expression(s); });
    if (std::string(part) == "eligibility") {
      ordered_json& round = doc["round"];
      const std::string old_round_id = round.value("id", "");
      round["id"] = shift.move_text(old_round_id);
      round["opens"] = shift.new_opens();
      round["closes_before"] = shift.new_closes_before();
      round["deadline"] = iso(*closes);
    }
    write_ordered(p, doc);
  }

  // texts
  std::vector<std::string> changed, review;
  for (const auto& [lang, file] : files["i18n"].items()) {
    const fs::path p = out / file.get<std::string>();
    ordered_json texts = read_ordered(p);
    for (auto& [key, value] : texts.items()) {
      if (!value.is_string() || key == "$schema") continue;
      const std::string text = value.get<std::string>(), moved = shift.move_text(text);
      if (moved == text) continue;
      if (is_fact_text(key)) {
        review.push_back(lang + " " + key + ": " + text);
        continue;
      }
      changed.push_back(lang + " " + key + ": " + moved);
      value = moved;
    }
    write_ordered(p, texts);
  }

  // worked examples: now by the window edge, date answers by years, titles as texts
  if (files.contains("examples")) {
    for (const auto& file : files["examples"]) {
      const fs::path p = out / file.get<std::string>();
      ordered_json ex = read_ordered(p);
      long residual = 0;
      if (ex.contains("now") && ex["now"].is_string()) {
        const std::string before = ex["now"].get<std::string>(), after = shift.move_now(before);
        residual = shift.residual_days(before, after);
        ex["now"] = after;
      }
      if (ex.contains("answers"))
        each_string(ex["answers"], [&](const std::string& s) { return shift.move_date_value(s, residual); });
      if (ex.contains("title") && ex["title"].is_string()) ex["title"] = shift.move_text(ex["title"].get<std::string>());
      write_ordered(p, ex);
    }
  }

  std::printf("new-round: wrote %s (%s %s, round %s – %s)\n", out.string().c_str(), new_id.c_str(), version.c_str(),
              iso(*opens).c_str(), iso(*closes).c_str());
  for (const auto& c : changed) std::printf("  text moved: %s\n", c.c_str());
  for (const auto& r : review) std::printf("  text left as it was (a fact? review it): %s\n", r.c_str());

  // The new package must be what an organiser can publish: lint it, worked examples included.
  const PackageFiles made = read_package(out.string());
  const json package_schema = read_package_schema(made);
  std::size_t errors = 0;
  for (const auto& p : form::lint(made.bundle, package_schema.is_null() ? nullptr : &package_schema)) {
    if (p.severity != Severity::error) continue;
    ++errors;
    std::printf("%s/%s: %s: %s\n", made.dir.c_str(), p.file.c_str(), p.location.c_str(),
                form::describe(p, made.bundle["common_i18n"]).c_str());
  }
  std::printf("new-round: lint %s\n", errors == 0 ? "clean (worked examples pass)" : "found problems (above)");
  return errors == 0 ? 0 : 1;
}

}  // namespace greenapply::cli
