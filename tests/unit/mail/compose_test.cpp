// The .eml writer: what a mail program needs to open the message as the applicant meant it.
// (Python's email package reads a whole application's message in tests/cli/eml_check.py.)
#include "greenapply/mail_compose.hpp"

#include <gtest/gtest.h>

#include <string>

#include "greenapply/base64.hpp"

namespace greenapply::mail {
namespace {

OutgoingMessage sample() {
  OutgoingMessage m;
  m.to = "applications@bluetech-award.example";
  m.subject = "[Bluetech CNP 2023] COMPANY | 储能 | 北京绿能科技有限公司";
  m.date = "Sat, 15 Apr 2023 10:00:00 +0800";
  m.message_id = "0f8e2c9a@greenapply.invalid";
  m.body = "Applicant: 北京绿能\nSecond line\n";
  return m;
}

// Every line of the message, split on CRLF; fails the test on a bare LF or CR.
std::vector<std::string> lines_of(const std::string& eml) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < eml.size(); ++i) {
    if (eml[i] == '\n') {
      EXPECT_TRUE(i > 0 && eml[i - 1] == '\r') << "bare LF at byte " << i;
      out.push_back(eml.substr(start, i - 1 - start));
      start = i + 1;
    } else if (eml[i] == '\r') {
      EXPECT_TRUE(i + 1 < eml.size() && eml[i + 1] == '\n') << "bare CR at byte " << i;
    }
  }
  EXPECT_EQ(start, eml.size()) << "the message must end with CRLF";
  return out;
}

std::string header_block(const std::string& eml) { return eml.substr(0, eml.find("\r\n\r\n")); }

TEST(Compose, IsSevenBitAsciiWithCrlfLinesOfAtMost78) {
  OutgoingMessage m = sample();
  const std::string pdf = "%PDF-1.7\n" + std::string(5000, '\xff');
  m.attachments.push_back({"商业计划书（2023 年版）最终稿-北京绿能科技有限公司.pdf", "application/pdf", pdf});
  const std::string eml = compose(m);
  for (const unsigned char c : eml) ASSERT_LT(c, 0x80u);
  for (const auto& line : lines_of(eml)) EXPECT_LE(line.size(), 78u) << line;
}

TEST(Compose, HeadersSayWhereWhenWhatAndThatItIsADraft) {
  const std::string h = header_block(compose(sample()));
  EXPECT_NE(h.find("\r\nTo: applications@bluetech-award.example\r\n"), std::string::npos) << h;
  EXPECT_NE(h.find("\r\nDate: Sat, 15 Apr 2023 10:00:00 +0800\r\n"), std::string::npos);
  EXPECT_NE(h.find("\r\nMessage-ID: <0f8e2c9a@greenapply.invalid>\r\n"), std::string::npos);
  EXPECT_NE(h.find("\r\nX-Unsent: 1"), std::string::npos);
  EXPECT_EQ(h.rfind("MIME-Version: 1.0\r\n", 0), 0u);
  EXPECT_NE(h.find("Content-Type: multipart/mixed;"), std::string::npos);
  EXPECT_EQ(h.find("From:"), std::string::npos) << "the mail program fills the sender of a draft";
}

TEST(Compose, SubjectIsEncodedWordsThatDecodeToTheTextWithoutSplittingACharacter) {
  const std::string subject = sample().subject;
  const std::string encoded = encode_header_text(subject);
  std::string decoded;
  std::size_t at = 0;
  while ((at = encoded.find("=?UTF-8?B?", at)) != std::string::npos) {
    const auto end = encoded.find("?=", at + 10);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end + 2 - at, 75u);
    const auto piece = base64_decode(encoded.substr(at + 10, end - at - 10));
    ASSERT_TRUE(piece);
    // Each word holds whole characters: it does not end inside a UTF-8 sequence.
    ASSERT_FALSE(piece->empty());
    const auto last = static_cast<unsigned char>(piece->back());
    if (last >= 0x80) {
      std::size_t lead = piece->size() - 1;
      while (lead > 0 && (static_cast<unsigned char>((*piece)[lead]) & 0xC0) == 0x80) --lead;
      const auto l = static_cast<unsigned char>((*piece)[lead]);
      const std::size_t need = l >= 0xF0 ? 4 : l >= 0xE0 ? 3 : 2;
      EXPECT_EQ(piece->size() - lead, need);
    }
    decoded += *piece;
    at = end + 2;
  }
  EXPECT_EQ(decoded, subject);
  EXPECT_EQ(encode_header_text("Plain ASCII subject"), "Plain ASCII subject");
  EXPECT_NE(encode_header_text("looks =?like?= a word"), "looks =?like?= a word");
}

TEST(Compose, ChineseFileNamesGetRfc2231AndAnEncodedWordFallback) {
  OutgoingMessage m = sample();
  m.attachments.push_back({"商业计划书.pdf", "application/pdf", "%PDF-1.4"});
  const std::string eml = compose(m);
  // 商 = E5 95 86
  EXPECT_NE(eml.find("filename*0*=UTF-8''%E5%95%86"), std::string::npos) << eml;
  EXPECT_NE(eml.find("filename=\"=?UTF-8?B?"), std::string::npos);
  EXPECT_NE(eml.find("name=\"=?UTF-8?B?"), std::string::npos);
  // ASCII names stay readable, quoted.
  OutgoingMessage plain = sample();
  plain.attachments.push_back({"plan \"v2\".pdf", "application/pdf", "%PDF-1.4"});
  const std::string p = compose(plain);
  EXPECT_NE(p.find("filename=\"plan \\\"v2\\\".pdf\""), std::string::npos) << p;
  EXPECT_EQ(p.find("filename*"), std::string::npos);
}

