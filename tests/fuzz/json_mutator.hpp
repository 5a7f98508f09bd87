// Structure-aware mutation for the targets that read JSON documents (fuzz_form, fuzz_match).
//
// Why: libFuzzer's byte mutations almost always break JSON, so nearly every mutant of an
// application dies in the parser and the form engine behind it is barely exercised (a 15-minute
// byte-level campaign of fuzz_form plateaued around cov 3 400). This mutator parses the input,
// changes one node the way a hostile or careless applicant's file would — a field name or enum
// value of the real packages, a wrong type, an extreme number, a list repeated hundreds of times,
// a deeper nesting — and writes it back, so mutants stay JSON and reach validation, rules,
// eligibility, scoring and matching. One mutation in five stays byte-level (LLVMFuzzerMutate),
// so the parser keeps being fuzzed too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "greenapply/json.hpp"

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace greenapply::fuzz {

// Names and values worth inserting: object keys and short strings of real documents (schemas,
// worked examples, match specs).
struct JsonWords {
  std::vector<std::string> keys;
  std::vector<std::string> strings;
};

inline void collect_words(const greenapply::json& doc, std::set<std::string>& keys, std::set<std::string>& strings,
                          int depth = 0) {
  if (depth > 64) return;
  if (doc.is_object()) {
    for (const auto& [k, v] : doc.items()) {
      if (k.size() <= 64) keys.insert(k);
      collect_words(v, keys, strings, depth + 1);
    }
  } else if (doc.is_array()) {
    for (const auto& v : doc) collect_words(v, keys, strings, depth + 1);
  } else if (doc.is_string() && doc.get_ref<const std::string&>().size() <= 64) {
    strings.insert(doc.get<std::string>());
  }
}

inline JsonWords make_words(const std::set<std::string>& keys, std::set<std::string> strings) {
  // Values the engine treats specially whatever the package: dates and instants (ages, the
  // round's window), empty and blank text, other scripts, pointer syntax.
  for (const char* s : {"", " ", "2023-04-30", "2023-02-29", "1900-01-01", "9999-12-31", "0000-01-01",
                        "2023-04-30T23:59:59+08:00", "2023-05-01T00:00:00Z", "-1", "1e999", "北京", "🌱",
                        "/", "~1", "a/b", "other", "other.other", "\u00e9"})
    strings.insert(s);
  return {std::vector<std::string>(keys.begin(), keys.end()), std::vector<std::string>(strings.begin(), strings.end())};
}

class JsonMutator {
 public:
  explicit JsonMutator(JsonWords words) : w_(std::move(words)) {}

  // Mutates the JSON text in place (at most max_size bytes). False when the text is not JSON
  // or the result would not fit: the caller falls back to a byte-level mutation.
  bool mutate(std::string& text, std::size_t max_size, unsigned seed) const {
    if (nesting(text) > 200) return false;  // dump() recurses; the engine's own limit is 256
    greenapply::json doc = greenapply::json::parse(text, nullptr, false);
    if (doc.is_discarded()) return false;
    std::minstd_rand rng(seed);
    const int rounds = 1 + static_cast<int>(rng() % 3);
    for (int r = 0; r < rounds; ++r) {
      std::vector<greenapply::json*> nodes;
      collect(doc, nodes, 0);
      mutate_node(*nodes[rng() % nodes.size()], nodes, rng);
    }
    // A byte-mutated string may no longer be UTF-8: written with U+FFFD, like the engine's
    // own parser would refuse the raw bytes anyway (the byte-level fifth covers that).
    std::string out = doc.dump(-1, ' ', false, greenapply::json::error_handler_t::replace);
    if (out.size() > max_size) return false;
    text = std::move(out);
    return true;
  }

 private:
  static std::size_t nesting(const std::string& text) {
    std::size_t depth = 0, deepest = 0;
    for (const char c : text) {
      if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
      if ((c == ']' || c == '}') && depth > 0) --depth;
    }
    return deepest;
  }

  static void collect(greenapply::json& node, std::vector<greenapply::json*>& out, int depth) {
    out.push_back(&node);
    if (depth > 200 || out.size() > 4096) return;
    if (node.is_structured()) {
      for (auto& child : node) collect(child, out, depth + 1);
    }
  }

  template <class Rng>
  greenapply::json scalar(Rng& rng) const {
    static const double kNumbers[] = {0, -0.0, 1, -1, 0.5, 2, 3, 5, 6, 9, 10, 100, 2023, 1e6, 1e15, 9007199254740993.0,
                                      1e308, -1e308, 4.9e-324, 2147483648.0, -2147483649.0};
    switch (rng() % 7) {
      case 0: return nullptr;
      case 1: return rng() % 2 == 0;
      case 2: return kNumbers[rng() % (sizeof kNumbers / sizeof kNumbers[0])];
      case 3: return static_cast<std::int64_t>(rng() % 200) - 20;
      case 4: return std::string(1 + rng() % 600, static_cast<char>('a' + rng() % 26));  // near/over maxLength
      default: return w_.strings.empty() ? greenapply::json("x") : greenapply::json(w_.strings[rng() % w_.strings.size()]);
    }
  }

  template <class Rng>
  std::string key(Rng& rng) const {
    return w_.keys.empty() ? std::string("k") : w_.keys[rng() % w_.keys.size()];
  }

  template <class Rng>
  void mutate_node(greenapply::json& node, const std::vector<greenapply::json*>& nodes, Rng& rng) const {
    switch (rng() % 10) {
      case 0:
        node = scalar(rng);
        return;
      case 1: {  // another part of the document here (copied first: it may contain this node)
        greenapply::json copy = *nodes[rng() % nodes.size()];
        if (copy.dump(-1, ' ', false, greenapply::json::error_handler_t::replace).size() < 4096) node = std::move(copy);
        return;
      }
      case 2:
        if (node.is_object()) {
          node[key(rng)] = rng() % 3 == 0 ? greenapply::json::object() : scalar(rng);
        } else {
          node = greenapply::json::object({{key(rng), scalar(rng)}});
        }
        return;
      case 3:
        if (node.is_structured() && !node.empty()) {
          if (node.is_object()) {
            auto it = node.begin();
            std::advance(it, static_cast<long>(rng() % node.size()));
            node.erase(it);
          } else {
            node.erase(rng() % node.size());
          }
        }
        return;
      case 4: {  // repeat an item: long lists test every per-item loop and the budgets
        if (!node.is_array()) {
          node = greenapply::json::array({node});
          return;
        }
        static const std::size_t kTimes[] = {1, 2, 3, 20, 100, 1000};
        const greenapply::json item = node.empty() ? scalar(rng) : node[rng() % node.size()];
        const std::size_t times = kTimes[rng() % 6];
        for (std::size_t i = 0; i < times; ++i) node.push_back(item);
        return;
      }
      case 5:
        if (node.is_number()) {
          const double x = node.get<double>();
          static const double kFactors[] = {-1, 10, 0.1, 1e10};
          node = rng() % 2 == 0 ? x + (rng() % 2 == 0 ? 1 : -1) : x * kFactors[rng() % 4];
        } else if (node.is_string() && !node.get_ref<const std::string&>().empty()) {
          std::string s = node.get<std::string>();
          const std::size_t size = s.size();
          s.resize(size + 32);
          s.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(s.data()), size, s.size()));
          node = std::move(s);
        } else if (node.is_boolean()) {
          node = !node.get<bool>();
        } else {
          node = scalar(rng);
        }
        return;
      case 6:
        if (node.is_object() && !node.empty()) {  // rename a member
          auto it = node.begin();
          std::advance(it, static_cast<long>(rng() % node.size()));
          greenapply::json value = std::move(it.value());
          node.erase(it);
          node[key(rng)] = std::move(value);
        } else {
          node = w_.strings.empty() ? scalar(rng) : greenapply::json(w_.strings[rng() % w_.strings.size()]);
        }
        return;
      case 7:  // a list of dictionary values (enum lists: tech fields, benefits, countries)
        node = greenapply::json::array();
        for (std::size_t i = 0, n = 1 + rng() % 4; i < n; ++i) node.push_back(scalar(rng));
        return;
      case 8:  // one level deeper
        node = rng() % 2 == 0 ? greenapply::json::array({node}) : greenapply::json::object({{key(rng), node}});
        return;
      default:  // a key from the dictionary with a nested object, so sections and repeat items appear
        if (node.is_object()) node[key(rng)] = greenapply::json::object({{key(rng), scalar(rng)}});
        else if (node.is_array()) node.push_back(greenapply::json::object({{key(rng), scalar(rng)}}));
        else node = scalar(rng);
        return;
    }
  }

  JsonWords w_;
};

// The LLVMFuzzerCustomMutator body for a target whose input is `prefix` bytes then JSON.
inline std::size_t mutate_input(const JsonMutator& m, std::uint8_t* data, std::size_t size, std::size_t max_size,
                                unsigned seed, std::size_t prefix) {
  std::minstd_rand rng(seed);
  if (rng() % 5 != 0 && size >= prefix && max_size > prefix) {
    std::string text(reinterpret_cast<const char*>(data) + prefix, size - prefix);
    if (m.mutate(text, max_size - prefix, static_cast<unsigned>(rng()))) {
      if (prefix > 0 && rng() % 8 == 0) data[rng() % prefix] = static_cast<std::uint8_t>(rng());
      std::memcpy(data + prefix, text.data(), text.size());
      return prefix + text.size();
    }
  }
  return LLVMFuzzerMutate(data, size, max_size);
}

}  // namespace greenapply::fuzz
