// check_round: received files → submissions → evaluated rows → resubmissions settled → ranking.
// See greenapply/round.hpp for the contract.
#include <algorithm>
#include <map>

#include "greenapply/digest.hpp"
#include "greenapply/json_release.hpp"
#include "greenapply/json_text.hpp"
#include "greenapply/mail_reader.hpp"
#include "greenapply/match.hpp"
#include "greenapply/round.hpp"
#include "greenapply/xml.hpp"
#include "round_internal.hpp"

namespace greenapply::round {

using greenapply::json;

namespace {

enum class Kind { json_package, xml_package, eml, mbox, other };

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string folder_of(const std::string& name) {
  const auto slash = name.find_last_of('/');
  return slash == std::string::npos ? "" : name.substr(0, slash);
}

std::string base_of(const std::string& name) {
  const auto slash = name.find_last_of('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

// What a file's name alone says it is (any case); is_package_name reads the same answer.
Kind kind_by_name(std::string_view name) {
  const std::string n = lower(std::string(name));
  if (ends_with(n, ".json")) return Kind::json_package;
  if (ends_with(n, ".xml")) return Kind::xml_package;
  if (ends_with(n, ".eml")) return Kind::eml;
  if (ends_with(n, ".mbox") || ends_with(n, ".mbx")) return Kind::mbox;
  return Kind::other;
}

// The name first; a file it leaves unnamed is a mailbox when its first bytes say so.
Kind kind_of(const ReceivedFile& f) {
  const Kind by_name = kind_by_name(f.name);
  return by_name == Kind::other && mail::looks_like_mbox(f.bytes) ? Kind::mbox : by_name;
}

std::string trim_lower(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  s = b == std::string::npos ? "" : s.substr(b, e - b + 1);
  return lower(s);
}

const json* at_pointer(const json& doc, const std::string& pointer) {
  try {
    const json::json_pointer p(pointer);
    return doc.contains(p) ? &doc.at(p) : nullptr;
  } catch (const std::exception&) {
    return nullptr;
  }
}

// form.json's "applicant_id" (a pointer or a list of them: the first answered one counts) and
// "track" (a pointer), both optional.
struct FormHints {
  std::vector<std::string> id_pointers;
  std::string track_pointer;
  const json* common_en = nullptr;
};

FormHints hints_of(const form::FormPackage& package) {
  FormHints h;
  const json& bundle = package.bundle();
  if (bundle.contains("form") && bundle["form"].is_object()) {
    const json& form = bundle["form"];
    if (auto it = form.find("applicant_id"); it != form.end()) {
      if (it->is_string()) h.id_pointers.push_back(it->get<std::string>());
      if (it->is_array())
        for (const auto& p : *it)
          if (p.is_string()) h.id_pointers.push_back(p.get<std::string>());
    }
    if (auto it = form.find("track"); it != form.end() && it->is_string()) h.track_pointer = it->get<std::string>();
  }
  if (bundle.contains("common_i18n") && bundle["common_i18n"].contains("en")) h.common_en = &bundle["common_i18n"]["en"];
  return h;
}

// One application as it arrived, before it is evaluated.
struct Submission {
  std::string file;
  json source;
  std::string received_from;  // package | email
  std::string email_date;     // RFC 3339 or ""
  std::vector<detail::AvailableFile> available;
  json mail_problems = json::array();
  // A package file not read yet: it is read on the thread that evaluates it, just before, while
  // its bytes are fresh in that core's cache, and read again should its answers be wanted for a
  // resubmission's changes.
  const ReceivedFile* unread = nullptr;
  // An e-mail's package part, as text, for the same second reading (the mail is parsed once).
  std::string part_text;
  bool part_xml = false;
  // Either a document, or why there is none.
  json document;
  std::string problem, problem_key;
};

struct Evaluated {
  json row;
  std::string identity;
  std::int64_t epoch = 0;
  std::vector<std::string> dimension_ids;  // in rubric order, for the round's column order
};

class Round {
 public:
  Round(const form::FormPackage& package, const std::string& now, const ForEach& for_each)
      : package_(package), now_(now), hints_(hints_of(package)), for_each_(for_each) {}

  void add_files(const std::vector<ReceivedFile>& files) {
    // Loose files first, so a package's neighbours are known whatever the order.
    std::map<std::string, std::vector<detail::AvailableFile>> loose;
    for (const auto& f : files)
      if (kind_of(f) == Kind::other) loose[folder_of(f.name)].push_back({base_of(f.name), sha256_hex(f.bytes)});
    for (const auto& f : files) {
      switch (kind_of(f)) {
        case Kind::json_package:
        case Kind::xml_package: {
          Submission s;
          s.file = f.name;
          s.source = {{"file", f.name}};
          s.received_from = "package";
          s.available = loose[folder_of(f.name)];
          s.unread = &f;
          submissions_.push_back(std::move(s));
          break;
        }
        case Kind::eml:
          add_message(f.name, f.bytes, 0);
          break;
        case Kind::mbox: {
          const auto messages = mail::split_mbox(f.bytes);
          for (std::size_t i = 0; i < messages.size(); ++i) add_message(f.name, messages[i], i + 1);
          break;
        }
        case Kind::other:
          break;
      }
    }
  }

  json result() {
    std::vector<Evaluated> evaluated(submissions_.size());
    run_each(submissions_.size(), [&](std::size_t i) {
      Submission& s = submissions_[i];
      read_unread(s);
      evaluated[i] = evaluate(s);
      // Read for the last time (its answers were moved into the evaluation): freed here, on the
      // body's thread, not all at the end on one.
      release_json(submissions_[i].document);
    });
    std::vector<json> rows;
    std::vector<std::string> identity;
    std::vector<std::int64_t> epoch;
    json dimension_ids = json::array();
    for (auto& e : evaluated) {
      for (const auto& id : e.dimension_ids)
        if (std::find(dimension_ids.begin(), dimension_ids.end(), id) == dimension_ids.end())
          dimension_ids.push_back(id);
      rows.push_back(std::move(e.row));
      identity.push_back(std::move(e.identity));
      epoch.push_back(e.epoch);
    }
    // The submitted answers of a resubmission and the one before it, for what changed between
    // them: read and evaluated again once the identities are known. Keeping every application's
    // answers from the first pass held a round's answers in memory (300 MB for 10,000
    // applications) for the few that are resubmissions; touching that much fresh memory cost more
    // than the batch's whole validation (BENCHMARKS.md, session 17).
    json superseded = detail::settle_resubmissions(rows, identity, epoch, [&](const std::vector<std::size_t>& wanted) {
      std::vector<json> answers(wanted.size());
      run_each(wanted.size(), [&](std::size_t k) { answers[k] = submitted_again(submissions_[wanted[k]]); });
      return answers;
    });
    detail::rank(rows);
    json out = json::object();
    out["form"] = package_.id();
    out["version"] = package_.version();
    out["engine"] = GREENAPPLY_VERSION;
    out["now"] = now_;
    out["dimensions"] = std::move(dimension_ids);
    out["ranking"] = json(std::move(rows));
    out["superseded"] = std::move(superseded);
    return out;
  }

 private:
  std::string text_of(const std::string& key) const {
    if (hints_.common_en && hints_.common_en->contains(key) && (*hints_.common_en)[key].is_string())
      return (*hints_.common_en)[key].get<std::string>();
    return key;
  }

  // A package file is read and parsed on the thread that evaluates it; an e-mail's package was
  // parsed when the mail was read.
  static void read_unread(Submission& s) {
    if (s.unread == nullptr) return;
    const ReceivedFile& f = *s.unread;
    const bool xml = kind_of(f) == Kind::xml_package;
    if (!f.read) {
      read_document(s, f.bytes, xml);
      return;
    }
    std::string bytes;
    try {
      bytes = f.read();
    } catch (const std::exception& e) {
      s.problem = e.what();
      s.problem_key = "round.unreadable";
      return;
    }
    read_document(s, bytes, xml);
  }

  // The answers as the evaluation submitted them (hidden answers pruned), from a second reading
  // of the submission: the same text through the same evaluation, so the same answers.
  json submitted_again(const Submission& first) const {
    Submission s;
    s.unread = first.unread;
    s.email_date = first.email_date;
    if (s.unread != nullptr) read_unread(s);
    else read_document(s, first.part_text, first.part_xml);
    if (!s.problem_key.empty() || !s.document.is_object()) return json();
    try {
      const std::string received_at = received_at_of(s).first;
      // Copied, not moved: few applications are read again, and answers_of hands out a const view.
      json evaluated = form::evaluate(package_, match::answers_of(s.document), received_at, "en", form::Detail::decisions);
      json submitted = std::move(evaluated["submitted"]);
      release_json(evaluated);
      return submitted;
    } catch (const std::exception&) {
      return json();  // the first reading failed the same way: the row is unreadable, not grouped
    }
  }

  // When the application counts as received, and by what: the package's own received_at, else
  // the e-mail's Date, else the time of the check.
  std::pair<std::string, const char*> received_at_of(const Submission& s) const {
    const json& app = s.document;
    if (app.is_object() && app.contains("received_at") && app["received_at"].is_string())
      return {app["received_at"].get<std::string>(), "package"};
    if (!s.email_date.empty()) return {s.email_date, "email_date"};
    return {now_, "now"};
  }

  // Parses a package's text; on failure records why (the parser's own words, and its key).
  static void read_document(Submission& s, const std::string& bytes, bool xml) {
    try {
      s.document = xml ? xml::from_xml(bytes) : parse_json(bytes);
    } catch (const JsonTextError& e) {
      s.problem = e.what();
      s.problem_key = e.issue().message_key;
    } catch (const xml::XmlError& e) {
      s.problem = e.what();
      s.problem_key = e.issue().message_key;
    } catch (const std::exception& e) {
      s.problem = e.what();
      s.problem_key = "round.unreadable";
    }
  }

  // One e-mail: the package it carries (the JSON one when it carries both JSON and XML, as the
  // applicant's page sends them), its Date, and its other files for the attachment check.
  void add_message(const std::string& file, const std::string& raw, std::size_t index) {
    Submission s;
    s.file = index ? file + "#" + std::to_string(index) : file;
    s.source = {{"file", file}};
    if (index) s.source["message"] = index;
    s.received_from = "email";
    const mail::Message m = mail::parse_message(raw);
    s.email_date = m.date;
    for (const auto& p : m.problems) s.mail_problems.push_back(p);
    std::vector<const mail::AttachedFile*> json_parts, xml_parts;
    for (const auto& f : m.files) {
      s.available.push_back({f.name, sha256_hex(f.bytes)});
      const std::string n = lower(f.name);
      if (ends_with(n, ".json") || f.content_type == "application/json") json_parts.push_back(&f);
      else if (ends_with(n, ".xml") || f.content_type == "application/xml" || f.content_type == "text/xml")
        xml_parts.push_back(&f);
    }
    // The first part that reads as a document; else the first part's problem.
    for (auto [parts, is_xml] : {std::pair{&json_parts, false}, std::pair{&xml_parts, true}}) {
      for (const auto* part : *parts) {
        Submission trial;
        read_document(trial, part->bytes, is_xml);
        if (trial.problem_key.empty() && trial.document.is_object()) {
          s.document = std::move(trial.document);
          s.source["part"] = part->name;
          s.part_text = part->bytes;
          s.part_xml = is_xml;
          break;
        }
        if (s.problem_key.empty()) {
          s.problem = part->name + ": " + (trial.problem_key.empty() ? "not an application" : trial.problem);
          s.problem_key = trial.problem_key.empty() ? "round.not_an_application" : trial.problem_key;
        }
      }
      if (!s.document.is_null()) {
        s.problem.clear();
        s.problem_key.clear();
        break;
      }
    }
    if (s.document.is_null() && s.problem_key.empty()) {
      // Nothing that could be a package: say the mail reader's reason when it had one.
      s.problem_key = m.problems.empty() ? "mail.no_package" : m.problems.front();
      s.problem = text_of(s.problem_key);
    }
    submissions_.push_back(std::move(s));
  }

  // Moves the submission's answers into the evaluation (a package's "answers", or bare answers);
  // the document is freed right after.
  Evaluated evaluate(Submission& s) {
    Evaluated e;
    json& r = e.row;
    r["file"] = s.file;
    r["source"] = s.source;
    r["received_from"] = s.received_from;
    if (!s.mail_problems.empty()) r["mail_problems"] = s.mail_problems;
    json flags = json::array();
    r["attachments"] = json::array();
    if (s.document.is_null() || !s.problem_key.empty()) {
      r["verdict"] = "unreadable";
      r["problem"] = s.problem;
      r["problem_key"] = s.problem_key;
      r["flags"] = flags;
      return e;
    }
    const json& app = s.document;
    try {
      const json& answers = match::answers_of(app);
      // What is checked against the answers as received, before they go into the evaluation.
      const bool is_package = app.is_object() && app.contains("package");
      const bool answers_hash_differs =
          is_package && app.value("answers_sha256", std::string()) != sha256_hex(canonical_json(answers));
      json attachments = detail::verify_attachments(answers, s.available);
      const auto [received_at, received_at_from] = received_at_of(s);
      r["received_at"] = received_at;
      r["received_at_from"] = received_at_from;
      r["version"] = is_package && app["package"].is_object() ? app["package"].value("version", "") : "";
      // The decisions only: the round reads no text of the evaluation and no section.
      // The answers are read no more after this, so they are moved in, not copied: a package's
      // "answers" member, or bare answers (the whole document). A package whose "answers" is not
      // an object is read below (its other members), so it is copied.
      json* const movable = &answers != &app ? &s.document["answers"] : is_package ? nullptr : &s.document;
      json evaluated =
          movable != nullptr
              ? form::evaluate(package_, std::move(*movable), received_at, "en", form::Detail::decisions)
              : form::evaluate(package_, answers, received_at, "en", form::Detail::decisions);
      const json& ev = evaluated;
      r["applicant"] = ev["applicant_name"];
      r["form"] = package_.id();
      // Ranked on the programme's criteria: a submission received after the window is "closed"
      // to the applicant, but the organiser sees its merit, with the flag "late" beside it.
      const json& eligibility = ev["eligibility"];
      r["verdict"] = eligibility.contains("criteria_verdict") ? eligibility["criteria_verdict"] : eligibility["verdict"];
      r["window"] = ev["eligibility"]["window"];
      json reasons = json::array();
      for (const auto& x : ev["eligibility"]["reasons"]) reasons.push_back(x["id"]);
      r["reasons"] = reasons;
      r["errors"] = ev["issue_count"];
      r["total"] = ev["score"].is_object() ? ev["score"]["total"] : json();
      r["band"] = ev["score"].is_object() ? ev["score"]["band"] : json();
      json dims = json::object();
      if (ev["score"].is_object()) {
        for (const auto& d : ev["score"]["dimensions"]) {
          dims[d["id"].get<std::string>()] = d["score"];
          e.dimension_ids.push_back(d["id"].get<std::string>());
        }
      }
      r["dimensions"] = dims;
      const json& submitted = ev["submitted"];
      if (!hints_.track_pointer.empty())
        if (const json* t = at_pointer(submitted, hints_.track_pointer)) r["track"] = *t;
      if (is_package) {
        // An exported package: compare with what the applicant saw and what they sent.
        const json& seen = app.value("self_assessment", json::object());
        if (seen.is_object() && seen.contains("score") && seen["score"].is_object() &&
            seen["score"].value("total", json()) != r["total"])
          flags.push_back("score_differs");
        if (answers_hash_differs) flags.push_back("answers_sha256_mismatch");
        if (!app["package"].is_object() || app["package"].value("version", std::string()) != package_.version())
          flags.push_back("package_version_differs");
        if (app.value("engine", std::string()) != GREENAPPLY_VERSION) flags.push_back("engine_version_differs");
      } else {
        flags.push_back("not_a_package");
      }
      if (r["window"] == "closed") flags.push_back("late");
      r["attachments"] = std::move(attachments);
      bool missing = false, altered = false;
      for (const auto& a : r["attachments"]) {
        missing |= a["status"] == "missing";
        altered |= a["status"] == "altered";
      }
      if (missing) flags.push_back("attachment_missing");
      if (altered) flags.push_back("attachment_altered");
      // The applicant: the name (case and blanks aside) and the registration id when the form
      // names one.
      if (r["applicant"].is_string() && !trim_lower(r["applicant"].get<std::string>()).empty()) {
        std::string id;
        for (const auto& p : hints_.id_pointers) {
          const json* v = at_pointer(submitted, p);
          if (v && v->is_string() && !trim_lower(v->get<std::string>()).empty()) {
            id = trim_lower(v->get<std::string>());
            break;
          }
        }
        e.identity = trim_lower(r["applicant"].get<std::string>()) + '\x1f' + id;
      }
      e.epoch = detail::epoch_seconds(received_at).value_or(0);
      release_json(evaluated);  // freed here on this thread (json_release.hpp)
    } catch (const std::exception& ex) {
      // A received_at that is not RFC 3339, answers that are not an object…: this file only.
      r = json{{"file", s.file}, {"source", s.source}, {"received_from", s.received_from},
               {"attachments", json::array()}, {"verdict", "unreadable"}, {"problem", ex.what()},
               {"problem_key", "round.unreadable"}};
      if (!s.mail_problems.empty()) r["mail_problems"] = s.mail_problems;
      flags = json::array();
      e.identity.clear();
    }
    r["flags"] = flags;
    return e;
  }

  const form::FormPackage& package_;
  std::string now_;
  FormHints hints_;
  std::vector<Submission> submissions_;
  const ForEach& for_each_;

  void run_each(std::size_t count, const std::function<void(std::size_t)>& body) const {
    if (for_each_) {
      for_each_(count, body);
    } else {
      for (std::size_t i = 0; i < count; ++i) body(i);
    }
  }
};

}  // namespace

bool is_package_name(std::string_view name) {
  const Kind kind = kind_by_name(name);
  return kind == Kind::json_package || kind == Kind::xml_package;
}

json check_round(const form::FormPackage& package, const std::vector<ReceivedFile>& files, const std::string& now,
                 const ForEach& for_each) {
  Round round(package, now, for_each);
  round.add_files(files);
  return round.result();
}

}  // namespace greenapply::round
