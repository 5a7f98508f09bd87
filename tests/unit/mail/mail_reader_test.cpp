// The organiser's e-mail reader (greenapply/mail_reader.hpp): what mail programs really send,
// and hostile messages that must become problems, never crashes.
#include "greenapply/mail_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "greenapply/base64.hpp"

namespace mail = greenapply::mail;

namespace {

bool has(const std::vector<std::string>& problems, const std::string& key) {
  return std::find(problems.begin(), problems.end(), key) != problems.end();
}

// A message with one JSON attachment, in the shape the applicant's page and Thunderbird write.
std::string message(const std::string& headers, const std::string& disposition, const std::string& body) {
  return headers +
         "MIME-Version: 1.0\r\n"
         "Content-Type: multipart/mixed; boundary=\"b1\"\r\n"
         "\r\n"
         "preamble\r\n"
         "--b1\r\n"
         "Content-Type: text/plain; charset=utf-8\r\n"
         "\r\n"
         "Hello\r\n"
         "--b1\r\n"
         "Content-Type: application/json\r\n" +
         disposition +
         "Content-Transfer-Encoding: base64\r\n"
         "\r\n" +
         greenapply::base64_encode(body, 76) +
         "\r\n--b1--\r\n";
}

}  // namespace

TEST(MailReader, ReadsHeadersFoldedAndEncodedInChinese) {
  std::vector<std::string> problems;
  EXPECT_EQ(mail::decode_header_text("=?UTF-8?B?55Sz6K+3?= =?UTF-8?Q?_2023?=", problems), "申请 2023");
  EXPECT_EQ(mail::decode_header_text("Re: =?iso-8859-1?q?caf=E9?= ok", problems), "Re: café ok");
  EXPECT_EQ(mail::decode_header_text("plain text", problems), "plain text");
  EXPECT_TRUE(problems.empty());
  const auto m = mail::parse_message(
      message("From: =?UTF-8?B?546L5piO?= <wang@example.com>\r\nSubject: Bluetech\r\n =?UTF-8?B?55Sz6K+3?=\r\n"
              "Date: Tue, 25 Apr 2023 09:30:00 +0800\r\n",
              "Content-Disposition: attachment; filename=\"app.json\"\r\n", "{}"));
  EXPECT_EQ(m.from, "王明 <wang@example.com>");
  EXPECT_EQ(m.subject, "Bluetech 申请");
  EXPECT_EQ(m.date, "2023-04-25T09:30:00+08:00");
  ASSERT_EQ(m.files.size(), 1u);
  EXPECT_EQ(m.files[0].name, "app.json");
  EXPECT_EQ(m.files[0].bytes, "{}");
  EXPECT_TRUE(m.problems.empty());
}

TEST(MailReader, DecodesRfc2231AndEncodedWordFileNames) {
  const auto a = mail::parse_message(message(
      "From: a@b\r\n", "Content-Disposition: attachment; filename*=UTF-8''%E5%95%86%E4%B8%9A%E8%AE%A1%E5%88%92.json\r\n", "1"));
  ASSERT_EQ(a.files.size(), 1u);
  EXPECT_EQ(a.files[0].name, "商业计划.json");
  // Continuations (RFC 2231 §3), as Thunderbird writes long names.
  const auto b = mail::parse_message(message("From: a@b\r\n",
                                             "Content-Disposition: attachment;\r\n filename*0*=UTF-8''%E7%94%B3;\r\n"
                                             " filename*1*=%E8%AF%B7;\r\n filename*2=\".json\"\r\n",
                                             "1"));
  ASSERT_EQ(b.files.size(), 1u);
  EXPECT_EQ(b.files[0].name, "申请.json");
  // Outlook and many Chinese clients put an RFC 2047 word in the quoted name.
  const auto c = mail::parse_message(
      message("From: a@b\r\n", "Content-Disposition: attachment; filename=\"=?UTF-8?B?55Sz6K+3Lmpzb24=?=\"\r\n", "1"));
  ASSERT_EQ(c.files.size(), 1u);
  EXPECT_EQ(c.files[0].name, "申请.json");
}

TEST(MailReader, ChineseMailProgramsGb2312AndGbkWordsAreRead) {
  std::vector<std::string> problems;
  EXPECT_EQ(mail::decode_header_text("=?GB2312?B?yerH6w==?=", problems), "申请");
  EXPECT_EQ(mail::decode_header_text("=?gbk?Q?=D6=D0=CE=C4_abc?=", problems), "中文 abc");
  EXPECT_TRUE(problems.empty());
  // A charset still unknown here is a clear problem, not garbage.
  EXPECT_EQ(mail::decode_header_text("=?KOI8-R?B?8NLJ18XU?=", problems), "\xEF\xBF\xBD");
  EXPECT_TRUE(has(problems, "mail.charset_unsupported"));
}

TEST(MailReader, Gb18030DecodesAsTheWhatwgDecoderDoes) {
  // The first and last GB2312 hanzi, GBK's first extension character, the euro sign of code
  // page 936 and of GB18030, and four-byte sequences in the BMP and beyond it.
  EXPECT_EQ(mail::charset_to_utf8("\xB0\xA1\xF7\xFE\x81\x40", "GBK"), "啊齄丂");
  EXPECT_EQ(mail::charset_to_utf8("\x80\xA2\xE3", "gbk"), "€€");
  EXPECT_EQ(mail::charset_to_utf8("\x81\x30\x84\x36\x94\x39\xFC\x36", "GB18030"), "¥😀");
  // Malformed: a lone lead byte at the end, 0xFF, a lead byte before a byte that cannot follow
  // it (which is kept), a four-byte sequence cut short.
  EXPECT_EQ(mail::charset_to_utf8("a\xB0", "gb2312"), "a\xEF\xBF\xBD");
  EXPECT_EQ(mail::charset_to_utf8("\xFF" "b", "gb2312"), "\xEF\xBF\xBD" "b");
  EXPECT_EQ(mail::charset_to_utf8("\xB0 ", "gb2312"), "\xEF\xBF\xBD ");  // (0xB0 "a" is GBK's 癮)
  EXPECT_EQ(mail::charset_to_utf8("\x81\x30" "a", "gb18030"), "\xEF\xBF\xBD" "0a");
}

