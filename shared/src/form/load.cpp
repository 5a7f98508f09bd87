// FormPackage::load — compiles a bundle once: schema validator, layout, expressions (parsed and
// type-checked against the data schema), the round, the rubric. Collects every problem it finds
// rather than stopping at the first, so lint can report them all.
#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "package_data.hpp"
#include "pointer.hpp"
#include "schema_types.hpp"

namespace greenapply::form {

PackageError::PackageError(std::vector<Issue> list)
    : Failure(list.empty() ? "unusable form package"
                           : "unusable form package: " + list.front().file + ": " + list.front().location + ": " +
                                 list.front().message_key,
              std::move(list)) {}

namespace {

using greenapply::json;

class Loader {
 public:
  Loader(PackageData& data, std::vector<Issue>& problems)
      : d_(data), problems_(problems), types_(schema_or_empty(), &doc("common_schemas")) {}

  void run() {
    load_manifest();
    load_schema();
    load_layout();
    index_fields_by_section();
    load_round();
    load_computed();
    load_visibility();
    load_constraints();
    load_checks();
    load_rubric();
    load_match();
  }

 private:
  const json& doc(const char* name) const {
    static const json kEmpty = json::object();
    const auto it = d_.bundle.find(name);
    return it != d_.bundle.end() ? *it : kEmpty;
  }
  const json& schema_or_empty() const { return doc("data_schema"); }

  void problem(std::string file, std::string pointer, std::string key, json params = json::object(),
               Severity severity = Severity::error) {
    problems_.push_back(Issue{std::move(pointer), std::move(key), std::move(params), severity, std::move(file)});
  }

  // A required string member; reports and returns "" when missing.
  std::string need_string(const json& obj, const char* key, const std::string& file,
                          const std::string& where) {
    if (obj.is_object()) {
      const auto it = obj.find(key);
      if (it != obj.end() && it->is_string() && !it->get_ref<const std::string&>().empty())
        return it->get<std::string>();
    }
    problem(file, where + "/" + key, "package.missing_member", {{"member", key}});
    return "";
  }

  const json& array_member(const json& obj, const char* key) {
    static const json kEmpty = json::array();
    if (!obj.is_object()) return kEmpty;
    const auto it = obj.find(key);
    return it != obj.end() && it->is_array() ? *it : kEmpty;
  }

  // ----- expressions ---------------------------------------------------------------------
  std::optional<expr::Type> type_env(const std::vector<std::string>& path) const {
    if (path.empty()) return std::nullopt;
    if (path[0] == "now") return path.size() == 1 ? std::optional(expr::Type::date) : std::nullopt;
    if (path[0] == "round") {
      if (path.size() == 1) return expr::Type::object;
      if (path.size() != 2) return std::nullopt;
      if (path[1] == "opens" || path[1] == "closes_before" || path[1] == "deadline") return expr::Type::date;
      if (path[1] == "id" || path[1] == "time_zone") return expr::Type::string;
      return std::nullopt;
    }
    if (path[0] == "calc") {
      if (path.size() != 2) return std::nullopt;
      const auto it = calc_types_.find(path[1]);
      if (it == calc_types_.end()) return std::nullopt;
      return it->second;
    }
    return types_.type_of(path);
  }

  std::optional<expr::Program> compile(const json& node, const std::string& file,
                                       const std::string& pointer,
                                       const std::vector<std::string>& it_path = {}) {
    if (!node.is_string()) {
      problem(file, pointer, "package.expression_not_string");
      return std::nullopt;
    }
    try {
      return expr::Program::compile(node.get<std::string>(),
                                    [this](const std::vector<std::string>& p) { return type_env(p); },
                                    it_path);
    } catch (const expr::ParseError& e) {
      const Issue& at = e.issue();
      json params = at.params.is_object() ? at.params : json::object();
      params["offset"] = at.offset;
      params["line"] = at.line;
      params["column"] = at.column;
      params["expression"] = node.get<std::string>();
      problem(file, pointer, at.message_key, std::move(params));
      return std::nullopt;
    }
  }

