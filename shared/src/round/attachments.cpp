// Attachment records in the answers checked against the files that came with the application.
#include "round_internal.hpp"
#include "greenapply/json_pointer.hpp"

namespace greenapply::round::detail {
namespace {

using greenapply::json;

bool is_sha256(const json& v) {
  if (!v.is_string()) return false;
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

using json_pointer::escape_token;

// `pointer` is the one buffer of the whole walk: each level appends its token and takes it off
// again (a string per node built and freed was most of this walk's cost in a batch).
void walk(const json& v, std::string& pointer, const std::vector<AvailableFile>& available, json& out) {
  if (v.is_object()) {
    const auto name_it = v.find(std::string_view("name"));
    const auto sha_it = v.find(std::string_view("sha256"));
    if (name_it != v.end() && name_it->is_string() && sha_it != v.end() && is_sha256(*sha_it)) {
      const std::string& name = name_it->get_ref<const std::string&>();
      const std::string& sha = sha_it->get_ref<const std::string&>();
      const char* status = "missing";
      for (const auto& f : available) {
        if (f.sha256 == sha) {
          status = "verified";
          break;
        }
        if (f.name == name) status = "altered";
      }
      out.push_back({{"name", name}, {"sha256", sha}, {"pointer", pointer}, {"status", status}});
      return;
    }
    const std::size_t keep = pointer.size();
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!it.value().is_structured()) continue;  // a text or number holds no record
      pointer += '/';
      const std::string& key = it.key();
      if (key.find_first_of("~/") == std::string::npos) pointer += key;
      else pointer += escape_token(key);
      walk(it.value(), pointer, available, out);
      pointer.resize(keep);
    }
  } else if (v.is_array()) {
    const std::size_t keep = pointer.size();
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (!v[i].is_structured()) continue;
      pointer += '/';
      pointer += std::to_string(i);
      walk(v[i], pointer, available, out);
      pointer.resize(keep);
    }
  }
}

}  // namespace

json verify_attachments(const json& answers, const std::vector<AvailableFile>& available) {
  json out = json::array();
  std::string pointer;
  walk(answers, pointer, available, out);
  return out;
}

}  // namespace greenapply::round::detail