TEST(Compose, AttachmentsAreBase64In76ColumnLinesAndDecodeToTheSameBytes) {
  std::string bytes;
  for (int i = 0; i < 1000; ++i) bytes += static_cast<char>(i * 7);
  OutgoingMessage m = sample();
  m.attachments.push_back({"data.bin", "", bytes});
  const std::string eml = compose(m);
  EXPECT_NE(eml.find("Content-Type: application/octet-stream;"), std::string::npos);
  const auto start = eml.find("\r\n\r\n", eml.find("filename=\"data.bin\"")) + 4;
  const auto end = eml.find("\r\n--=_greenapply_", start);
  const std::string encoded = eml.substr(start, end - start);
  EXPECT_EQ(encoded.find("\r\n"), 76u);
  EXPECT_EQ(base64_decode(encoded), bytes);
}

TEST(Compose, TheBodyIsUtf8TextWithCrlfLineEnds) {
  const std::string eml = compose(sample());
  const auto at = eml.find("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n");
  ASSERT_NE(at, std::string::npos);
  const auto start = eml.find("\r\n\r\n", at) + 4;
  const auto body = base64_decode(eml.substr(start, eml.find("\r\n--", start) - start));
  ASSERT_TRUE(body);
  EXPECT_EQ(*body, "Applicant: 北京绿能\r\nSecond line\r\n");
}

TEST(Compose, TheBoundaryIsDeclaredOnceAndClosesTheMessage) {
  OutgoingMessage m = sample();
  m.attachments.push_back({"a.pdf", "application/pdf", "%PDF-"});
  m.attachments.push_back({"b.xlsx", "", "PK\x03\x04"});
  const std::string eml = compose(m);
  const auto decl = eml.find("boundary=\"");
  ASSERT_NE(decl, std::string::npos);
  const std::string boundary = eml.substr(decl + 10, eml.find('"', decl + 10) - decl - 10);
  EXPECT_EQ(boundary.rfind("=_", 0), 0u);
  std::size_t parts = 0;
  for (std::size_t at = 0; (at = eml.find("\r\n--" + boundary + "\r\n", at)) != std::string::npos; ++at) ++parts;
  EXPECT_EQ(parts, 3u);  // body + two files
  const std::string close = "\r\n--" + boundary + "--\r\n";
  EXPECT_EQ(eml.size() - eml.rfind(close), close.size());
  EXPECT_NE(eml.find("Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;"),
            std::string::npos);
}

TEST(Compose, IsDeterministic) { EXPECT_EQ(compose(sample()), compose(sample())); }

TEST(Compose, RefusesHeaderInjectionAndMalformedAddresses) {
  const auto refused = [](auto edit, const char* key) {
    OutgoingMessage m = sample();
    edit(m);
    try {
      compose(m);
      ADD_FAILURE() << "composed although " << key;
    } catch (const MailError& e) {
      EXPECT_EQ(e.issue().message_key, key);
    }
  };
  refused([](OutgoingMessage& m) { m.subject = "Hello\r\nBcc: everyone@example.com"; }, "mail.header_line_break");
  refused([](OutgoingMessage& m) { m.to = "a@b.example\nBcc: x@y"; }, "mail.header_line_break");
  refused([](OutgoingMessage& m) { m.attachments.push_back({"x.pdf\r\nX-Evil: 1", "", "x"}); }, "mail.header_line_break");
  refused([](OutgoingMessage& m) { m.to = "Someone <a@b.example>"; }, "mail.bad_address");
  refused([](OutgoingMessage& m) { m.to = "no-at-sign"; }, "mail.bad_address");
  refused([](OutgoingMessage& m) { m.message_id = "no at sign"; }, "mail.bad_message_id");
  OutgoingMessage no_to = sample();
  no_to.to = "";
  EXPECT_EQ(header_block(compose(no_to)).find("To:"), std::string::npos);
}

TEST(Compose, DatesAreWrittenTheRfc5322Way) {
  EXPECT_EQ(rfc5322_date("2023-04-15T10:00:00+08:00"), "Sat, 15 Apr 2023 10:00:00 +0800");
  EXPECT_EQ(rfc5322_date("2024-02-29T23:59:59.123Z"), "Thu, 29 Feb 2024 23:59:59 +0000");
  EXPECT_EQ(rfc5322_date("1970-01-01T00:00:00-05:30"), "Thu, 01 Jan 1970 00:00:00 -0530");
  EXPECT_THROW(rfc5322_date("2023-02-29T10:00:00Z"), MailError);
  EXPECT_THROW(rfc5322_date("2023-04-15T10:00:00"), MailError);
  EXPECT_THROW(rfc5322_date("yesterday"), MailError);
}

TEST(Compose, KnowsTheTypesOfTheFilesFormsAsk) {
  EXPECT_EQ(content_type_for("Plan.PDF"), "application/pdf");
  EXPECT_EQ(content_type_for("deck.pptx"), "application/vnd.openxmlformats-officedocument.presentationml.presentation");
  EXPECT_EQ(content_type_for("photo.jpeg"), "image/jpeg");
  EXPECT_EQ(content_type_for("noextension"), "application/octet-stream");
}

}  // namespace
}  // namespace greenapply::mail