  // For a pattern like "/team/core_team/*/phd_field": the list path {"team","core_team"} that
  // `it` ranges over and the list pattern "/team/core_team". Only one level of "*" is allowed.
  bool scope_of(const std::string& pattern, const std::string& file, const std::string& where,
                Scoped& scope, std::vector<std::string>& it_path) {
    const auto tokens = split_pointer(pattern);
    const auto star = std::find(tokens.begin(), tokens.end(), "*");
    if (star == tokens.end()) return true;
    if (std::find(star + 1, tokens.end(), "*") != tokens.end()) {
      problem(file, where, "package.nested_repeat_rule", {{"pointer", pattern}});
      return false;
    }
    it_path.assign(tokens.begin(), star);
    scope.list_pattern = join_pointer(it_path);
    return true;
  }

  bool field_exists(const std::string& pattern) const { return types_.find_pointer(pattern) != nullptr; }

  // ----- parts -----------------------------------------------------------------------------
  void load_manifest() {
    const json& form = doc("form");
    d_.id = need_string(form, "id", "form.json", "");
    d_.version = need_string(form, "version", "form.json", "");
    d_.form_code = form.value("form_code", std::string());
    d_.applicant_name_pointer = form.value("applicant_name", std::string());
    if (const auto sub = form.find("submission"); sub != form.end() && sub->is_object()) {
      if (const auto c = sub->find("contact"); c != sub->end() && c->is_string()) d_.contact_key = c->get<std::string>();
      if (const auto n = sub->find("next_steps"); n != sub->end() && n->is_array())
        for (const auto& k : *n)
          if (k.is_string()) d_.next_step_keys.push_back(k.get<std::string>());
    }
    for (const char* part : {"data_schema", "layout"}) {
      if (!d_.bundle.contains(part)) problem("form.json", "/files", "package.missing_file", {{"file", part}});
    }
  }

  void load_schema() {
    const json& schema = doc("data_schema");
    try {
      // Forms assert formats: an applicant who types "2023-13-45" as a date or "name at host"
      // as an e-mail address must be told, not annotated.
      json_schema::Options options;
      options.format_assertion = true;
      // Shared schemas (schemas/common/*.schema.json, e.g. the technology taxonomy) are found by
      // their "$id"; nothing else is ever fetched.
      const json* common = &doc("common_schemas");
      const json_schema::Resolver resolver = [common](const std::string& uri) -> std::optional<json> {
        if (const json* d = find_common_schema(common, uri)) return *d;
        return std::nullopt;
      };
      d_.validator = json_schema::Validator::compile(schema, options, resolver);
    } catch (const json_schema::SchemaError& e) {
      problem("data.schema.json", e.issue().absolute_keyword_location, e.issue().message_key, {{"detail", e.what()}});
    }
    if (!d_.applicant_name_pointer.empty() && !field_exists(d_.applicant_name_pointer))
      problem("form.json", "/applicant_name", "package.unknown_field", {{"pointer", d_.applicant_name_pointer}});
  }

  void add_fields(const json& list, const std::string& section, const std::string& base,
                  const std::string& where, std::vector<std::size_t>* top) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      const json& f = list[i];
      const std::string here = where + "/" + std::to_string(i);
      LayoutField field;
      field.section = section;
      field.widget = f.value("widget", std::string());
      field.in_repeat = !base.empty();
      if (f.contains("computed")) {
        field.computed = f.value("computed", std::string());
      } else {
        const std::string p = f.value("pointer", std::string());
        field.pointer = base.empty() ? p : base + "/*/" + p;
        if (p.empty()) {
          problem("layout.json", here, "package.missing_member", {{"member", "pointer"}});
        } else if (!field_exists(field.pointer)) {
          problem("layout.json", here + "/pointer", "package.unknown_field", {{"pointer", field.pointer}});
        }
      }
      // A money field may take its currency from another answer (the page shows that code).
      if (f.contains("currency")) {
        const std::string c = f["currency"].is_string() ? f["currency"].get<std::string>() : "";
        if (!field_exists(c)) problem("layout.json", here + "/currency", "package.unknown_field", {{"pointer", c}});
      }
      d_.fields.push_back(field);
      if (top) top->push_back(d_.fields.size() - 1);
      if (field.widget == "repeat" && !field.pointer.empty())
        add_fields(array_member(f, "fields"), section, field.pointer, here + "/fields", nullptr);
    }
  }

