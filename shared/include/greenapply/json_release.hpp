// greenapply/json_release.hpp — freeing a large JSON tree for what it costs.
//
// nlohmann's destructor frees a tree of any depth without recursion: it first moves every node
// of the tree onto a heap stack, then frees them one by one, so each node is moved twice and
// destroyed three times (twice as a moved-from null). In the organiser's batch that was a tenth
// of all the work. Trees the core keeps are at most kMaxJsonDepth deep (parse_json bounds what
// comes in; what the core builds is shallower), so they can be emptied bottom-up by recursion,
// and nlohmann's destructor then meets only empty containers.
#pragma once

#include <utility>

#include "greenapply/json.hpp"

namespace greenapply {

// Empties `j` (it is null afterwards). For trees no deeper than kMaxJsonDepth.
inline void release_json(greenapply::json& j) {
  if (j.is_object()) {
    auto& object = j.get_ref<greenapply::json::object_t&>();
    for (auto& member : object)
      if (member.second.is_structured()) release_json(member.second);
    object.clear();
  } else if (j.is_array()) {
    auto& array = j.get_ref<greenapply::json::array_t&>();
    for (auto& item : array)
      if (item.is_structured()) release_json(item);
    array.clear();
  }
  j = nullptr;
}

}  // namespace greenapply
