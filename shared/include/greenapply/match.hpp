// greenapply/match.hpp — how well a technology fits a need: a transparent score over fields
// of the two forms, described by data (the need package's match.json), computed by the core so
// the seeker's page and the organiser's CLI give the same numbers.
//
//   auto m = greenapply::match::Matcher::load(spec);                 // throws SpecError
//   greenapply::json r = m.rank(need_answers, technologies);           // best first
//
// A spec:
//   {"technology_form": "wipo-green-technology",
//    "need_title": "/need/title", "technology_title": "/technology/title",
//    "technology_owner": "/owner/owner_name",
//    "components": [
//      {"id": "fields", "kind": "taxonomy", "weight": 30, "need": "/need/tech_fields",
//       "technology": "/technology/tech_fields", "group_credit": 0.5, "groups_without_credit": ["other"]},
//      {"id": "readiness", "kind": "at_least", "weight": 20, "need": "/need/min_trl",
//       "technology": "/technology/trl", "levels_to_zero": 3},
//      {"id": "benefits", "kind": "mapped", "weight": 20, "need": "/need/challenge_area",
//       "technology": "/benefits/benefits", "map": {"co2_reduction": ["ghg", "electricity_energy"]}},
//      {"id": "location", "kind": "member", "weight": 5, "need": "/location/location_country",
//       "technology": ["/technology/deployed_in", "/technology/developed_in"]},
//      {"id": "keywords", "kind": "keywords", "weight": 15, "need_terms": ["/need/keywords"],
//       "need_text": ["/need/title"], "technology": ["/technology/keywords", "/technology/title"],
//       "enough": 5, "ignore": ["the", "and"]}]}
//
// Each component gives a fraction 0…1 of its weight, or is "not applicable" (the need does not
// say, e.g. a challenge area the map does not cover) and leaves the total. The total is
// 100 × Σ weight·fraction / Σ applicable weights, rounded to 2 decimals (half away from zero);
// null when no component compared anything the need says (an empty need is not a perfect match).
// Kinds:
//   taxonomy  need codes "group.item": each scores 1 if the technology lists it, group_credit
//             if it lists another item of the same group (not for groups_without_credit), else 0;
//             the fraction is their mean. No need codes: not applicable.
//   at_least  need number n (none: 1, "no minimum"), technology number t (none: 0):
//             1 if t ≥ n, else max(0, 1 − (n − t) / levels_to_zero).
//   mapped    the need's value(s) map to technology values; 1 if the technology has any of
//             them, else 0. Unmapped or no need value: not applicable.
//   member    1 if the need's value is in any of the technology lists, else 0. No need value:
//             not applicable.
//   keywords  terms = every need_terms entry (whole, any script) + the ASCII words of need_text
//             (≥ 4 letters, not in "ignore"); a term matches when it occurs in the technology's
//             text (its pointers' strings, ASCII letters lower-cased). fraction =
//             min(1, matched / min(enough, terms)). No terms: not applicable.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"

namespace greenapply::match {

/// A spec that cannot be used: where in match.json, and why (a message key + params).
struct SpecError : Failure {
  SpecError(std::string pointer, std::string key, greenapply::json params = greenapply::json::object());
};

struct MatcherData;

class Matcher {
 public:
  /// Checks and compiles a spec; throws SpecError at the first problem.
  static Matcher load(const greenapply::json& spec);

  /// The form id whose application packages are technologies for this matcher.
  const std::string& technology_form() const;
  /// Every need-side pointer the spec reads (lint checks each is a field of the need form).
  std::vector<std::string> need_pointers() const;
  /// Every technology-side pointer the spec reads.
  std::vector<std::string> technology_pointers() const;
  /// Component ids in spec order (their texts are match.<id>.title in the need package).
  std::vector<std::string> component_ids() const;

  /// One technology against one need (bare answers on both sides):
  ///   {"score": 72.5 | null, "components": [{"id", "kind", "weight", "applicable",
  ///     "fraction", "points", "detail": {...}}]}
  greenapply::json score(const greenapply::json& need, const greenapply::json& technology) const;

  /// Every technology against the need, best first (ties keep input order). Each technology
  /// may be bare answers or an application package of technology_form():
  ///   [{"index", "title", "owner", "score", "components"} | {"index", "problem": key}]
  /// Unusable entries (another form's package, not an object) come last with a problem key.
  greenapply::json rank(const greenapply::json& need, const greenapply::json& technologies) const;

 private:
  explicit Matcher(std::shared_ptr<const MatcherData> d) : d_(std::move(d)) {}
  std::shared_ptr<const MatcherData> d_;
};

/// The answers of a document: its "answers" when it is an application package
/// ({"format": "greenapply-application", "package", "answers", …}) or a worked example
/// ({"answers", "expected", …}), the document itself otherwise.
const greenapply::json& answers_of(const greenapply::json& document);

}  // namespace greenapply::match
