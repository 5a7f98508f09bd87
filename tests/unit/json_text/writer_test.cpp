// write_json against nlohmann's dump(), which it stands in for on the hot paths (the page's
// result of every keystroke, the batch's answer hashes): the same bytes for every tree, and the
// same error, word for word, for a string that is not UTF-8.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "greenapply/json_text.hpp"

namespace greenapply {
namespace {

namespace fs = std::filesystem;
using greenapply::json;

// The two texts of `j`, or the two errors, compact and indented; fails the test when they differ.
void same_as_dump(const json& j) {
  for (const int indent : {-1, 0, 2, 4}) {
    std::string expected, got, expected_error, got_error;
    try {
      expected = j.dump(indent);
    } catch (const json::exception& e) {
      expected_error = e.what();
    }
    try {
      got = write_json(j, indent);
    } catch (const json::exception& e) {
      got_error = e.what();
    }
    EXPECT_EQ(got_error, expected_error);
    ASSERT_EQ(got, expected) << "indent " << indent << ", tree: "
                             << (expected_error.empty() ? expected.substr(0, 300) : expected_error);
  }
}

TEST(WriteJson, WritesWhatDumpWrites) {
  std::vector<json> values = {
      nullptr, true, false, 0, -1, 1, std::numeric_limits<std::int64_t>::min(),
      std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::uint64_t>::max(), 0.0, -0.0,
      0.1, -0.1, 1.0, 2.5, 1e21, 1e22, 1e-7, 1e-5, 123456789.125, 9007199254740993.0, 1e300, -1e300,
      5e-324, std::numeric_limits<double>::max(), std::numeric_limits<double>::min(),
      std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
      -std::numeric_limits<double>::infinity(), "", "plain", "a\"b\\c/d", "北京 é 😀",
      "\xe1\x80\x80\xec\xbf\xbf\xee\x80\x80\xef\xbf\xbf\xe0\xa0\x80\xed\x9f\xbf",
      json::array(), json::object(), json::array({json::array(), json::object(), 1, "x"}),
      json{{"b", 1}, {"a", {{"nested", json::array({1.5, nullptr, false})}}}, {"", "empty key"}},
      json{{"k\"e\\y\n", "v\t"}, {"中文", "值"}}};
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  controls += "\x7f";
  values.emplace_back(controls);
  values.push_back(json{{controls, controls}});
  for (const json& v : values) same_as_dump(v);
}

TEST(WriteJson, FailsAsDumpFailsOnTextThatIsNotUtf8) {
  const char* const broken[] = {"\xff", "a\xc3", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
                                "\xf4\x90\x80\x80", "ok \xe4\xb8", "\x80", "x\"\xfe\"",
                                "\xe4\x41\xb8", "\xe4\xb8\x41", "\xef\xbf", "a\xee\x80"};
  for (const char* s : broken) {
    same_as_dump(json(s));
    same_as_dump(json{{"key", s}});
    same_as_dump(json{{s, 1}});
  }
}

// Doubles from random bit patterns: every exponent, subnormals included.
TEST(WriteJson, WritesEveryKindOfDoubleAsDumpDoes) {
  std::mt19937_64 random(20261207);
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t bits = random();
    double x;
    std::memcpy(&x, &bits, sizeof x);
    same_as_dump(json(x));
  }
  for (int i = 0; i < 20000; ++i) same_as_dump(json(static_cast<double>(random() % 100000) / 100.0));
}

// Random trees of random strings (valid and invalid UTF-8, escapes, Chinese) and numbers.
TEST(WriteJson, WritesRandomTreesAsDumpDoes) {
  std::mt19937 random(7);
  const std::vector<std::string> pieces = {"a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\x01", "\x1f",
                                           "\x7f", "é", "中", "😀", "\xff", "\xc3", "\xed\xa0\x80", ""};
  auto text = [&] {
    std::string s;
    const int n = static_cast<int>(random() % 8);
    for (int i = 0; i < n; ++i) s += pieces[random() % pieces.size()];
    return s;
  };
  std::function<json(int)> tree = [&](int depth) -> json {
    switch (depth > 4 ? random() % 4 : random() % 7) {
      case 0: return text();
      case 1: return static_cast<std::int64_t>(random()) - (1 << 30);
      case 2: return static_cast<double>(random()) / 7.0;
      case 3: return random() % 2 == 0;
      case 4: {
        json a = json::array();
        for (int i = static_cast<int>(random() % 4); i > 0; --i) a.push_back(tree(depth + 1));
        return a;
      }
      default: {
        json o = json::object();
        for (int i = static_cast<int>(random() % 4); i > 0; --i) o[text()] = tree(depth + 1);
        return o;
      }
    }
  };
  for (int i = 0; i < 20000; ++i) same_as_dump(tree(0));
}

TEST(WriteJson, WritesEveryJsonFileOfTheRepositoryAsDumpDoes) {
  std::vector<fs::path> roots = {fs::path(GREENAPPLY_SOURCE_DIR) / "schemas",
                                 fs::path(GREENAPPLY_SOURCE_DIR) / "tests"};
  if (fs::is_directory(GREENAPPLY_JSTS_DIR)) roots.emplace_back(GREENAPPLY_JSTS_DIR);
  std::size_t written = 0;
  for (const fs::path& root : roots) {
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
      if (it->is_directory() && it->path().filename() == "node_modules") {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file() || it->path().extension() != ".json") continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::ostringstream body;
      body << in.rdbuf();
      json j;
      try {
        j = parse_json(body.str());
      } catch (const JsonTextError&) {
        continue;  // some test files are broken on purpose
      }
      same_as_dump(j);
      ++written;
    }
  }
  EXPECT_GT(written, 100u);
}

}  // namespace
}  // namespace greenapply
