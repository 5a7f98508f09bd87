// Lint rule 3. texts: every key in every language, and each text the package needs exists.
#include <set>

#include "linter.hpp"
#include "../pointer.hpp"

namespace greenapply::form::lint_rules {

// 3. texts: every key in every language, and each text a package needs exists
void Linter::texts(const PackageData& d) {
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

}  // namespace greenapply::form::lint_rules
