// lint(): everything CI checks about a form package before an applicant ever sees it.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "chinese_text.hpp"
#include "greenapply/json_schema.hpp"
#include "package_data.hpp"
#include "pointer.hpp"
#include "schema_types.hpp"
#include "texts.hpp"

namespace greenapply::form {

using nlohmann::json;

namespace {

// A problem in one of the package's files.
Issue in_file(std::string file, std::string pointer, std::string key, json params, Severity severity) {
  return Issue{std::move(pointer), std::move(key), std::move(params), severity, std::move(file)};
}

class Linter {
 public:
  Linter(const json& bundle, std::vector<Issue>& out) : b_(bundle), out_(out) {}

  void problem(std::string file, std::string pointer, std::string key, json params = json::object(),
               Severity severity = Severity::error) {
    out_.push_back(in_file(std::move(file), std::move(pointer), std::move(key), std::move(params), severity));
  }

  const json& doc(const char* name) const {
    static const json kNull;
    const auto it = b_.find(name);
    return it == b_.end() ? kNull : *it;
  }

  // 1. every file against its definition in form-package.schema.json
  void format(const json& package_schema) {
    static const std::pair<const char*, const char*> kFiles[] = {
        {"form", "form.json"}, {"layout", "layout.json"}, {"rules", "rules.json"},
        {"eligibility", "eligibility.json"}, {"rubric", "rubric.json"}, {"match", "match.json"}};
    json_schema::Validator::compile(package_schema);  // throws when the package schema itself is broken
    for (const auto& [part, file] : kFiles) {
      if (!b_.contains(part)) continue;
      json wrapper = package_schema;
      wrapper["$ref"] = std::string("#/$defs/") + part;
      check_against(wrapper, b_[part], file);
    }
    if (b_.contains("i18n") && b_["i18n"].is_object()) {
      for (const auto& [lang, table] : b_["i18n"].items()) {
        json wrapper = package_schema;
        wrapper["$ref"] = "#/$defs/i18n";
        check_against(wrapper, table, "i18n/" + lang + ".json");
      }
    }
    if (b_.contains("examples") && b_["examples"].is_array()) {
      for (const auto& ex : b_["examples"]) {
        json wrapper = package_schema;
        wrapper["$ref"] = "#/$defs/example";
        check_against(wrapper, ex.value("content", json()), ex.value("file", std::string("example")));
      }
    }
  }

  void check_against(const json& schema, const json& instance, const std::string& file) {
    try {
      const auto v = json_schema::Validator::compile(schema);
      for (const auto& issue : v.validate(instance)) {
        json params = issue.params;
        params["keyword"] = issue.keyword_location;
        problem(file, issue.location, issue.message_key, params);
      }
    } catch (const json_schema::SchemaError& e) {
      problem("form-package.schema.json", e.issue().absolute_keyword_location, e.issue().message_key);
    }
  }

  // 2. the data schema is valid JSON Schema 2020-12
  void metaschema() {
    for (const auto& issue : json_schema::check_against_metaschema(doc("data_schema"))) {
      problem("data.schema.json", issue.location, issue.message_key, issue.params);
    }
  }