TEST(MailReader, AGbkFileNameIsRead) {
  // RFC 2231 (filename*=charset''percent-encoded), as some Chinese mail programs write it.
  const auto m = mail::parse_message(
      message("From: a@b\r\n", "Content-Disposition: attachment; filename*=GBK''%C9%EA%C7%EB.json\r\n", "1"));
  ASSERT_EQ(m.files.size(), 1u);
  EXPECT_EQ(m.files[0].name, "申请.json");
}

TEST(MailReader, QuotedPrintable) {
  EXPECT_EQ(mail::decode_quoted_printable("caf=C3=A9 =\r\nsoft=3D"), "café soft=");
  EXPECT_EQ(mail::decode_quoted_printable("bad =ZZ and =4"), "bad =ZZ and =4");
  EXPECT_EQ(mail::decode_quoted_printable("end="), "end");
}

TEST(MailReader, Dates) {
  EXPECT_EQ(mail::date_to_rfc3339("Tue, 25 Apr 2023 09:30:00 +0800"), "2023-04-25T09:30:00+08:00");
  EXPECT_EQ(mail::date_to_rfc3339("1 May 2023 01:02 GMT"), "2023-05-01T01:02:00+00:00");
  EXPECT_EQ(mail::date_to_rfc3339("Mon, 1 May 23 01:02:03 -0530 (weird)"), "2023-05-01T01:02:03-05:30");
  EXPECT_EQ(mail::date_to_rfc3339("Sun, 30 Apr 2023 23:59:59 EST"), "2023-04-30T23:59:59-05:00");
  EXPECT_FALSE(mail::date_to_rfc3339("31 Apr 2023 10:00:00 +0800"));
  EXPECT_FALSE(mail::date_to_rfc3339("yesterday"));
  EXPECT_FALSE(mail::date_to_rfc3339("25 Apr 2023 25:00:00 +0800"));
}

TEST(MailReader, SplitsMboxAndUnquotesFromLines) {
  const std::string box =
      "From a@b Tue Apr 25 09:30:00 2023\n"
      "Subject: one\n\n"
      ">From the start\n"
      ">>From deeper\n"
      "\n"
      "From c@d Tue Apr 25 10:30:00 2023\n"
      "Subject: two\n\nbody\n";
  ASSERT_TRUE(mail::looks_like_mbox(box));
  const auto messages = mail::split_mbox(box);
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_EQ(messages[0], "Subject: one\n\nFrom the start\n>From deeper\n");
  EXPECT_EQ(messages[1], "Subject: two\n\nbody\n");
}

TEST(MailReader, HostileMessagesAreProblemsNotCrashes) {
  // Truncated: no closing boundary, base64 cut mid-quantum is still decodable or reported.
  std::string full = message("From: a@b\r\n", "Content-Disposition: attachment; filename=a.json\r\n", "{\"x\":1}");
  const auto cut = mail::parse_message(full.substr(0, full.size() - 10));
  EXPECT_TRUE(has(cut.problems, "mail.truncated"));
  // Nested 100 deep.
  std::string nested = "From: a@b\r\n";
  for (int i = 0; i < 100; ++i)
    nested += "Content-Type: multipart/mixed; boundary=\"n" + std::to_string(i) + "\"\r\n\r\n--n" + std::to_string(i) + "\r\n";
  const auto deep = mail::parse_message(nested);
  EXPECT_TRUE(has(deep.problems, "mail.too_deep"));
  // No boundary, bad base64, no headers at all, empty input.
  EXPECT_TRUE(has(mail::parse_message("From: a\r\nContent-Type: multipart/mixed\r\n\r\nx").problems, "mail.no_boundary"));
  EXPECT_TRUE(has(mail::parse_message("From: a\r\nContent-Type: application/json\r\nContent-Transfer-Encoding: base64\r\n"
                                      "Content-Disposition: attachment; filename=a.json\r\n\r\n!!!!")
                      .problems,
                  "mail.bad_base64"));
  EXPECT_TRUE(has(mail::parse_message("just some text, no header").problems, "mail.not_a_message"));
  EXPECT_TRUE(has(mail::parse_message("").problems, "mail.not_a_message"));
  // Invalid UTF-8 in a header becomes U+FFFD, so the row can go into JSON.
  const auto bad = mail::parse_message("From: \xff\xfe wang\r\nSubject: x\r\n\r\n");
  EXPECT_EQ(bad.from, "\xEF\xBF\xBD\xEF\xBF\xBD wang");
  EXPECT_TRUE(has(mail::parse_message("From: a\r\nDate: someday\r\n\r\n").problems, "mail.bad_date"));
}

TEST(MailReader, ValidUtf8ReplacesOnlyWhatIsBroken) {
  EXPECT_EQ(mail::valid_utf8("ok 中文"), "ok 中文");
  EXPECT_EQ(mail::valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
  EXPECT_EQ(mail::valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
}