  void load_layout() {
    const json& sections = array_member(doc("layout"), "sections");
    if (sections.empty()) problem("layout.json", "/sections", "package.no_sections");
    for (std::size_t i = 0; i < sections.size(); ++i) {
      Section s;
      s.id = need_string(sections[i], "id", "layout.json", "/sections/" + std::to_string(i));
      add_fields(array_member(sections[i], "fields"), s.id, "", "/sections/" + std::to_string(i) + "/fields",
                 &s.fields);
      d_.sections.push_back(std::move(s));
    }
  }

  void load_round() {
    const json& elig = doc("eligibility");
    const auto it = elig.find("round");
    if (it == elig.end() || it->is_null()) return;  // rolling programme
    const json& r = *it;
    Round round;
    round.id = r.value("id", std::string());
    round.time_zone = need_string(r, "time_zone", "eligibility.json", "/round");
    const auto opens = parse_instant(r.value("opens", std::string()));
    const auto closes = parse_instant(r.value("closes_before", std::string()));
    const auto deadline = parse_date(r.value("deadline", std::string()));
    if (!opens) problem("eligibility.json", "/round/opens", "package.bad_instant");
    if (!closes) problem("eligibility.json", "/round/closes_before", "package.bad_instant");
    if (!deadline) problem("eligibility.json", "/round/deadline", "package.bad_date");
    if (!opens || !closes || !deadline) return;
    if (closes->epoch_seconds <= opens->epoch_seconds)
      problem("eligibility.json", "/round/closes_before", "package.window_empty");
    round.opens = *opens;
    round.closes_before = *closes;
    round.deadline_day = *deadline;
    round.offset_minutes = opens->offset_minutes;
    d_.round = round;
  }

  void load_computed() {
    const json& list = array_member(doc("rules"), "computed");
    // Phase 1: every computed value is "any" so each parses alone; collect dependencies.
    std::map<std::string, std::size_t> index;
    std::vector<std::set<std::string>> deps(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string id = need_string(list[i], "id", "rules.json", "/computed/" + std::to_string(i));
      if (index.count(id)) problem("rules.json", "/computed/" + std::to_string(i) + "/id", "package.duplicate_id", {{"id", id}});
      index[id] = i;
      calc_types_[id] = expr::Type::any;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      auto program = compile(list[i].value("expr", json()), "rules.json", "/computed/" + std::to_string(i) + "/expr");
      if (!program) continue;
      for (const auto& ref : program->references()) {
        if (ref.size() == 2 && ref[0] == "calc") deps[i].insert(ref[1]);
      }
    }
    // Phase 2: topological order (a cycle is an error), then compile with real types.
    std::vector<int> state(list.size(), 0);  // 0 new, 1 visiting, 2 done
    std::vector<std::size_t> order;
    std::function<void(std::size_t)> visit = [&](std::size_t i) {
      if (state[i] == 2) return;
      if (state[i] == 1) {
        problem("rules.json", "/computed/" + std::to_string(i), "package.computed_cycle",
                {{"id", list[i].value("id", std::string())}});
        return;
      }
      state[i] = 1;
      for (const auto& dep : deps[i]) {
        const auto it = index.find(dep);
        if (it != index.end()) visit(it->second);
      }
      state[i] = 2;
      order.push_back(i);
    };
    for (std::size_t i = 0; i < list.size(); ++i) visit(i);
    for (std::size_t i : order) {
      auto program = compile(list[i].value("expr", json()), "rules.json", "/computed/" + std::to_string(i) + "/expr");
      if (!program) continue;
      const std::string id = list[i].value("id", std::string());
      calc_types_[id] = program->result_type();
      d_.computed.push_back({id, std::move(*program)});
    }
  }

