// greenapply::json keeps an object's members in one sorted vector (sorted_map.hpp) where
// nlohmann::json keeps a std::map. Everything the core writes or hashes depends on the two
// agreeing: member order, duplicate keys, lookups, comparisons. These tests hold sorted_map to
// std::map under random operations, and greenapply::json to nlohmann::json (the std::map
// flavour, still in nlohmann's header) on the same texts.
#include "greenapply/sorted_map.hpp"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "greenapply/json.hpp"
#include "greenapply/json_text.hpp"

namespace greenapply {
namespace {

using Map = sorted_map<std::string, int>;
using Model = std::map<std::string, int>;

void expect_same(const Map& map, const Model& model) {
  ASSERT_EQ(map.size(), model.size());
  auto m = model.begin();
  for (const auto& member : map) {
    EXPECT_EQ(member.first, m->first);
    EXPECT_EQ(member.second, m->second);
    ++m;
  }
}

// Short keys over a small alphabet, so that operations meet existing keys often; multi-byte
// UTF-8 sorts after ASCII by its bytes, as std::string's comparison sorts it.
std::string random_key(std::mt19937& rng) {
  static const char* const kUnits[] = {"a", "b", "c", "A", "_", "\x7f", "\xc3\xa9", "\xe4\xb8\xad"};
  std::string key;
  for (unsigned i = 0, n = rng() % 4; i < n; ++i) key += kUnits[rng() % 8];
  return key;
}

TEST(SortedMap, BehavesAsStdMapUnderRandomOperations) {
  std::mt19937 rng(20261207);
  for (int round = 0; round < 200; ++round) {
    Map map;
    Model model;
    for (int step = 0; step < 300; ++step) {
      const std::string key = random_key(rng);
      const int value = static_cast<int>(rng() % 1000);
      switch (rng() % 7) {
        case 0: {
          const auto got = map.emplace(key, value);
          const auto want = model.emplace(key, value);
          EXPECT_EQ(got.second, want.second);
          EXPECT_EQ(got.first->first, key);
          EXPECT_EQ(got.first->second, want.first->second);
          break;
        }
        case 1:
          map[key] = value;
          model[key] = value;
          break;
        case 2:
          EXPECT_EQ(map.erase(key), model.erase(key));
          break;
        case 3: {
          const auto it = map.find(key);
          const auto want = model.find(key);
          ASSERT_EQ(it == map.end(), want == model.end());
          if (it != map.end()) {
            EXPECT_EQ(it->second, want->second);
            map.erase(it);
            model.erase(want);
          }
          break;
        }
        case 4:
          EXPECT_EQ(map.count(key), model.count(key));
          if (model.count(key)) EXPECT_EQ(map.at(key), model.at(key));
          else EXPECT_THROW(map.at(key), std::out_of_range);
          break;
        case 5: {
          const std::vector<std::pair<std::string, int>> batch = {{random_key(rng), value}, {key, value + 1}};
          map.insert(batch.begin(), batch.end());
          model.insert(batch.begin(), batch.end());
          break;
        }
        default:
          EXPECT_EQ(map.find(std::string_view(key)) == map.end(), model.find(key) == model.end());
          break;
      }
    }
    expect_same(map, model);
  }
}

// A JSON text with objects whose keys come in random order and repeat.
std::string random_text(std::mt19937& rng, int depth) {
  const unsigned kind = depth > 3 ? rng() % 3 : rng() % 5;
  switch (kind) {
    case 0: return std::to_string(static_cast<int>(rng() % 2000) - 1000);
    case 1: return "\"" + std::string(rng() % 3, 'x') + "\"";
    case 2: return rng() % 2 ? "true" : "null";
    case 3: {
      std::string text = "[";
      for (unsigned i = 0, n = rng() % 4; i < n; ++i) text += (i ? "," : "") + random_text(rng, depth + 1);
      return text + "]";
    }
    default: {
      std::string text = "{";
      // Now and then more members than the reader sorts by insertion (it switches at 32).
      const unsigned n = rng() % 8 == 0 ? 40 + rng() % 30 : rng() % 10;
      for (unsigned i = 0; i < n; ++i) {
        std::string key = random_key(rng);
        if (n > 32) key += std::to_string(rng() % 50);
        text += (i ? ",\"" : "\"") + key + "\":" + random_text(rng, depth + 1);
      }
      return text + "}";
    }
  }
}

TEST(SortedMap, JsonReadsWritesAndComparesAsNlohmannsStdMapFlavour) {
  std::mt19937 rng(7);
  std::vector<std::string> texts = {
      R"({"b":1,"a":2,"b":3})", R"({"a":1,"a":2,"a":3})", R"({"z":{"y":1,"x":2},"a":[{"d":1,"c":2}]})",
      R"({"\u00e9":1,"e":2,"\u007f":3,"E":4,"":5})"};
  for (int i = 0; i < 3000; ++i) texts.push_back(random_text(rng, 0));
  std::vector<json> ours;
  std::vector<nlohmann::json> theirs;
  for (const std::string& text : texts) {
    const nlohmann::json reference = nlohmann::json::parse(text);
    const json read = parse_json(text);           // the core's reader
    const json built = json::parse(text);         // nlohmann's DOM builder over sorted_map
    EXPECT_EQ(read.dump(), reference.dump()) << text;
    EXPECT_EQ(built.dump(), reference.dump()) << text;
    EXPECT_EQ(write_json(read, 1), reference.dump(1)) << text;
    ours.push_back(read);
    theirs.push_back(reference);
  }
  for (std::size_t i = 0; i + 1 < ours.size(); ++i) {
    EXPECT_EQ(ours[i] == ours[i + 1], theirs[i] == theirs[i + 1]);
    EXPECT_EQ(ours[i] < ours[i + 1], theirs[i] < theirs[i + 1]) << texts[i] << " vs " << texts[i + 1];
  }
}

TEST(SortedMap, EditsKeepTheOrderAndTheTextOfTheStdMapFlavour) {
  std::mt19937 rng(11);
  json ours = json::object();
  nlohmann::json theirs = nlohmann::json::object();
  for (int step = 0; step < 2000; ++step) {
    const std::string key = random_key(rng) + "k";
    const int value = static_cast<int>(rng() % 100);
    switch (rng() % 5) {
      case 0:
        ours[key] = value;
        theirs[key] = value;
        break;
      case 1:
        ours.erase(key);
        theirs.erase(key);
        break;
      case 2:
        if (!ours[key].is_object()) ours[key] = json::object();
        if (!theirs[key].is_object()) theirs[key] = nlohmann::json::object();
        ours[key]["n"] = value;
        theirs[key]["n"] = value;
        break;
      case 3:
        ours.update(json{{key, value}, {"zz", value}});
        theirs.update(nlohmann::json{{key, value}, {"zz", value}});
        break;
      default:
        EXPECT_EQ(ours.contains(key), theirs.contains(key));
        EXPECT_EQ(ours.value(key, json()).dump(), theirs.value(key, nlohmann::json()).dump());
        break;
    }
  }
  EXPECT_EQ(ours.dump(), theirs.dump());
}

}  // namespace
}  // namespace greenapply
