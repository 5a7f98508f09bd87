#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "greenapply/regex.hpp"

namespace greenapply::regex {
namespace {

bool matches(const std::string& pattern, const std::string& subject) {
  return Regex::compile(pattern).search(subject) == Regex::Result::match;
}

std::string error_key(const std::string& pattern) {
  try {
    Regex::compile(pattern);
  } catch (const CompileError& e) {
    return e.issue().message_key;
  }
  return "";
}

TEST(Regex, ChineseTextByCodePoint) {
  EXPECT_TRUE(matches("^[\\u4e00-\\u9fa5]{2,10}$", "北京青岚"));
  EXPECT_FALSE(matches("^[\\u4e00-\\u9fa5]{2,10}$", "北"));
  EXPECT_TRUE(matches("^\\p{Script=Han}+$", "北京青岚"));
  EXPECT_FALSE(matches("^\\p{Script=Han}+$", "北京A"));
  EXPECT_TRUE(matches("^.$", "😀"));  // one code point, four bytes
  EXPECT_TRUE(matches("^\\p{L}+$", "Grüße北京"));
  EXPECT_TRUE(matches("^\\p{Lu}", "Émile"));
  EXPECT_TRUE(matches("^\\P{N}+$", "abc"));
  EXPECT_TRUE(matches("^\\u{1F600}$", "😀"));
  EXPECT_TRUE(matches("^\\uD83D\\uDE00$", "😀"));
}

TEST(Regex, EcmaSyntax) {
  EXPECT_TRUE(matches("a(b|c)+d", "xxabcbd"));
  EXPECT_TRUE(matches("^(?:ab)*$", "ababab"));
  EXPECT_TRUE(matches("^(a)(?<x>b)\\1\\k<x>$", "abab"));
  EXPECT_TRUE(matches("(?<=\\$)\\d+", "cost $42"));
  EXPECT_FALSE(matches("(?<!\\$)\\b\\d+", "$42"));
  EXPECT_TRUE(matches("foo(?=bar)", "foobar"));
  EXPECT_FALSE(matches("foo(?!bar)", "foobar"));
  EXPECT_TRUE(matches("^a{2,3}$", "aaa"));
  EXPECT_FALSE(matches("^a{2,3}$", "aaaa"));
  EXPECT_TRUE(matches("^a+?b$", "aaab"));
  EXPECT_TRUE(matches("^\\w+@\\w+\\.\\w+$", "a_1@b.cn"));
  EXPECT_TRUE(matches("^[^\\s]+$", "no-spaces"));
  EXPECT_FALSE(matches("^[^\\s]+$", "a\u3000b"));  // ideographic space is \s
  EXPECT_TRUE(matches("^\\+[1-9]\\d{6,14}$", "+8613800138000"));
  EXPECT_TRUE(matches("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", "91110108MA01C8HQ5C"));
  EXPECT_FALSE(matches("^.$", "\n"));
}

TEST(Regex, InvalidPatternsAreCompileErrors) {
  EXPECT_EQ(error_key("(a"), "regex.syntax");
  EXPECT_EQ(error_key("a)"), "regex.syntax");
  EXPECT_EQ(error_key("[z-a]"), "regex.syntax");
  EXPECT_EQ(error_key("*a"), "regex.syntax");
  EXPECT_EQ(error_key("\\p{NoSuchProperty}"), "regex.unknown_property");
  EXPECT_EQ(error_key("\\2(a)"), "regex.unknown_group");
  EXPECT_EQ(error_key("(a{1000}){1000}"), "regex.too_complex");
  EXPECT_EQ(error_key("a{2}{3}"), "regex.syntax");
  EXPECT_EQ(error_key("\\a"), "regex.syntax");
}

TEST(Regex, CatastrophicPatternsStopWithinTheBudget) {
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Regex::compile("^(a+)+$").backtracking_search(std::string(40, 'a') + "!"), Regex::Result::step_limit);
  EXPECT_EQ(Regex::compile("(x+x+)+y").backtracking_search(std::string(5000, 'x')), Regex::Result::step_limit);
  EXPECT_EQ(Regex::compile("^(a*)*$").backtracking_search("aaaaaaaaaaaaaaaaaaaaaaa!"), Regex::Result::step_limit);
  // A back-reference keeps a pattern on the VM, where the budget is what ends it.
  EXPECT_EQ(Regex::compile("^(a+)+\\1$").search(std::string(40, 'a') + "!"), Regex::Result::step_limit);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // Empty loops terminate.
  EXPECT_TRUE(matches("^(a*)*$", "aaaa"));
  EXPECT_TRUE(matches("^(a|)*b$", "aab"));
  EXPECT_EQ(Regex::compile("^(a*)*$").backtracking_search("aaaa"), Regex::Result::match);
  EXPECT_EQ(Regex::compile("^(a|)*b$").backtracking_search("aab"), Regex::Result::match);
}

// Every subject of up to four code points from a small alphabet (2,801 of them).
std::vector<std::string> small_subjects() {
  const std::vector<std::string> alphabet = {"a", "b", "c", "1", " ", "\n", "中"};
  std::vector<std::string> subjects = {""};
  for (std::size_t len = 1, from = 0; len <= 4; ++len) {
    const std::size_t to = subjects.size();
    for (std::size_t i = from; i < to; ++i)
      for (const auto& c : alphabet) subjects.push_back(subjects[i] + c);
    from = to;
  }
  return subjects;
}

// The one-pass matcher (regex/linear.cpp) takes plain sequences of counted one-code-point
// matchers; each pattern here must give the VM's answer on every small subject.
TEST(Regex, OnePassMatcherAgreesWithTheVm) {
  const std::vector<std::string> atoms = {"a", "b", "[ab]", "[^a]", "\\d", ".", "\\S", "[a-c]", "中"};
  const std::vector<std::string> counts = {"", "?", "*", "+", "{2}", "{1,3}", "*?"};
  const auto subjects = small_subjects();
  std::size_t linear = 0, compared = 0;
  for (std::size_t i = 0; i < atoms.size() * counts.size(); ++i) {
    for (std::size_t j = 0; j < atoms.size() * counts.size(); j += 5) {
      const std::string body = atoms[i % atoms.size()] + counts[i / atoms.size()] + atoms[j % atoms.size()] +
                               counts[j / atoms.size()];
      for (const std::string& pattern : {body, "^" + body, body + "$", "^" + body + "$"}) {
        const Regex re = Regex::compile(pattern);
        if (re.engine() != Regex::Engine::one_pass) continue;
        ++linear;
        for (const auto& s : subjects) {
          ASSERT_EQ(re.search(s), re.backtracking_search(s)) << "pattern " << pattern << " subject \"" << s << '"';
          ++compared;
        }
      }
    }
  }
  // Most of these patterns are one-pass; the rest (a variable count before something that
  // accepts what it accepts, as in "a*a") go to the automaton.
  EXPECT_GT(linear, 300u);
  EXPECT_EQ(Regex::compile("^a*a$").engine(), Regex::Engine::automaton);
  EXPECT_EQ(Regex::compile("^[A-Z]{2}$").engine(), Regex::Engine::one_pass);
  EXPECT_EQ(Regex::compile("\\S").engine(), Regex::Engine::one_pass);
  EXPECT_GT(compared, 500000u);
}

// The position automaton (regex/automaton.cpp) takes alternations, groups, nested counts and
// anchored alternatives; each pattern here (the same kinds of pieces as above, combined by
// alternation, grouping and counts of groups) must give the VM's answer on every small subject.
TEST(Regex, AutomatonAgreesWithTheVm) {
  const std::vector<std::string> pieces = {"a", "b*", "[ab]+", "[^a]?", "\\d{2}", ".", "(a|b)", "(?:ab|a)*",
                                           "(a|)", "中{1,2}", "(?:a+)+", "(b|1)?", "a{0,2}"};
  const std::vector<std::string> joins = {"", "|", "(?:|x)"};
  const auto subjects = small_subjects();
  std::size_t automaton = 0, compared = 0;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    for (std::size_t j = 0; j < pieces.size(); ++j) {
      for (std::size_t k = 0; k < joins.size(); ++k) {
        const std::string body = pieces[i] + joins[k] + pieces[j];
        for (const std::string& pattern : {body, "^" + body, body + "$", "^" + body + "$", "^(" + body + ")$",
                                           "^" + pieces[i] + "$|" + pieces[j] + "$"}) {
          const Regex re = Regex::compile(pattern);
          if (re.engine() != Regex::Engine::automaton) continue;
          ++automaton;
          for (const auto& s : subjects) {
            ASSERT_EQ(re.search(s), re.backtracking_search(s, 10000000)) << "pattern " << pattern << " subject \"" << s << '"';
            ++compared;
          }
        }
      }
    }
  }
  EXPECT_GT(automaton, 700u);
  EXPECT_GT(compared, 2000000u);
  // What it does not take: back-references, lookaround, word boundaries, anchors inside, more
  // than 64 positions.
  EXPECT_EQ(Regex::compile("^(a)\\1$").engine(), Regex::Engine::backtracking);
  EXPECT_EQ(Regex::compile("^(?=a)").engine(), Regex::Engine::backtracking);
  EXPECT_EQ(Regex::compile("\\ba").engine(), Regex::Engine::backtracking);
  EXPECT_EQ(Regex::compile("(^a|b)").engine(), Regex::Engine::backtracking);
  EXPECT_EQ(Regex::compile("^(a|b){65}$").engine(), Regex::Engine::backtracking);
  EXPECT_EQ(Regex::compile("^[0-9]{6}\\.(SH|SZ|BJ)$|^[0-9]{4,5}\\.HK$").engine(), Regex::Engine::automaton);
  EXPECT_EQ(Regex::compile("(?:){1000000}a").engine(), Regex::Engine::backtracking);
}

