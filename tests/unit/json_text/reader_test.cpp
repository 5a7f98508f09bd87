// The reader against nlohmann's own parser, which it replaced: it must accept exactly the texts
// nlohmann accepts (within the depth bound, which nlohmann does not have) and build the same
// tree, with the same kinds of number (unsigned, signed, double, bit for bit) and the same
// strings. Only the error words are the reader's own; its errors must say where the text goes
// wrong.
#include "reader.hpp"

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "greenapply/json_text.hpp"
#include "strictly_same.hpp"

namespace greenapply {
namespace {

namespace fs = std::filesystem;
using greenapply::json;
using json_text_detail::ReadFailure;
using json_text_detail::read_json;

// What the two parsers make of `text`: fails the test when one accepts what the other does not
// (within the depth bound) or they build different trees. Returns whether the reader accepted.
bool agrees(const std::string& text, std::size_t max_depth = kMaxJsonDepth) {
  json direct;
  ReadFailure failure;
  const bool accepted = read_json(text, max_depth, direct, failure);
  json reference;
  bool nlohmann_reads = true;
  try {
    reference = json::parse(text);
  } catch (const json::exception&) {
    nlohmann_reads = false;
  }
  if (!accepted) {
    EXPECT_LE(failure.offset, text.size()) << text.substr(0, 300);
    if (std::string(failure.key) == "json.depth") return false;  // nlohmann has no bound
    EXPECT_FALSE(nlohmann_reads) << "the reader rejects what nlohmann reads (" << failure.detail
                                 << "): " << text.substr(0, 300);
    return false;
  }
  EXPECT_TRUE(nlohmann_reads) << "the reader accepts what nlohmann rejects: " << text.substr(0, 300);
  if (!nlohmann_reads) return true;
  EXPECT_TRUE(strictly_same(direct, reference))
      << "different trees for: " << text.substr(0, 300) << "\nreader:   "
      << direct.dump().substr(0, 300) << "\nnlohmann: " << reference.dump().substr(0, 300);
  return true;
}

TEST(Reader, ReadsWhatNlohmannReadsTheSameWay) {
  const char* const texts[] = {
      "0", "-0", "0.0", "-0.0", "1", "-1", "1.5", "1e2", "1E+2", "1e-2", "-1.25e-3", "4.9e-324",
      "1e-400", "1e308", "123456789012345678", "-123456789012345678", "1234567890123456789",
      "-1234567890123456789", "18446744073709551615", "18446744073709551616",
      "-9223372036854775808", "-9223372036854775809", "99999999999999999999999999",
      "0.1000000000000000055511151231257827", "true", "false", "null", "\"\"", "\"a\"",
      R"("\" \\ \/ \b \f \n \r \t")", R"("\u0000 \u0041 \u00e9 \u4e2d \uFFFF \ud83d\ude00")",
      "\"北京 é 😀\"", "\"\xe1\x80\x80 \xec\xbf\xbf \xee\x80\x80 \xef\xbf\xbf \xe0\xa0\x80 \xed\x9f\xbf\"", " \t\r\n[ 1 , 2 ]\n", "\xEF\xBB\xBF{}", "\xEF\xBB\xBF 1 ", "[]", "{}", "[[],{}]", R"({"b":1,"a":2})",
      R"({"a":1,"a":{"x":true}})", R"({"a":{"x":1},"a":2,"b":[1,{"a":null}]})",
      R"({"":0,"\u0000":1,"k\"ey":"v"})", R"(["\ud800\udc00", "\udbff\udfff"])"};
  for (const char* text : texts) EXPECT_TRUE(agrees(text)) << "declined: " << text;
}

