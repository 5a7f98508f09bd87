// The compiled form package: everything evaluate() needs, prepared once at load time so that
// evaluating on every keystroke only walks prepared structures.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/expression.hpp"
#include "greenapply/form.hpp"
#include "greenapply/json_schema.hpp"
#include "greenapply/match.hpp"
#include "time.hpp"

namespace greenapply::form {

// A field of the layout, flattened: repeat sub-fields get pointers like "/team/core_team/*/name".
struct LayoutField {
  std::string pointer;  // empty for computed display fields
  std::string computed;
  std::string widget;
  std::string section;
  bool in_repeat = false;
};

struct Section {
  std::string id;
  std::vector<std::size_t> fields;  // indexes into PackageData::fields (top level of the section)
};

// An expression bound to where it applies: top level, or each item of a repeat group.
struct Scoped {
  std::string list_pattern;  // "" = top level; else the pattern of the repeat, e.g. "/team/core_team"
};

struct Computed {
  std::string id;
  expr::Program program;
};

struct Visibility {
  std::string target;  // pointer, may contain "*"
  Scoped scope;
  expr::Program when;
};

struct Constraint {
  std::string id;
  std::string pointer;  // may contain "*"
  Scoped scope;
  std::optional<expr::Program> when;
  expr::Program assertion;
  Severity severity = Severity::error;
  // Values the message shows when the rule fails ("params": {"total": "sum(...)"} in rules.json),
  // evaluated in the same scope as the assertion, so "must add up to 100 % (now {total} %)".
  std::vector<std::pair<std::string, expr::Program>> params;
};

struct Check {
  std::string id;
  bool hard = true;
  expr::Program assertion;
};

struct Attachment {
  std::string id;
  std::string pointer;
  std::optional<expr::Program> required_when;
};

struct Criterion {
  std::string id;
  double max = 0;
  expr::Program points;
};

struct Dimension {
  std::string id;
  double weight = 0;
  bool enabled = true;
  // false: scored and shown beside the total as its own indicator (0-100), never part of the
  // total or the band (Bluetech's carbon impact: the award names five dimensions, not six).
  bool in_total = true;
  // Flagged "needs work" when points/max is below this: the dimension's own "needs_work_below",
  // else the rubric's. nullopt ("needs_work_below": null) never flags it, for a dimension where
  // a low score is not a weakness (the IP clinic's management gap rewards low maturity).
  std::optional<double> needs_work_below = 0.5;
  std::vector<Criterion> criteria;
};

struct Band {
  std::string id;
  double min = 0;
};

struct Round {
  std::string id;
  Instant opens;
  Instant closes_before;
  std::int64_t deadline_day = 0;
  std::string time_zone;
  int offset_minutes = 0;  // the offset the window is written in: "today" for rules is seen there
};

struct PackageData {
  greenapply::json bundle;  // owns every document the structures below refer to
  std::string id;
  std::string version;
  std::string form_code;
  std::string applicant_name_pointer;
  // form.json submission.contact and submission.next_steps: text keys of what the applicant is
  // told about the time after sending (empty: nothing to tell).
  std::string contact_key;
  std::vector<std::string> next_step_keys;
  std::vector<Issue> warnings;

  std::optional<json_schema::Validator> validator;
  std::vector<LayoutField> fields;
  // Indexes into `fields` by the first token of their pointer ("company" for
  // "/company/founding_date"); pointers with no such literal token ("*", "/") under "". The error
  // summary ranks each issue among its own section's fields only (Evaluation::field_rank).
  std::map<std::string, std::vector<std::size_t>, std::less<>> fields_by_section;
  std::vector<Section> sections;
  std::vector<Computed> computed;  // in dependency order
  std::vector<Visibility> visibility;
  std::vector<Constraint> constraints;
  std::vector<Check> checks;
  std::vector<Attachment> attachments;
  std::vector<Dimension> dimensions;
  std::vector<Band> bands;
  double needs_work_below = 0.5;  // the rubric's default; each Dimension carries its own resolved value
  double advice_at_or_below = 0.4;
  std::optional<Round> round;  // nullopt: rolling programme
  std::optional<match::Matcher> matcher;  // match.json of a need form: technologies against this need
};

}  // namespace greenapply::form