// The automaton decides in one step per code point what sends a backtracking matcher into
// exponential time.
TEST(Regex, TheAutomatonDecidesCatastrophicPatterns) {
  EXPECT_EQ(Regex::compile("^(a+)+$").search(std::string(40, 'a') + "!"), Regex::Result::no_match);
  EXPECT_EQ(Regex::compile("^(a+)+$").search(std::string(40, 'a')), Regex::Result::match);
  EXPECT_EQ(Regex::compile("(x+x+)+y").search(std::string(5000, 'x')), Regex::Result::no_match);
  EXPECT_EQ(Regex::compile("^(a*)*$").search("aaaaaaaaaaaaaaaaaaaaaaa!"), Regex::Result::no_match);
}

TEST(Regex, HugeSubjectsDoNotOverflowTheStack) {
  // The VM keeps its backtracking state on the heap: a long subject costs steps, never stack.
  const std::string long_subject(2 * 1024 * 1024, 'a');
  EXPECT_EQ(Regex::compile("^a*$").search(long_subject, 20000000), Regex::Result::match);
  const std::string big(50 * 1024 * 1024, 'a');
  EXPECT_EQ(Regex::compile("^a*$").search(big), Regex::Result::step_limit);
}

TEST(Regex, InvalidUtf8SubjectsAreReadSafely) {
  // Found by fuzz_regex (tests/regressions/fuzz_regex-truncated-utf8): a lead byte at the end
  // of the subject made the decoder read past it inside a word-boundary check.
  const std::string subject("a\x0f:\x0f\x0f" "8\x80\xc9", 8);
  EXPECT_NE(Regex::compile(".*b*\\b$").search(subject), Regex::Result::step_limit);
  EXPECT_NE(Regex::compile("\\b\\w").search(std::string("\xe4\xb8", 2)), Regex::Result::step_limit);
  // Found by fuzz_regex (tests/regressions/fuzz_regex-anchored-stray-byte): the one-pass matcher
  // tried "^" past a stray continuation byte, where the VM does not.
  EXPECT_EQ(Regex::compile("^a*$").search("\xac"), Regex::Result::no_match);
  EXPECT_EQ(Regex::compile("(^a*$)").search("\xac"), Regex::Result::no_match);
  // Found by fuzz_regex (tests/regressions/fuzz_regex-automaton-empty-match-stray-byte): the
  // automaton found the empty match of "^" at a stray byte, where the VM starts no match.
  for (const char* pattern : {"^", "^(?:a|)", "^a*|^b?"}) {
    const Regex re = Regex::compile(pattern);
    EXPECT_EQ(re.search("\xba\xac"), Regex::Result::no_match) << pattern;
    EXPECT_EQ(re.search("\xba\xac"), re.backtracking_search("\xba\xac")) << pattern;
    EXPECT_EQ(re.search("x\xac"), Regex::Result::match) << pattern;
  }
}

}  // namespace
}  // namespace greenapply::regex