TEST(Reader, RejectsWhatNlohmannRejects) {
  const char* const texts[] = {
      "", " ", "\xEF\xBB{}", "\xEF{}", "1e309", "-1e309", "01", "-01", "1.", ".5", "+1", "-", "1e",
      "1e+", "0x10", "NaN", "Infinity", "tru", "nul", "True", "[1,]", "[,1]", "{\"a\":1,}",
      "{\"a\" 1}", "{a:1}", "{'a':1}", "[1 2]", "1 2", "\"abc", "\"a\x01\"", "\"\\x\"", "\"\\u12\"",
      "\"\\u12G4\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\xff\"", "\"\xc0\xaf\"",
      "\"\xe0\x80\xaf\"", "\"\xed\xa0\x80\"", "\"\xe4\xb8\"", "\"\xe4\x41\xb8\"", "\"\xe4\xb8\x41\"", "\"\xef\xbf\"", "\"\xee\x80", "\"\xf4\x90\x80\x80\"", "\"\xc3\"", "[1]x", "{}}",
      "// c\n1"};
  for (const char* text : texts) {
    EXPECT_FALSE(agrees(text)) << "accepted: " << text;
  }
  EXPECT_TRUE(agrees(std::string("[1]\0x", 5)));  // nlohmann's lexer takes a NUL for the end
  EXPECT_FALSE(agrees(std::string("\"a\0b\"", 5)));  // a raw NUL inside a string
}

// The reader skips plain text eight bytes at a time: a byte that needs attention must be seen
// wherever it falls in or across those words.
TEST(Reader, SeesEverySpecialByteWhereverItFallsInALongString) {
  const std::string specials[] = {"\\n", "\\\"", "\\u00e9", "\x01", "\x1f", "\x7f", "\xc3\xa9",
                                  "\xe4\xb8\xad", "\xff", "\xed\xa0\x80", "\"", std::string(1, '\0')};
  for (const std::string& special : specials) {
    for (std::size_t at = 0; at < 24; ++at) {
      const std::string text = "[\"" + std::string(at, 'a') + special + std::string(24 - at, 'b') + "\"]";
      const bool accepted = agrees(text);
      const bool expected = json::accept(text);
      EXPECT_EQ(accepted, expected) << "at " << at << ": " << text;
    }
  }
}

TEST(Reader, BoundsDepthAtTheFirstBracketTooDeep) {
  const std::string at_limit = std::string(8, '[') + std::string(8, ']');
  EXPECT_TRUE(agrees(at_limit, 8));
  json out;
  ReadFailure failure;
  EXPECT_FALSE(read_json("[" + at_limit + "]", 8, out, failure));
  EXPECT_STREQ(failure.key, "json.depth");
  EXPECT_EQ(failure.offset, 8u);
  EXPECT_FALSE(read_json(R"({"a": )" + at_limit + "}", 8, out, failure));
  EXPECT_STREQ(failure.key, "json.depth");
  EXPECT_EQ(failure.offset, 13u);
  // Brackets inside strings do not count.
  EXPECT_TRUE(agrees("[\"" + std::string(100, '[') + "\"]", 8));
}

// Where each kind of problem is reported: the byte where the text stops being JSON.
TEST(Reader, SaysWhereTheTextGoesWrong) {
  struct Case {
    const char* text;
    std::size_t offset;
    const char* key;
  };
  const Case cases[] = {
      {"", 0, "json.syntax"},          {"  ", 2, "json.syntax"},        {"[1,]", 3, "json.syntax"},
      {"{\"a\" 1}", 5, "json.syntax"}, {"{\"a\":1 \"b\":2}", 7, "json.syntax"},
      {"[1 2]", 3, "json.syntax"},     {"tru", 3, "json.syntax"},       {"nulL", 3, "json.syntax"},
      {"[-]", 2, "json.syntax"},       {"1.", 2, "json.syntax"},        {"1e+", 3, "json.syntax"},
      {"\"ab", 3, "json.syntax"},      {"\"a\x01\"", 2, "json.syntax"}, {"\"a\\x\"", 3, "json.syntax"},
      {"\"\xff\"", 1, "json.syntax"}, {"[1] x", 4, "json.syntax"},     {"\xEF\xBB{}", 0, "json.syntax"},
      {"[0, 1e400]", 4, "json.number_out_of_range"}};
  for (const Case& c : cases) {
    json out;
    ReadFailure failure;
    ASSERT_FALSE(read_json(c.text, kMaxJsonDepth, out, failure)) << c.text;
    EXPECT_EQ(failure.offset, c.offset) << c.text << ": " << failure.detail;
    EXPECT_STREQ(failure.key, c.key) << c.text;
    EXPECT_FALSE(failure.detail.empty()) << c.text;
  }
}

