// submission_answers: the organiser's page shows a row's application read-only; the answers
// must be the ones the submission carried, found again from the row's "source".
#include <gtest/gtest.h>

#include <stdexcept>

#include "greenapply/base64.hpp"
#include "greenapply/round_submission.hpp"

namespace greenapply::round {
namespace {

using greenapply::json;

std::string message(const std::string& name_header, const std::string& json_text) {
  return "From: a@example.com\r\nSubject: application\r\nDate: Tue, 25 Apr 2023 09:30:00 +0800\r\n"
         "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
         "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n"
         "--b1\r\nContent-Type: application/json\r\nContent-Transfer-Encoding: base64\r\n"
         "Content-Disposition: attachment; " + name_header + "\r\n\r\n" + base64_encode(json_text) + "\r\n--b1--\r\n";
}

TEST(SubmissionAnswers, TheNthMessageOfAMailboxAndItsNamedPart) {
  const std::string mbox = "From a@example.com Tue Apr 25 09:30:00 2023\n" + message("filename=\"first.json\"", R"({"package":{"id":"f"},"answers":{"x":1}})") +
                           "From b@example.com Tue Apr 25 10:30:00 2023\n" +
                           // RFC 2231: a Chinese file name, UTF-8, percent-encoded.
                           message("filename*=UTF-8''%E7%94%B3%E6%8A%A5.json", R"({"package":{"id":"f"},"answers":{"x":2}})");
  const std::vector<ReceivedFile> files{{"inbox.mbox", mbox}};
  EXPECT_EQ(submission_answers(files, json{{"file", "inbox.mbox"}, {"message", 1}, {"part", "first.json"}}), json({{"x", 1}}));
  EXPECT_EQ(submission_answers(files, json{{"file", "inbox.mbox"}, {"message", 2}, {"part", "申报.json"}}), json({{"x", 2}}));
  EXPECT_THROW(submission_answers(files, json{{"file", "inbox.mbox"}, {"message", 3}, {"part", "first.json"}}), std::invalid_argument);
  EXPECT_THROW(submission_answers(files, json{{"file", "inbox.mbox"}, {"message", 1}, {"part", "other.json"}}), std::invalid_argument);
}

TEST(SubmissionAnswers, APackageFileOfItsOwnAndBareAnswers) {
  const std::vector<ReceivedFile> files{{"a/app.json", R"({"package":{"id":"f"},"answers":{"y":"z"}})"}, {"b.json", R"({"y":"bare"})"}};
  EXPECT_EQ(submission_answers(files, json{{"file", "a/app.json"}}), json({{"y", "z"}}));
  EXPECT_EQ(submission_answers(files, json{{"file", "b.json"}}), json({{"y", "bare"}}));
  EXPECT_THROW(submission_answers(files, json{{"file", "missing.json"}}), std::invalid_argument);
  EXPECT_THROW(submission_answers(files, json("a/app.json")), std::invalid_argument);
}

// The organiser's page gives a package's bytes only when they are asked for (ReceivedFile::read,
// as check_round takes them): the review reads them then, not the empty `bytes`.
TEST(SubmissionAnswers, APackageWhoseBytesAreGivenWhenAskedFor) {
  int reads = 0;
  const std::vector<ReceivedFile> files{
      {"late.json", "", [&reads] { ++reads; return std::string(R"({"package":{"id":"f"},"answers":{"y":"given later"}})"); }},
      {"late.xml", "", [] { return std::string(
                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><application xmlns=\"urn:greenapply:application:1\" format-version=\"1\">"
                      "<object><object name=\"package\"><string name=\"id\">f</string></object>"
                      "<object name=\"answers\"><string name=\"y\">xml later</string></object></object></application>"); }},
      {"gone.json", "", []() -> std::string { throw std::runtime_error("gone.json: the file could not be read"); }}};
  EXPECT_EQ(submission_answers(files, json{{"file", "late.json"}}), json({{"y", "given later"}}));
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(submission_answers(files, json{{"file", "late.xml"}}), json({{"y", "xml later"}}));
  EXPECT_THROW(submission_answers(files, json{{"file", "gone.json"}}), std::runtime_error);
}

// A review reads only the file its source names: the others, given later too, are not read.
TEST(SubmissionAnswers, OnlyTheNamedFileIsReadWhenEveryFileIsGivenLater) {
  const std::string mbox = "From a@example.com Tue Apr 25 09:30:00 2023\n" + message("filename=\"first.json\"", R"({"package":{"id":"f"},"answers":{"x":1}})");
  int other_reads = 0;
  const std::vector<ReceivedFile> files{
      {"inbox.mbox", "", [&mbox] { return mbox; }},
      {"other.json", "", [&other_reads] { ++other_reads; return std::string("{}"); }}};
  EXPECT_EQ(submission_answers(files, json{{"file", "inbox.mbox"}, {"message", 1}, {"part", "first.json"}}), json({{"x", 1}}));
  EXPECT_EQ(other_reads, 0);
}

}  // namespace
}  // namespace greenapply::round
