#include <cstring>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "greenapply/xml.hpp"

namespace greenapply::xml {
namespace {

using greenapply::json;

constexpr const char* kDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

// What every standard parser needs: one declaration, at the very start, and only characters
// XML 1.0 allows: no C0 control but tab and LF (CR is written encoded), no U+FFFE or U+FFFF.
void expect_well_formed_prologue_and_chars(const std::string& text) {
  EXPECT_EQ(text.rfind(kDeclaration, 0), 0u) << text;
  EXPECT_EQ(text.find("<?xml", 1), std::string::npos) << "a second XML declaration:\n" << text;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    EXPECT_FALSE(c < 0x20 && c != '\n' && c != '\t') << "control character " << int(c) << " at " << i << " in\n" << text;
    EXPECT_FALSE(c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                 static_cast<unsigned char>(text[i + 2]) >= 0xBE)
        << "U+FFFE or U+FFFF at " << i << " in\n" << text;
  }
}

void expect_round_trip(const json& value) {
  const std::string text = to_xml(value);
  expect_well_formed_prologue_and_chars(text);
  json back;
  ASSERT_NO_THROW(back = from_xml(text)) << text;
  EXPECT_EQ(back.dump(), value.dump()) << text;  // dump compares number form too (1 vs 1.0)
}

TEST(XmlIo, RoundTripsAnApplication) {
  expect_round_trip(json::parse(R"({
    "package": {"id": "bluetech-2023-company", "version": "1.0.0"},
    "answers": {"applicant": {"track": "energy_storage", "tech_field": ["es.battery"], "trl": 7,
      "kpi": 25.5, "listed": false, "note": null, "name": "北京青岚储能科技有限公司"}}})"));
}

TEST(XmlIo, RoundTripsAwkwardValues) {
  expect_round_trip(json::parse(R"({"a": 1, "b": 1.0, "c": -0.0, "d": 1e300, "e": 18446744073709551615,
    "f": -9223372036854775808, "g": 0.1})"));
  expect_round_trip(json::object({{"", "empty name"}, {"a/b~c", 1}, {"<&\">", "<&\"'>"}, {"tab\tname", 2}}));
  expect_round_trip(json::array({"", " ", "  \n ", "\t", "a\r\nb", std::string("nul\0x", 5), "\x01\x1f\x7f", "\uFFFE", "\uFFFF\u0001", "\uFFFD",
                                 " lead", "trail ", "]]>", "<![CDATA[x]]>"}));
  expect_round_trip(json::array());
  expect_round_trip(json::object());
  expect_round_trip(json(nullptr));
  expect_round_trip(json::array({json::array({json::array()}), json::object({{"x", json::object()}})}));
}

TEST(XmlIo, WritesExactlyOneDeclarationAtTheStart) {
  // Issue #13: the writer added a declaration node and also wrote one itself, so every package
  // began with two and xmllint, expat and the rest refused it.
  for (const json& v : {json::parse(R"({"package": {"id": "x"}, "answers": {"a": [1, "二", null]}})"), json::object(),
                        json(nullptr), json("text")}) {
    const std::string text = to_xml(v);
    EXPECT_EQ(text.rfind(kDeclaration, 0), 0u) << text;
    std::size_t declarations = 0;
    for (std::size_t at = text.find("<?xml"); at != std::string::npos; at = text.find("<?xml", at + 1)) ++declarations;
    EXPECT_EQ(declarations, 1u) << text;
    EXPECT_EQ(text.compare(std::strlen(kDeclaration), 12, "<application"), 0) << text;
  }
}

TEST(XmlIo, CharactersXmlForbidsAreWrittenAsJsonLiterals) {
  // U+0001 and the other C0 controls, and U+FFFE / U+FFFF, are not XML 1.0 characters (not even
  // as references): such a string or name is written as a JSON string literal, all escaped.
  const json v = {{"s", "a\u0001b"}, {"f", "x\uFFFEy\uFFFFz"}, {"n\uFFFF", 1}, {"\u0001", "中文😀<&]]>"}};
  const std::string text = to_xml(v);
  EXPECT_NE(text.find(R"(<string name="s" encoding="json">"a\u0001b"</string>)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(<string name="f" encoding="json">"x\ufffey\uffffz"</string>)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(<number name="&quot;n\uffff&quot;" name-encoding="json">1</number>)"), std::string::npos) << text;
  EXPECT_NE(text.find(R"(<string name="&quot;\u0001&quot;" name-encoding="json">中文😀&lt;&amp;]]&gt;</string>)"),
            std::string::npos)
      << text;
  expect_round_trip(v);
}

TEST(XmlIo, RefusesToWriteTextThatIsNotUtf8) {
  // Parsed JSON never holds such bytes; a value built in code might. Writing them would give
  // ill-formed XML, so to_xml refuses, naming the member.
  for (const json& v : {json({{"a", json::array({1, "ok\xff"})}}), json({{"a", json::array({1, json({{"b\xc0\xaf", 1}})})}})}) {
    try {
      to_xml(v);
      ADD_FAILURE() << "expected xml.bad_utf8";
    } catch (const XmlError& e) {
      EXPECT_EQ(e.issue().message_key, "xml.bad_utf8");
      EXPECT_EQ(e.issue().line, 0u);
      EXPECT_NE(e.detail.find("\"/a/1"), std::string::npos) << e.detail;
      EXPECT_EQ(std::string(e.what()), e.detail);
    }
  }
}

json random_json(std::mt19937& rng, int depth) {
  std::uniform_int_distribution<int> kind(0, depth > 4 ? 4 : 6);
  static const std::vector<std::string> strings = {"", " ", "北京", "a&b<c>", "line\nbreak", "\x02x", "ok", "\"q\""};
  switch (kind(rng)) {
    case 0: return nullptr;
    case 1: return std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    case 2: return std::uniform_int_distribution<long long>(-1000000000000LL, 1000000000000LL)(rng);
    case 3: return std::uniform_real_distribution<double>(-1e6, 1e6)(rng);
    case 4: return strings[std::uniform_int_distribution<std::size_t>(0, strings.size() - 1)(rng)];
    case 5: {
      json a = json::array();
      for (int i = std::uniform_int_distribution<int>(0, 4)(rng); i > 0; --i) a.push_back(random_json(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (int i = std::uniform_int_distribution<int>(0, 4)(rng); i > 0; --i)
        o[strings[std::uniform_int_distribution<std::size_t>(0, strings.size() - 1)(rng)] + std::to_string(i)] =
            random_json(rng, depth + 1);
      return o;
    }
  }
}

TEST(XmlIo, PropertyRoundTripOfGeneratedValues) {
  std::mt19937 rng(20230430);
  for (int i = 0; i < 500; ++i) expect_round_trip(random_json(rng, 0));
}

XmlError error_of(const std::string& text) {
  try {
    from_xml(text);
  } catch (const XmlError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an XmlError for: " << text;
  return XmlError("", 0, 0, 0, "");
}

constexpr const char* kHead = R"(<application xmlns="urn:greenapply:application:1" format-version="1">)";

TEST(XmlIo, BadXmlGivesKeyAndPosition) {
  auto e = error_of("<application>\n  <object>\n</application>");
  EXPECT_EQ(e.issue().message_key, "xml.syntax");
  EXPECT_EQ(e.issue().line, 3u);
  EXPECT_EQ(error_of("<answers/>").issue().message_key, "xml.wrong_root");
  EXPECT_EQ(error_of("<application format-version=\"1\"><null/></application>").issue().message_key, "xml.wrong_namespace");
  e = error_of(std::string(kHead) + "\n<object>\n  <blob name=\"x\"/>\n</object></application>");
  EXPECT_EQ(e.issue().message_key, "xml.unknown_element");
  EXPECT_EQ(e.issue().line, 3u);
  EXPECT_EQ(e.issue().column, 3u);
  EXPECT_EQ(error_of(std::string(kHead) + "<object><number>1</number></object></application>").issue().message_key, "xml.missing_name");
  EXPECT_EQ(error_of(std::string(kHead) + "<number>one</number></application>").issue().message_key, "xml.bad_value");
  EXPECT_EQ(error_of(std::string(kHead) + "<object><null name=\"a\"/><null name=\"a\"/></object></application>").issue().message_key,
            "xml.duplicate_member");
  EXPECT_EQ(error_of(std::string(kHead) + "</application>").issue().message_key, "xml.empty");
  EXPECT_EQ(error_of("").issue().message_key, "xml.syntax");
}

TEST(XmlIo, InvalidUtf8IsAnErrorWithItsPosition) {
  // Found by fuzz_xml (tests/regressions/fuzz_xml-invalid-utf8): such text reached a JSON string.
  const auto e = error_of(std::string(kHead) + "<string>ok\xb1</string></application>");
  EXPECT_EQ(e.issue().message_key, "xml.bad_utf8");
  EXPECT_EQ(e.issue().column, std::string(kHead).size() + 11);
  EXPECT_EQ(error_of(std::string(kHead) + "<string>\xed\xa0\x80</string></application>").issue().message_key, "xml.bad_utf8");
  EXPECT_EQ(error_of(std::string(kHead) + "<string>\xc0\xaf</string></application>").issue().message_key, "xml.bad_utf8");
  EXPECT_NO_THROW(from_xml(std::string(kHead) + "<string>北京😀</string></application>"));
}

TEST(XmlIo, CharacterReferencesMustNameXmlCharacters) {
  // Found by fuzz_xml (tests/regressions/fuzz_xml-char-ref-beyond-unicode): pugixml decoded
  // "&#x1e3331;" (beyond U+10FFFF) in a member name into bytes that are not UTF-8, the import
  // accepted them, and writing the imported package again threw a json type_error.
  const std::string before = std::string(kHead) + "<object>";
  const auto e = error_of(before + "<array name=\"&#x1e3331;\"></array></object></application>");
  EXPECT_EQ(e.issue().message_key, "xml.bad_char_ref");
  EXPECT_EQ(e.issue().offset, before.size());  // at the "<" of the element that holds it
  EXPECT_EQ(e.issue().line, 1u);
  EXPECT_EQ(e.issue().column, before.size() + 1);
  EXPECT_EQ(e.detail, "&#x1e3331; is not a character XML allows");
  // The same for text, and for every other reference XML 1.0 forbids: NUL (which cut the text
  // short without a word), other C0 controls, surrogates, U+FFFE/U+FFFF, beyond U+10FFFF, and
  // numbers too long for any integer type.
  for (const std::string ref : {"&#x1e3331;", "&#0;", "&#x0;", "&#1;", "&#x1F;", "&#xD800;", "&#57343;", "&#xFFFE;",
                                "&#65535;", "&#x110000;", "&#1114112;", "&#99999999999999999999999;", "&#xFFFFFFFF1;"}) {
    const auto t = error_of(std::string(kHead) + "<string>ab" + ref + "cd</string></application>");
    EXPECT_EQ(t.issue().message_key, "xml.bad_char_ref") << ref;
    EXPECT_EQ(t.issue().offset, std::string(kHead).size()) << ref;
    EXPECT_EQ(t.detail, ref + " is not a character XML allows");
  }
  // pugixml takes "<" inside an attribute value as text, so nothing there is CDATA or a comment.
  EXPECT_EQ(error_of(before + "<null name=\"<![CDATA[&#0;]]>\"/></object></application>").issue().message_key, "xml.bad_char_ref");
  // References to characters XML allows still decode; in CDATA, comments and processing
  // instructions "&#0;" is plain text, not a reference.
  EXPECT_EQ(from_xml(std::string(kHead) + "<string>&#x1F331;&#20013;&#x9;&#xD;&#x10FFFF;</string></application>"),
            json("\U0001F331\u4e2d\t\r\U0010FFFF"));
  EXPECT_EQ(from_xml(std::string(kHead) + "<string><![CDATA[&#0;]]></string></application>"), json("&#0;"));
  EXPECT_EQ(from_xml("<?pi &#0;?><!-- &#0; -->" + std::string(kHead) + "<null/></application>"), json(nullptr));
  // The five entities, references in names and attributes, and what is not a reference at all.
  EXPECT_EQ(from_xml(std::string(kHead) + "<object><string name=\"&lt;&#x41;&amp;\">&quot;&apos;&gt;&#65;&#x;&#12 &#xG; &foo;</string>"
                                          "</object></application>"),
            json({{"<A&", "\"'>A&#x;&#12 &#xG; &foo;"}}));
  EXPECT_EQ(from_xml(R"(<application xmlns="urn:greenapply:application:&#x31;" format-version="&#49;"><null/></application>)"),
            json(nullptr));
}

TEST(XmlIo, RefusesEntityTricks) {
  const std::string billion_laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>" +
      std::string(kHead) + "<string>&lol2;</string></application>";
  EXPECT_EQ(error_of(billion_laughs).issue().message_key, "xml.doctype");
  const std::string external = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + std::string(kHead) +
                               "<string>&x;</string></application>";
  EXPECT_EQ(error_of(external).issue().message_key, "xml.doctype");
}

TEST(XmlIo, DeepNestingIsAnErrorNotACrash) {
  std::string deep = kHead;
  for (int i = 0; i < 100000; ++i) deep += "<array>";
  for (int i = 0; i < 100000; ++i) deep += "</array>";
  deep += "</application>";
  EXPECT_EQ(error_of(deep).issue().message_key, "xml.depth");
}

}  // namespace
}  // namespace greenapply::xml