std::vector<std::string> json_files() {
  std::vector<std::string> texts;
  std::vector<fs::path> roots = {fs::path(GREENAPPLY_SOURCE_DIR) / "schemas",
                                 fs::path(GREENAPPLY_SOURCE_DIR) / "tests"};
  if (fs::is_directory(GREENAPPLY_JSTS_DIR)) roots.emplace_back(GREENAPPLY_JSTS_DIR);
  for (const fs::path& root : roots) {
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
      const fs::directory_entry& entry = *it;
      if (entry.is_directory() && entry.path().filename() == "node_modules") {
        it.disable_recursion_pending();  // installed packages, not ours
        continue;
      }
      if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream body;
      body << in.rdbuf();
      texts.push_back(body.str());
    }
  }
  return texts;
}

TEST(Reader, ReadsEveryJsonFileOfTheRepositoryAsNlohmannDoes) {
  const std::vector<std::string> files = json_files();
  ASSERT_GT(files.size(), 100u);
  std::size_t well_formed = 0;
  for (const std::string& text : files) {
    if (agrees(text)) ++well_formed;  // some test files are broken on purpose
  }
  EXPECT_GT(well_formed, 100u);
}

// Damaged copies of real files and soups of JSON's own characters: the two accept the same texts
// and read them the same way.
TEST(Reader, AgreesWithNlohmannOnDamagedAndRandomTexts) {
  const std::vector<std::string> files = json_files();
  const std::vector<std::string> pieces = {
      "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\ud83d", "\\ude00", "\\\"", "0", "-", ".",
      "e", "E", "+", "1", "9", " ", "\n", "\t", "true", "false", "null", "é", "中", "\xff", "\xc3",
      "\xed\xa0\x80", "\xf0\x9f\x98\x80", "\x01", std::string(1, '\0'), "\xEF\xBB\xBF", "a"};
  std::vector<std::string> small_files;
  for (const std::string& text : files) {
    if (text.size() <= 4000) small_files.push_back(text);
  }
  ASSERT_GT(small_files.size(), 20u);
  std::mt19937 random(20261206);
  std::size_t accepted = 0;
  std::size_t tried = 0;
  for (int round = 0; round < 60000; ++round) {
    std::string text;
    if (round % 2 == 0) {
      // A short soup.
      const int n = static_cast<int>(random() % 24);
      for (int i = 0; i < n; ++i) text += pieces[random() % pieces.size()];
    } else {
      // A small real file with one to three edits.
      text = small_files[random() % small_files.size()];
      const int edits = 1 + static_cast<int>(random() % 3);
      for (int e = 0; e < edits && !text.empty(); ++e) {
        const std::size_t at = random() % text.size();
        switch (random() % 4) {
          case 0:
            text.erase(at, 1 + random() % 3);
            break;
          case 1:
            text.insert(at, pieces[random() % pieces.size()]);
            break;
          case 2:
            text[at] = pieces[random() % pieces.size()][0];
            break;
          default:
            text.resize(at);
            break;
        }
      }
    }
    ++tried;
    if (agrees(text)) ++accepted;
  }
  // Both kinds of outcome happen, or the comparison above would be testing nothing.
  EXPECT_GT(accepted, tried / 20);
  EXPECT_LT(accepted, tried - tried / 20);
}

}  // namespace
}  // namespace greenapply
