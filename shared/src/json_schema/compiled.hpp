// The compiled form of a schema: a graph of Nodes (one per subschema) whose keywords hold
// everything evaluation needs (resolved $ref targets, compiled patterns, limits). Built once by
// compile_schema(); read-only afterwards, so one CompiledSchema serves any number of
// validations, concurrently if the caller wishes.
#pragma once

#include <cstddef>
#include <deque>
#include <limits>
#include <map>
#include <memory>
#include "greenapply/json.hpp"
#include <string>
#include <utility>
#include <vector>

#include "greenapply/json_schema.hpp"
#include "name_index.hpp"
#include "pattern.hpp"
#include "greenapply/json_pointer.hpp"

namespace greenapply::json_schema::detail {

// The 2020-12 vocabularies, as bits.
enum Vocabulary : unsigned {
  kVocabCore = 1u << 0,
  kVocabApplicator = 1u << 1,
  kVocabUnevaluated = 1u << 2,
  kVocabValidation = 1u << 3,
  kVocabMetaData = 1u << 4,
  kVocabFormatAnnotation = 1u << 5,
  kVocabFormatAssertion = 1u << 6,
  kVocabContent = 1u << 7,
};
constexpr unsigned kDefaultVocabularies = kVocabCore | kVocabApplicator | kVocabUnevaluated |
                                          kVocabValidation | kVocabMetaData |
                                          kVocabFormatAnnotation | kVocabContent;

struct Node;

// A schema resource: a document root or a subschema with its own "$id".
struct Resource {
  std::string uri;  // absolute URI without fragment ("" for a root without "$id")
  Dialect dialect = Dialect::draft2020_12;
  unsigned vocabularies = kDefaultVocabularies;
  const greenapply::json* root = nullptr;
  std::map<std::string, const greenapply::json*> anchors;          // "$anchor", "$dynamicAnchor"
  std::map<std::string, const greenapply::json*> dynamic_anchors;  // "$dynamicAnchor" only
  std::map<std::string, const Node*> dynamic_nodes;              // compiled dynamic_anchors
};

// Type bits for "type".
enum TypeBit : unsigned {
  kTypeNull = 1u << 0,
  kTypeBoolean = 1u << 1,
  kTypeObject = 1u << 2,
  kTypeArray = 1u << 3,
  kTypeNumber = 1u << 4,
  kTypeString = 1u << 5,
  kTypeInteger = 1u << 6,
};

// What a compiled Keyword does. Each value has one row, in this order, in Evaluator::kRules
// (evaluator.hpp: its evaluate function), and Compiler::kCompileRules (compiler.cpp) names the
// schema keywords that compile to it.
enum class Op : unsigned char {
  ref,
  dynamic_ref,
  type,
  enum_,
  const_,
  multiple_of,
  maximum,
  exclusive_maximum,
  minimum,
  exclusive_minimum,
  max_length,
  min_length,
  pattern,
  format,
  prefix_items,  // subs: one schema per position
  items,         // sub for every item from `start`
  contains,      // sub, min_count, max_count
  max_items,
  min_items,
  unique_items,
  max_properties,
  min_properties,
  // properties + patternProperties + additionalProperties + required of one schema, fused so
  // that the instance object is walked once: `named` is the sorted union of declared and
  // required names (sub = nullptr for required-only names), `entry_required` flags the
  // required ones, `strings` lists required names in schema order, `patterns` the
  // patternProperties, `sub` the additionalProperties schema (or nullptr).
  object_properties,
  dependent_required,  // dependents
  dependent_schemas,   // named
  property_names,
  all_of,
  any_of,
  one_of,
  not_,
  if_then_else,  // sub = if, then_node, else_node (either may be null)
  unevaluated_items,
  unevaluated_properties,
};

// Field order matters: the leaf checks run on every instance value and read only the first
// cache line (op, type_mask, count, sub, value, the pattern), so those come first.
struct Keyword {
  Op op = Op::type;
  bool dynamic = false;  // $dynamicRef: initial target is a $dynamicAnchor
  unsigned type_mask = 0;
  std::size_t count = 0;  // length / item / property limits; `start` for items
  const Node* sub = nullptr;
  greenapply::json value;  // limit numbers, enum/const values, format name, type list
  std::vector<Pattern> sibling_patterns;  // pattern
  std::size_t max_count = std::numeric_limits<std::size_t>::max();
  std::string name;  // the keyword as spelled in the schema (for locations)
  const Node* then_node = nullptr;
  const Node* else_node = nullptr;
  std::vector<const Node*> subs;
  std::vector<std::pair<std::string, const Node*>> named;
  std::vector<unsigned char> entry_required;  // object_properties
  NameIndex named_index;                      // object_properties: `named` by name
  std::vector<std::pair<Pattern, const Node*>> patterns;
  std::vector<std::string> strings;  // required names
  std::vector<std::pair<std::string, std::vector<std::string>>> dependents;
  bool has_properties = false;  // object_properties: "properties" present
  std::string anchor;           // $dynamicRef: the fragment's anchor name, if dynamic
};

// The leaf checks of one node (see Node::leaf) arranged by what they apply to, so that
// leaf_passes (evaluator.hpp) switches once on the instance's type and runs only the checks for
// it, instead of dispatching every keyword. Pointers are into the node's own keywords. Built
// when each leaf keyword appears at most once in the node (`built`); a node whose checks are not
// built is nobody's leaf.
struct LeafChecks {
  bool built = false;
  bool number_needs_full = false;  // multipleOf: a number never passes it trivially
  bool string_needs_full = false;  // an asserted format: a string never passes it trivially
  bool has_type = false;
  unsigned type_mask = 0;  // "type"
  std::size_t min_length = 0;
  std::size_t max_length = std::numeric_limits<std::size_t>::max();
  std::size_t min_items = 0;
  std::size_t max_items = std::numeric_limits<std::size_t>::max();
  std::size_t min_properties = 0;
  std::size_t max_properties = std::numeric_limits<std::size_t>::max();
  const Pattern* pattern = nullptr;
  const greenapply::json* enum_values = nullptr;
  bool enum_of_strings = false;  // every value of the enum is a string: found in enum_strings
  NameIndex enum_strings;
  const greenapply::json* const_value = nullptr;
  const greenapply::json* maximum = nullptr;
  const greenapply::json* exclusive_maximum = nullptr;
  const greenapply::json* minimum = nullptr;
  const greenapply::json* exclusive_minimum = nullptr;
};

struct Node {
  bool is_boolean = false;
  bool boolean_value = true;
  bool collects_annotations = false;  // has unevaluatedItems/unevaluatedProperties
  const Resource* resource = nullptr;
  // Set when this node (directly, or through at most kMaxLeafHops "$ref"-only nodes) ends in a
  // node whose keywords are all leaf checks (type, enum, lengths, limits, pattern, ...): the
  // evaluator then runs those checks inline, without entering the node, and does the full
  // evaluation (which reports, with the exact keyword path) only when one does not clearly
  // pass. Most property values of a form meet it: on the valid path they cost a few compares.
  const Node* leaf = nullptr;
  LeafChecks leaf_checks;  // this node's, when it is some node's leaf
  std::vector<Keyword> keywords;
  std::string location;  // absolute URI + "#" + JSON pointer of this subschema
};

// The longest chain of "$ref"-only nodes a leaf shortcut may skip (see Node::leaf).
constexpr std::size_t kMaxLeafHops = 8;

struct CompiledSchema {
  Options options;
  std::deque<greenapply::json> documents;  // [0] is the caller's schema, then fetched documents
  std::deque<Resource> resources;
  std::deque<Node> nodes;
  const Node* root = nullptr;
};

// Builds the compiled form of `schema`. Throws SchemaError.
std::shared_ptr<const CompiledSchema> compile_schema(const greenapply::json& schema,
                                                     const Options& options,
                                                     const Resolver& resolver);

// Evaluates `instance`; issues go to `out` when it is non-null (all errors), otherwise the
// evaluation stops at the first error.
bool evaluate(const CompiledSchema& schema, const greenapply::json& instance,
              std::vector<Issue>* out);

// RFC 6901 escaping of one reference token ("~" -> "~0", "/" -> "~1"), appended with its "/".
using json_pointer::append_token;

}  // namespace greenapply::json_schema::detail