  // 3. texts: every key in every language, and each text a package needs exists
  void texts(const PackageData& d) {
    const json& i18n = doc("i18n");
    const json& form = doc("form");
    std::vector<std::string> langs = {"en", "zh"};
    for (const auto& lang : langs) {
      if (!i18n.contains(lang) || !i18n[lang].is_object())
        problem("form.json", "/files/i18n", "lint.missing_language", {{"lang", lang}});
    }
    if (!i18n.is_object()) return;
    // parity
    std::set<std::string> all;
    for (const auto& [lang, table] : i18n.items()) {
      if (table.is_object())
        for (const auto& [k, v] : table.items()) all.insert(k);
    }
    for (const auto& lang : langs) {
      if (!i18n.contains(lang) || !i18n[lang].is_object()) continue;
      for (const auto& k : all) {
        if (!i18n[lang].contains(k))
          problem("i18n/" + lang + ".json", "/" + escape_token(k), "lint.missing_text", {{"key", k}, {"lang", lang}});
        else if (!i18n[lang][k].is_string() || i18n[lang][k].get<std::string>().empty())
          problem("i18n/" + lang + ".json", "/" + escape_token(k), "lint.empty_text", {{"key", k}, {"lang", lang}});
      }
    }
    // needed keys
    const json& en = i18n.contains("en") ? i18n["en"] : json::object();
    auto need = [&](const std::string& key, const std::string& file, const std::string& where) {
      if (!en.is_object() || !en.contains(key))
        problem(file, where, "lint.missing_text", {{"key", key}, {"lang", "en"}});
    };
    need("form.title", "form.json", "");
    need("form.summary", "form.json", "");
    if (form.contains("submission")) {
      const json& sub = form["submission"];
      need(sub.value("subject", std::string("submission.subject")), "form.json", "/submission/subject");
      if (sub.contains("contact") && sub["contact"].is_string()) need(sub["contact"].get<std::string>(), "form.json", "/submission/contact");
      if (sub.contains("next_steps") && sub["next_steps"].is_array())
        for (const auto& k : sub["next_steps"])
          if (k.is_string()) need(k.get<std::string>(), "form.json", "/submission/next_steps");
    }
    const SchemaTypes types(doc("data_schema"), &doc("common_schemas"));
    for (std::size_t i = 0; i < d.sections.size(); ++i)
      need(d.sections[i].id + ".title", "layout.json", "/sections/" + std::to_string(i));
    for (const auto& f : d.fields) {
      if (f.pointer.empty()) continue;
      const std::string key = field_text_key(f.pointer);
      need(key + ".label", "layout.json", f.pointer);
      const json* s = types.find_pointer(f.pointer);
      if (s && s->value("type", json()) == "array") s = types.find_pointer(f.pointer + "/*");
      const json* e = s && s->contains("enum") ? &(*s)["enum"] : nullptr;
      if (!e || !e->is_array() || f.widget == "country" || f.widget == "countries" || f.widget == "integer" ||
          f.widget == "number")
        continue;
      if (s->contains("x-greenapply-texts") && (*s)["x-greenapply-texts"].is_string()) {
        // Options of a shared list (the technology taxonomy) are labelled by the common texts
        // "<prefix>.<value>", in every language, so every package shows the same names.
        const std::string prefix = (*s)["x-greenapply-texts"].get<std::string>();
        for (const auto& v : *e) {
          for (const char* lang : {"en", "zh"}) {
            const json& texts = doc("common_i18n").value(lang, json::object());
            const std::string k = prefix + "." + (v.is_string() ? v.get<std::string>() : v.dump());
            if (!texts.is_object() || !texts.contains(k))
              problem("layout.json", f.pointer, "lint.missing_text", {{"key", k}, {"lang", lang}});
          }
        }
        continue;
      }
      for (const auto& v : *e) {
        if (v.is_string() || v.is_number_integer())
          need(key + ".option." + (v.is_string() ? v.get<std::string>() : v.dump()), "layout.json", f.pointer);
      }
    }
    for (const auto& c : d.constraints) need("rules." + c.id, "rules.json", "/constraints");
    for (const auto& c : d.checks) need("eligibility." + c.id, "eligibility.json", "/checks");
    for (const auto& dim : d.dimensions) {
      need("rubric." + dim.id + ".title", "rubric.json", "/dimensions");
      for (const auto& c : dim.criteria) need("rubric." + c.id + ".title", "rubric.json", "/dimensions");
    }
    for (const auto& band : d.bands) need("rubric.band." + band.id, "rubric.json", "/bands");
    if (d.matcher) {
      need("match.title", "match.json", "");
      need("match.intro", "match.json", "");
      for (const auto& id : d.matcher->component_ids()) {
        need("match." + id + ".title", "match.json", "/components");
        need("match." + id + ".explain", "match.json", "/components");
      }
    }
  }

