// Lint rule 7. the worked examples: each gives its expected result (check_example), its title
// repeats no score, and each criterion reaches its maximum in at least one.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "linter.hpp"
#include "../pointer.hpp"

namespace greenapply::form::lint_rules {

namespace {

// Scores a worked example's title states: a decimal number ("71.07"), "N of M" ("2 of 3"), or
// a whole number equal to the expected total or a dimension's expected score. The expectations
// hold the numbers; a title repeating them is not checked by anything and goes stale.
std::vector<std::string> title_scores(const std::string& title, const json& exp) {
  std::vector<std::string> out;
  std::set<std::string> expected;
  if (exp.contains("score") && exp["score"].is_object()) {
    const json& sc = exp["score"];
    if (sc.contains("total") && sc["total"].is_number()) expected.insert(sc["total"].dump());
    for (const char* part : {"dimensions", "indicators"})
      if (sc.contains(part) && sc[part].is_object())
        for (const auto& [id, v] : sc[part].items())
          if (v.is_number()) expected.insert(v.dump());
  }
  auto digit = [&](std::size_t i) { return i < title.size() && title[i] >= '0' && title[i] <= '9'; };
  for (std::size_t i = 0; i < title.size();) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (digit(end)) ++end;
    // A section of a document ("domain.md §12.8") is no score.
    if (i >= 2 && title.compare(i - 2, 2, "\xC2\xA7") == 0) {
      while (end + 1 < title.size() && title[end] == '.' && digit(end + 1))
        for (++end; digit(end);) ++end;
      i = end;
      continue;
    }
    if (end + 1 < title.size() && title[end] == '.' && digit(end + 1)) {
      ++end;
      while (digit(end)) ++end;
      out.push_back(title.substr(i, end - i));
    } else if (title.compare(end, 4, " of ") == 0 && digit(end + 4)) {
      std::size_t e2 = end + 4;
      while (digit(e2)) ++e2;
      out.push_back(title.substr(i, e2 - i));
      end = e2;
    } else if (expected.count(title.substr(i, end - i)) && (i == 0 || (title[i - 1] != '-' && title[i - 1] != '/')) &&
               (end >= title.size() || (title[end] != '-' && title[end] != '/'))) {
      out.push_back(title.substr(i, end - i));
    }
    i = end;
  }
  return out;
}

// Does an expected example result hold? Adds a problem per mismatch.
void check_example(const FormPackage& pkg, const json& ex, const std::string& file, std::vector<Issue>& out) {
  auto mismatch = [&](const std::string& where, const json& expected, const json& actual) {
    out.push_back(in_file(file, "/expected" + where, "lint.example_mismatch", {{"expected", expected}, {"actual", actual}}, Severity::error));
  };
  json result;
  try {
    result = evaluate(pkg, ex.value("answers", json::object()), ex.value("now", std::string()),
                      ex.value("lang", std::string("en")));
  } catch (const std::exception& e) {
    out.push_back(in_file(file, "/now", "lint.example_unusable", {{"detail", e.what()}}, Severity::error));
    return;
  }
  const json& exp = ex.value("expected", json::object());
  for (const auto& found : title_scores(ex.value("title", std::string()), exp))
    out.push_back(in_file(file, "/title", "lint.example_title_number", {{"found", found}}, Severity::error));
  if (exp.contains("valid") && exp["valid"] != result["valid"]) mismatch("/valid", exp["valid"], result["valid"]);
  if (exp.contains("errors")) {
    std::set<std::pair<std::string, std::string>> want, got;
    for (const auto& e : exp["errors"]) want.insert({e.value("pointer", ""), e.value("message_key", "")});
    for (const auto& e : result["errors"]) got.insert({e.value("pointer", ""), e.value("message_key", "")});
    if (want != got) {
      json w = json::array(), g = json::array();
      for (const auto& [p, k] : want) w.push_back(p + " " + k);
      for (const auto& [p, k] : got) g.push_back(p + " " + k);
      mismatch("/errors", w, g);
    }
  }
  if (exp.contains("hidden")) {
    json want = exp["hidden"];
    std::sort(want.begin(), want.end());
    if (want != result["hidden"]) mismatch("/hidden", want, result["hidden"]);
  }
  if (exp.contains("eligibility")) {
    const json& e = exp["eligibility"];
    const json& r = result["eligibility"];
    for (const char* k : {"verdict", "criteria_verdict", "window"}) {
      if (e.contains(k) && e[k] != r[k]) mismatch(std::string("/eligibility/") + k, e[k], r[k]);
    }
    if (e.contains("reasons")) {
      std::set<std::string> want, got;
      for (const auto& x : e["reasons"]) want.insert(x.get<std::string>());
      for (const auto& x : r["reasons"]) got.insert(x.value("id", ""));
      if (want != got) mismatch("/eligibility/reasons", json(want), json(got));
    }
  }
  if (exp.contains("score") && result["score"].is_object()) {
    const json& e = exp["score"];
    const json& r = result["score"];
    if (e.contains("total") && std::fabs(e["total"].get<double>() - r["total"].get<double>()) > 1e-9)
      mismatch("/score/total", e["total"], r["total"]);
    if (e.contains("band") && e["band"] != r["band"]) mismatch("/score/band", e["band"], r["band"]);
    for (const char* part : {"dimensions", "indicators"}) {
      if (!e.contains(part)) continue;
      for (const auto& [id, want] : e[part].items()) {
        json got;
        for (const auto& dim : r.value(part, json::array()))
          if (dim["id"] == id) got = dim["score"];
        if (got.is_null() || std::fabs(want.get<double>() - got.get<double>()) > 1e-9)
          mismatch(std::string("/score/") + part + "/" + escape_token(id), want, got);
      }
    }
  }
}

}  // namespace

void Linter::examples(const FormPackage& pkg) {
  const PackageData& d = pkg.data();
  const json& examples = doc("examples");  // null (no examples) iterates as empty
  if (examples.empty()) problem("form.json", "/files/examples", "lint.no_examples", {}, Severity::warning);
  for (const auto& ex : examples) {
    check_example(pkg, ex.value("content", json::object()), ex.value("file", std::string("example")), out_);
  }
  // Each criterion should reach its maximum in at least one worked example (else: unreachable?).
  if (!d.dimensions.empty() && !examples.empty()) {
    std::map<std::string, double> best;
    for (const auto& ex : examples) {
      const json& c = ex.value("content", json::object());
      try {
        const json r = evaluate(pkg, c.value("answers", json::object()), c.value("now", std::string()), "en");
        if (!r["score"].is_object()) continue;
        for (const auto& crit : r["score"]["criteria"]) {
          double& b = best[crit["id"].get<std::string>()];
          b = std::max(b, crit["points"].get<double>());
        }
      } catch (const std::exception&) {
      }
    }
    for (const auto& dim : d.dimensions) {
      for (const auto& c : dim.criteria) {
        if (best[c.id] < c.max)
          problem("rubric.json", "/dimensions", "lint.criterion_max_unseen",
                  {{"id", c.id}, {"max", c.max}, {"best", best[c.id]}}, Severity::warning);
      }
    }
  }
}

}  // namespace greenapply::form::lint_rules
