// schema_facts() and drop_unknown_answers(): the page's questions about the data schema (a
// field's default, whether an answer still has a field, which options a choice offers, which
// shared list labels them), answered by the core so the page never walks the schema itself.
#include <gtest/gtest.h>

#include "greenapply/form.hpp"

namespace greenapply::form {
namespace {

using greenapply::json;

json facts_bundle() {
  return json::parse(R"JSON({
  "form": {"id": "facts-form", "version": "1.0.0", "form_code": "FACTS", "applicant_name": "/org/name",
           "files": {}, "submission": {"to": "x@organiser.example", "subject": "submission.subject"}},
  "common_schemas": [{"$id": "https://greenapply.example/schemas/common/list.schema.json",
    "$defs": {"field": {"enum": ["energy.storage", "energy.solar"], "x-greenapply-texts": "list", "default": "energy.solar"}}}],
  "data_schema": {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {"country": {"type": "string", "enum": ["CN", "SG"], "default": "CN"},
              "via": {"$ref": "#/$defs/country"}},
    "type": "object",
    "properties": {
      "org": {"type": "object",
        "allOf": [{"properties": {"size": {"type": "string", "enum": ["small", "large"], "default": "small"}}}],
        "properties": {
          "name": {"type": "string", "maxLength": 80},
          "country": {"$ref": "#/$defs/via"},
          "home": {"$ref": "#/$defs/country", "default": "SG"},
          "stars": {"type": "integer", "minimum": 1, "maximum": 5},
          "fields": {"type": "array", "items": {"$ref": "https://greenapply.example/schemas/common/list.schema.json#/$defs/field"}},
          "members": {"type": "array", "items": {"type": "object",
            "properties": {"name": {"type": "string"}, "role": {"type": "string", "default": "engineer"}}}}
        },
        "if": {"properties": {"size": {"const": "large"}}},
        "then": {"properties": {"plants": {"type": "integer", "default": 1}}}
      }
    }
  },
  "layout": {"sections": [
    {"id": "org", "fields": [
      {"pointer": "/org/name", "widget": "text"}, {"pointer": "/org/country", "widget": "select"},
      {"pointer": "/org/home", "widget": "select"}, {"pointer": "/org/size", "widget": "radio"},
      {"pointer": "/org/stars", "widget": "radio"}, {"pointer": "/org/fields", "widget": "checkboxes"},
      {"pointer": "/org/plants", "widget": "integer"},
      {"pointer": "/org/members", "widget": "repeat", "fields": [
        {"pointer": "name", "widget": "text"}, {"pointer": "role", "widget": "text"}]}]}
  ]},
  "rules": {},
  "eligibility": {"round": null, "checks": []},
  "rubric": {"dimensions": [{"id": "d", "weight": 100, "criteria": [{"id": "C1", "max": 1, "points": "1"}]}],
             "bands": [{"id": "A", "min": 0}]},
  "i18n": {"en": {}, "zh": {}},
  "common_i18n": {"en": {}, "zh": {}}
})JSON");
}

TEST(SchemaFacts, AFreshDraftStartsWithTheNearestDefaultAlongEachFieldsRefChain) {
  const json facts = schema_facts(FormPackage::load(facts_bundle()));
  const json& fresh = facts["fresh_answers"];
  EXPECT_EQ(fresh["org"]["country"], "CN");  // two "$ref" hops to the definition's default
  EXPECT_EQ(fresh["org"]["home"], "SG");     // the property's own default beside its "$ref" wins
  EXPECT_EQ(fresh["org"]["size"], "small");  // allOf always applies
  EXPECT_FALSE(fresh["org"].contains("plants")) << "a default only 'then' declares depends on other answers";
  EXPECT_FALSE(fresh["org"].contains("name"));
  EXPECT_FALSE(fresh["org"].contains("members")) << "a new item's defaults are not a first item";
}

TEST(SchemaFacts, ANewRepeatItemStartsWithItsFieldsDefaults) {
  const json facts = schema_facts(FormPackage::load(facts_bundle()));
  EXPECT_EQ(facts["item_defaults"], json::parse(R"({"/org/members": {"role": "engineer"}})"));
}

TEST(SchemaFacts, ChoicesListTheirOptionsAndASharedListNamesItsTexts) {
  const json facts = schema_facts(FormPackage::load(facts_bundle()));
  const json& fields = facts["fields"];
  EXPECT_EQ(fields["/org/size"]["options"], json::parse(R"(["small", "large"])"));
  EXPECT_EQ(fields["/org/country"]["options"], json::parse(R"(["CN", "SG"])"));
  EXPECT_EQ(fields["/org/stars"]["options"], json::parse("[1, 2, 3, 4, 5]"));
  EXPECT_EQ(fields["/org/fields"]["options"], json::parse(R"(["energy.storage", "energy.solar"])"));
  EXPECT_EQ(fields["/org/name"]["options"], json::array());
  EXPECT_EQ(fields["/org/name"]["schema"]["maxLength"], 80);
  EXPECT_EQ(fields["/org/members/*/role"]["schema"]["type"], "string");
  EXPECT_FALSE(fields.contains("/org/members")) << "a repeat group is not a control";
  EXPECT_EQ(facts["text_lists"], json::parse(R"({"/org/fields": "list"})"));
}

TEST(DropUnknownAnswers, TakesOutWhatNoFieldNamesAndKeepsTheRest) {
  const auto package = FormPackage::load(facts_bundle());
  json answers = json::parse(R"({"org": {"name": "Acme", "plants": 3, "retired": "x",
    "members": [{"name": "a", "old": 1}]}, "legacy": {"a": 1}})");
  const json dropped = drop_unknown_answers(package, answers);
  EXPECT_EQ(dropped, json::parse(R"([{"pointer": "/legacy", "value": {"a": 1}},
                                     {"pointer": "/org/retired", "value": "x"}])"));
  // "plants" is declared under "then": still a field of the form. Repeat items are kept whole.
  EXPECT_EQ(answers, json::parse(R"({"org": {"name": "Acme", "plants": 3, "members": [{"name": "a", "old": 1}]}})"));
}

TEST(DropUnknownAnswers, KeysThatNeedEscapingAreNamedByTheirJsonPointer) {
  const auto package = FormPackage::load(facts_bundle());
  json answers = json::parse(R"({"a/b": 1, "c~d": 2})");
  EXPECT_EQ(drop_unknown_answers(package, answers),
            json::parse(R"([{"pointer": "/a~1b", "value": 1}, {"pointer": "/c~0d", "value": 2}])"));
  EXPECT_EQ(answers, json::object());
}

}  // namespace
}  // namespace greenapply::form