  // 3b. field error texts ("<field>.error.<keyword>", see Evaluation::message_of): each must
  // name a field of the data schema and a keyword that field's schema can raise; otherwise the
  // text is never shown (a typo, or a field renamed since), which is worth a warning, not a block.
  void error_texts() {
    const json& i18n = doc("i18n");
    if (!i18n.is_object()) return;
    std::set<std::string> keys;  // every language: the parity check reports the ones missing in one
    for (const auto& [lang, table] : i18n.items()) {
      if (table.is_object())
        for (const auto& [k, v] : table.items()) keys.insert(k);
    }
    const SchemaTypes types(doc("data_schema"), &doc("common_schemas"));
    static const std::string kMarker = ".error.";
    for (const auto& key : keys) {
      const auto at = key.rfind(kMarker);
      if (at == std::string::npos || at == 0) continue;
      const std::string field = key.substr(0, at);
      const std::string keyword = key.substr(at + kMarker.size());
      if (keyword.empty() || keyword.find('.') != std::string::npos) continue;
      const std::string where = "/" + escape_token(key);
      const std::string file = i18n.contains("en") && i18n["en"].is_object() && i18n["en"].contains(key)
                                   ? "i18n/en.json"
                                   : "i18n/zh.json";
      bool exists = false;
      const std::set<std::string> raisable = raisable_keywords(types, field, exists);
      if (!exists)
        problem(file, where, "lint.error_text_unknown_field", {{"key", key}, {"field", field}},
                Severity::warning);
      else if (!raisable.count(keyword))
        problem(file, where, "lint.error_text_unknown_keyword",
                {{"key", key}, {"field", field}, {"keyword", keyword}, {"keywords", json(raisable)}},
                Severity::warning);
    }
  }

