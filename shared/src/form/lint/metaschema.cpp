// Lint rule 2. the data schema is valid JSON Schema 2020-12.
#include "linter.hpp"
#include "greenapply/json_schema.hpp"

namespace greenapply::form::lint_rules {

// 2. the data schema is valid JSON Schema 2020-12
void Linter::metaschema() {
  for (const auto& issue : json_schema::check_against_metaschema(doc("data_schema"))) {
    problem("data.schema.json", issue.location, issue.message_key, issue.params);
  }
}

}  // namespace greenapply::form::lint_rules
