// Attachment records in the answers checked against the files that came with the application.
#include "round_internal.hpp"
#include "greenapply/json_pointer.hpp"

namespace greenapply::round::detail {
namespace {

using nlohmann::json;

bool is_sha256(const json& v) {
  if (!v.is_string()) return false;
  const auto& s = v.get_ref<const std::string&>();
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

using json_pointer::escape_token;

void walk(const json& v, const std::string& pointer, const std::vector<AvailableFile>& available, json& out) {
  if (v.is_object()) {
    if (v.contains("name") && v["name"].is_string() && v.contains("sha256") && is_sha256(v["sha256"])) {
      const std::string& name = v["name"].get_ref<const std::string&>();
      const std::string& sha = v["sha256"].get_ref<const std::string&>();
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
    for (auto it = v.begin(); it != v.end(); ++it) walk(it.value(), pointer + "/" + escape_token(it.key()), available, out);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) walk(v[i], pointer + "/" + std::to_string(i), available, out);
  }
}

}  // namespace

json verify_attachments(const json& answers, const std::vector<AvailableFile>& available) {
  json out = json::array();
  walk(answers, "", available, out);
  return out;
}

}  // namespace greenapply::round::detail