  // The schema.* keywords an answer at the field `field_key` ("team.core_team.email": section,
  // repeat, field; array items have no token, as in text keys) can raise. The walk takes every
  // branch of the schema (allOf/anyOf/oneOf/then/else/dependentSchemas and $ref, keeping a
  // node's own keywords beside its reference's), not just the first as type lookup does: a
  // pattern required by an if/then on the country is as real as an unconditional one.
  std::set<std::string> raisable_keywords(const SchemaTypes& types, const std::string& field_key, bool& exists) const {
    using Node = std::pair<const json*, const json*>;  // subschema, the document it lives in
    const json* root_doc = &types.root();
    std::vector<Node> current;
    closure({root_doc, root_doc}, types, current, 0);
    std::vector<std::string> tokens;
    for (std::size_t start = 0;;) {
      const auto dot = field_key.find('.', start);
      tokens.push_back(field_key.substr(start, dot == std::string::npos ? dot : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    bool required_by_parent = false;
    for (const auto& token : tokens) {
      std::vector<Node> next;
      required_by_parent = false;
      // An object's property, or (array indexes have no token) the property of its items',
      // through as many array levels as the schema nests (bounded).
      std::vector<Node> frontier = current;
      for (int level = 0; level < 4 && !frontier.empty(); ++level) {
        for (const auto& [node, in] : frontier) {
          if (!node->is_object()) continue;
          if (const auto props = node->find("properties"); props != node->end() && props->is_object()) {
            if (const auto p = props->find(token); p != props->end()) closure({&*p, in}, types, next, 0);
          }
          if (const auto req = node->find("required"); req != node->end() && req->is_array() &&
                                                       std::find(req->begin(), req->end(), token) != req->end())
            required_by_parent = true;
        }
        frontier = items_of(frontier, types);
      }
      current = std::move(next);
      if (current.empty()) {
        exists = false;
        return {};
      }
    }
    exists = true;
    // Keywords of the field and of its items at any depth (an item's error has the field's key),
    // except "required", which speaks at the missing child: that one counts when a parent asks.
    static const std::set<std::string> kKeywords = {
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
        "maxLength", "minLength", "pattern", "format", "items", "additionalItems", "contains", "minContains",
        "maxContains", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties",
        "dependentRequired", "additionalProperties", "propertyNames", "anyOf", "oneOf", "not",
        "unevaluatedItems", "unevaluatedProperties"};
    std::set<std::string> out;
    std::vector<Node> level = current;
    for (int depth = 0; depth < 4 && !level.empty(); ++depth) {
      for (const auto& [node, in] : level) {
        if (node->is_boolean() && !node->get<bool>()) out.insert("false");
        if (!node->is_object()) continue;
        for (const auto& [k, v] : node->items()) {
          if (kKeywords.count(k)) out.insert(k);
        }
      }
      level = items_of(level, types);
    }
    if (required_by_parent) out.insert("required");
    return out;
  }

  // `node` and every subschema that applies in place to the same answer.
  static void closure(std::pair<const json*, const json*> n, const SchemaTypes& types,
                      std::vector<std::pair<const json*, const json*>>& out, int depth) {
    if (!n.first || depth > 16) return;
    out.push_back(n);
    const json& s = *n.first;
    if (!s.is_object()) return;
    const json* in = n.second;
    if (const json* target = types.follow_ref(s, in)) closure({target, in}, types, out, depth + 1);
    for (const char* key : {"allOf", "anyOf", "oneOf"}) {
      if (const auto list = s.find(key); list != s.end() && list->is_array())
        for (const auto& branch : *list) closure({&branch, n.second}, types, out, depth + 1);
    }
    for (const char* key : {"then", "else"}) {
      if (const auto branch = s.find(key); branch != s.end()) closure({&*branch, n.second}, types, out, depth + 1);
    }
    if (const auto deps = s.find("dependentSchemas"); deps != s.end() && deps->is_object())
      for (const auto& [name, branch] : deps->items()) closure({&branch, n.second}, types, out, depth + 1);
  }

  // The subschemas of the items of arrays among `nodes`.
  static std::vector<std::pair<const json*, const json*>> items_of(
      const std::vector<std::pair<const json*, const json*>>& nodes, const SchemaTypes& types) {
    std::vector<std::pair<const json*, const json*>> out;
    for (const auto& [node, in] : nodes) {
      if (!node->is_object()) continue;
      if (const auto items = node->find("items"); items != node->end() && items->is_object())
        closure({&*items, in}, types, out, 0);
      if (const auto prefix = node->find("prefixItems"); prefix != node->end() && prefix->is_array())
        for (const auto& item : *prefix) closure({&item, in}, types, out, 0);
    }
    return out;
  }

  // 4. layout covers the schema; nothing required can be hidden
  void structure(const PackageData& d) {
    std::set<std::string> laid_out;
    for (const auto& f : d.fields) {
      if (!f.pointer.empty()) laid_out.insert(f.pointer);
    }
    const json& schema = doc("data_schema");
    const SchemaTypes types(schema, &doc("common_schemas"));
    // every leaf field of every section appears in the layout (warning: it cannot be filled)
    if (schema.contains("properties")) {
      for (const auto& [section, sub] : schema["properties"].items()) {
        const json* s = types.find({section});
        if (!s || !s->contains("properties")) continue;
        for (const auto& [field, fs] : (*s)["properties"].items()) {
          const std::string p = "/" + escape_token(section) + "/" + escape_token(field);
          if (!laid_out.count(p))
            problem("layout.json", "/sections", "lint.field_not_in_layout", {{"pointer", p}}, Severity::warning);
        }
      }
    }
    // a field that visibility can hide must not be unconditionally required by the schema
    for (const auto& v : d.visibility) {
      auto tokens = split_pointer(v.target);
      if (tokens.empty()) continue;
      const std::string name = tokens.back();
      tokens.pop_back();
      std::vector<std::string> path;
      for (const auto& t : tokens) path.push_back(t == "*" ? "[]" : t);
      const json* parent = path.empty() ? &schema : types.find(path);
      if (!parent) continue;
      const auto req = parent->find("required");
      if (req != parent->end() && req->is_array() &&
          std::find(req->begin(), req->end(), name) != req->end())
        problem("rules.json", "/visibility", "lint.required_but_hideable", {{"pointer", v.target}});
    }
  }

  // 3b. Chinese typography: every Chinese text of the package uses full-width punctuation
  // beside Chinese characters, and has no English word that is not a name or code on the
  // allow-list below (an English original name in full-width brackets after the Chinese one,
  // "创蓝碳中和先锋奖（Bluetech ...）", is allowed too). Placeholders, e-mail addresses and web
  // addresses are not text. One message key, the offending snippet as its parameter.
  void chinese_texts() {
    const json& i18n = doc("i18n");
    if (!i18n.is_object() || !i18n.contains("zh") || !i18n["zh"].is_object()) return;
    for (const auto& [key, value] : i18n["zh"].items()) {
      if (!value.is_string() || key == "$schema") continue;
      for (const auto& found : chinese_typography_problems(value.get<std::string>()))
        problem("i18n/zh.json", "/" + escape_token(key), "lint.zh_typography", {{"key", key}, {"found", found}});
    }
  }

  // 5. rubric arithmetic
  void rubric(const PackageData& d) {
    if (d.dimensions.empty()) return;
    double total = 0;
    for (const auto& dim : d.dimensions) total += dim.weight;
    if (std::fabs(total - 100) > 1e-9) problem("rubric.json", "/dimensions", "lint.weights_not_100", {{"total", total}});
    if (d.bands.empty() || d.bands.back().min > 0) problem("rubric.json", "/bands", "lint.bands_cover_zero");
  }

  // 6. placeholders and the window
  // The organiser's round reads form.json's applicant_id and track (greenapply/round.hpp); a
  // wrong pointer would silently group nobody or count no track. Checked here, not at load, so
  // the applicant's page does not carry a check only the organiser needs.
  void round_pointers() {
    const json& form = doc("form");
    const SchemaTypes types(doc("data_schema"), &doc("common_schemas"));
    auto check = [&](const json& p, const std::string& where) {
      if (p.is_string() && !types.find_pointer(p.get<std::string>()))
        problem("form.json", where, "package.unknown_field", {{"pointer", p}});
    };
    if (form.contains("applicant_id") && form["applicant_id"].is_array()) {
      for (std::size_t i = 0; i < form["applicant_id"].size(); ++i)
        check(form["applicant_id"][i], "/applicant_id/" + std::to_string(i));
    } else if (form.contains("applicant_id")) {
      check(form["applicant_id"], "/applicant_id");
    }
    if (form.contains("track")) check(form["track"], "/track");
  }

  void submission(const PackageData& d) {
    const json& form = doc("form");
    const std::string to = form.contains("submission") ? form["submission"].value("to", std::string()) : "";
    if (to.empty()) {
      problem("form.json", "/submission/to", "lint.no_address");
    } else {
      const auto at = to.rfind('@');
      const std::string domain = at == std::string::npos ? to : to.substr(at + 1);
      auto ends_with = [&](const std::string& s) {
        return domain.size() >= s.size() && domain.compare(domain.size() - s.size(), s.size(), s) == 0;
      };
      if (ends_with(".example") || domain == "example.com" || domain == "example.org" || domain == "example.net" ||
          ends_with(".invalid") || ends_with(".test"))
        problem("form.json", "/submission/to", "lint.placeholder_address", {{"address", to}}, Severity::warning);
    }
    (void)d;
  }

 private:
  const json& b_;
  std::vector<Issue>& out_;
};

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

std::vector<Issue> lint(const json& bundle, const json* package_schema) {
  std::vector<Issue> out;
  Linter linter(bundle, out);
  try {
    if (package_schema) linter.format(*package_schema);
  } catch (const json_schema::SchemaError& e) {
    out.push_back(in_file("form-package.schema.json", e.issue().absolute_keyword_location, e.issue().message_key, {}, Severity::error));
  }
  linter.metaschema();
  std::optional<FormPackage> pkg;
  try {
    pkg = FormPackage::load(bundle);
    for (const auto& w : pkg->warnings()) out.push_back(w);
  } catch (const PackageError& e) {
    out.insert(out.end(), e.issues.begin(), e.issues.end());
    return out;  // without a compiled package the remaining checks have nothing to read
  }
  const PackageData& d = pkg->data();
  linter.texts(d);
  linter.chinese_texts();
  linter.error_texts();
  linter.structure(d);
  linter.rubric(d);
  linter.submission(d);
  linter.round_pointers();
  const json& examples = bundle.contains("examples") ? bundle["examples"] : json::array();
  if (examples.empty()) out.push_back(in_file("form.json", "/files/examples", "lint.no_examples", {}, Severity::warning));
  for (const auto& ex : examples) {
    check_example(*pkg, ex.value("content", json::object()), ex.value("file", std::string("example")), out);
  }
  // Each criterion should reach its maximum in at least one worked example (else: unreachable?).
  if (!d.dimensions.empty() && !examples.empty()) {
    std::map<std::string, double> best;
    for (const auto& ex : examples) {
      const json& c = ex.value("content", json::object());
      try {
        const json r = evaluate(*pkg, c.value("answers", json::object()), c.value("now", std::string()), "en");
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
          out.push_back(in_file("rubric.json", "/dimensions", "lint.criterion_max_unseen",
                         {{"id", c.id}, {"max", c.max}, {"best", best[c.id]}}, Severity::warning));
      }
    }
  }
  return out;
}

std::string describe(const Issue& p, const json& common_i18n) { return describe(p, common_i18n, "en"); }

std::string describe(const Issue& p, const json& common_i18n, const std::string& lang) {
  return Texts(nullptr, &common_i18n, lang).text(p.message_key, p.params);
}

}  // namespace greenapply::form