  void load_visibility() {
    const json& list = array_member(doc("rules"), "visibility");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = "/visibility/" + std::to_string(i);
      Visibility v;
      v.target = need_string(list[i], "target", "rules.json", where);
      if (v.target.empty()) continue;
      if (!field_exists(v.target)) {
        problem("rules.json", where + "/target", "package.unknown_field", {{"pointer", v.target}});
        continue;
      }
      std::vector<std::string> it_path;
      if (!scope_of(v.target, "rules.json", where + "/target", v.scope, it_path)) continue;
      auto when = compile(list[i].value("when", json()), "rules.json", where + "/when", it_path);
      if (!when) continue;
      for (const auto& ref : when->references()) {
        if (!ref.empty() && ref[0] == "calc")
          problem("rules.json", where + "/when", "package.visibility_uses_computed", {{"id", ref.size() > 1 ? ref[1] : ""}});
      }
      v.when = std::move(*when);
      d_.visibility.push_back(std::move(v));
    }
  }

  void load_constraints() {
    const json& list = array_member(doc("rules"), "constraints");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = "/constraints/" + std::to_string(i);
      const json& c = list[i];
      Constraint k;
      k.id = need_string(c, "id", "rules.json", where);
      k.pointer = need_string(c, "pointer", "rules.json", where);
      k.severity = c.value("severity", std::string("error")) == "warning" ? Severity::warning : Severity::error;
      if (!k.pointer.empty() && !field_exists(k.pointer)) {
        problem("rules.json", where + "/pointer", "package.unknown_field", {{"pointer", k.pointer}});
        continue;
      }
      std::vector<std::string> it_path;
      if (!scope_of(k.pointer, "rules.json", where + "/pointer", k.scope, it_path)) continue;
      if (c.contains("when")) {
        k.when = compile(c["when"], "rules.json", where + "/when", it_path);
        if (!k.when) continue;
      }
      auto assertion = compile(c.value("assert", json()), "rules.json", where + "/assert", it_path);
      if (!assertion) continue;
      k.assertion = std::move(*assertion);
      if (!load_params(c, where, it_path, k)) continue;
      d_.constraints.push_back(std::move(k));
    }
  }

  // A constraint's "params": an object of expressions, one per placeholder of its message.
  bool load_params(const json& c, const std::string& where, const std::vector<std::string>& it_path, Constraint& k) {
    if (!c.contains("params")) return true;
    const json& params = c["params"];
    if (!params.is_object()) {
      problem("rules.json", where + "/params", "package.expression_not_string");
      return false;
    }
    for (const auto& [name, node] : params.items()) {
      auto program = compile(node, "rules.json", where + "/params/" + escape_token(name), it_path);
      if (!program) return false;
      k.params.emplace_back(name, std::move(*program));
    }
    return true;
  }

  void load_checks() {
    const json& elig = doc("eligibility");
    const json& list = array_member(elig, "checks");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string where = "/checks/" + std::to_string(i);
      Check c;
      c.id = need_string(list[i], "id", "eligibility.json", where);
      const std::string kind = list[i].value("kind", std::string("hard"));
      if (kind != "hard" && kind != "soft")
        problem("eligibility.json", where + "/kind", "package.bad_check_kind", {{"kind", kind}});
      c.hard = kind != "soft";
      auto assertion = compile(list[i].value("assert", json()), "eligibility.json", where + "/assert");
      if (!assertion) continue;
      c.assertion = std::move(*assertion);
      d_.checks.push_back(std::move(c));
    }
    const json& atts = array_member(elig, "attachments");
    for (std::size_t i = 0; i < atts.size(); ++i) {
      const std::string where = "/attachments/" + std::to_string(i);
      Attachment a;
      a.id = need_string(atts[i], "id", "eligibility.json", where);
      a.pointer = need_string(atts[i], "pointer", "eligibility.json", where);
      if (!a.pointer.empty() && !field_exists(a.pointer))
        problem("eligibility.json", where + "/pointer", "package.unknown_field", {{"pointer", a.pointer}});
      if (atts[i].contains("required_when")) {
        a.required_when = compile(atts[i]["required_when"], "eligibility.json", where + "/required_when");
        if (!a.required_when) continue;
      }
      d_.attachments.push_back(std::move(a));
    }
  }

  // match.json (need forms): how technologies are scored against the answers of this form.
  // Its need-side pointers must be fields of this form; the technology side belongs to another
  // package, which the golden tests load beside it.
  void load_match() {
    if (!d_.bundle.contains("match")) return;
    try {
      d_.matcher = match::Matcher::load(d_.bundle["match"]);
    } catch (const match::SpecError& e) {
      problem("match.json", e.issue().location, e.issue().message_key, e.issue().params);
      return;
    }
    for (const auto& p : d_.matcher->need_pointers()) {
      if (!field_exists(p)) problem("match.json", "", "package.unknown_field", {{"pointer", p}});
    }
  }

  void load_rubric() {
    const json& rubric = doc("rubric");
    if (!rubric.is_object() || rubric.empty()) return;  // a form may have no self-score
    d_.needs_work_below = share(rubric, "needs_work_below", 0.5, "");
    d_.advice_at_or_below = share(rubric, "advice_at_or_below", 0.4, "");
    const json& dims = array_member(rubric, "dimensions");
    for (std::size_t i = 0; i < dims.size(); ++i) {
      const std::string where = "/dimensions/" + std::to_string(i);
      Dimension dim;
      dim.id = need_string(dims[i], "id", "rubric.json", where);
      dim.weight = dims[i].value("weight", 0.0);
      dim.enabled = dims[i].value("enabled", true);
      dim.in_total = dims[i].value("in_total", true);
      // A dimension may set its own "needs work" threshold, or null: never flag it (for a
      // dimension where a low score is no weakness). Absent: the rubric's threshold.
      dim.needs_work_below = d_.needs_work_below;
      if (const auto own = dims[i].find("needs_work_below"); own != dims[i].end()) {
        if (own->is_null())
          dim.needs_work_below = std::nullopt;
        else
          dim.needs_work_below = share(dims[i], "needs_work_below", d_.needs_work_below, where);
      }
      const json& crits = array_member(dims[i], "criteria");
      for (std::size_t k = 0; k < crits.size(); ++k) {
        const std::string cw = where + "/criteria/" + std::to_string(k);
        Criterion c;
        c.id = need_string(crits[k], "id", "rubric.json", cw);
        c.max = crits[k].value("max", 0.0);
        if (!(c.max > 0)) problem("rubric.json", cw + "/max", "package.criterion_max");
        auto points = compile(crits[k].value("points", json()), "rubric.json", cw + "/points");
        if (!points) continue;
        c.points = std::move(*points);
        dim.criteria.push_back(std::move(c));
      }
      if (dim.criteria.empty()) problem("rubric.json", where + "/criteria", "package.dimension_empty", {{"id", dim.id}});
      d_.dimensions.push_back(std::move(dim));
    }
    const json& bands = array_member(rubric, "bands");
    for (std::size_t i = 0; i < bands.size(); ++i) {
      d_.bands.push_back({need_string(bands[i], "id", "rubric.json", "/bands/" + std::to_string(i)),
                          bands[i].value("min", 0.0)});
    }
    std::sort(d_.bands.begin(), d_.bands.end(), [](const Band& a, const Band& b) { return a.min > b.min; });
  }

  // A share of a criterion's or dimension's maximum (0…1): `fallback` when absent; a problem
  // (and the fallback) when it is not a number in range, so a bad rubric never loads silently.
  double share(const json& obj, const char* key, double fallback, const std::string& where) {
    const auto it = obj.find(key);
    if (it == obj.end()) return fallback;
    if (it->is_number() && it->get<double>() >= 0 && it->get<double>() <= 1) return it->get<double>();
    problem("rubric.json", where + "/" + key, "package.bad_share", {{"member", key}});
    return fallback;
  }

  void index_fields_by_section() {
    for (std::size_t i = 0; i < d_.fields.size(); ++i) {
      d_.fields_by_section[std::string(first_token(d_.fields[i].pointer))].push_back(i);
    }
  }

  PackageData& d_;
  std::vector<Issue>& problems_;
  SchemaTypes types_;
  std::map<std::string, expr::Type> calc_types_;
};

}  // namespace

FormPackage FormPackage::load(greenapply::json bundle) {
  auto data = std::make_shared<PackageData>();
  data->bundle = std::move(bundle);
  std::vector<Issue> problems;
  Loader(*data, problems).run();
  std::vector<Issue> errors;
  for (auto& p : problems) {
    (p.severity == Severity::error ? errors : data->warnings).push_back(p);
  }
  if (!errors.empty()) throw PackageError(std::move(errors));
  return FormPackage(std::move(data));
}

const std::string& FormPackage::id() const { return data_->id; }
const std::string& FormPackage::version() const { return data_->version; }
const greenapply::json& FormPackage::bundle() const { return data_->bundle; }
const std::vector<Issue>& FormPackage::warnings() const { return data_->warnings; }

}  // namespace greenapply::form
