// The organiser's round (greenapply/round.hpp) on small hand-made inboxes: folders with
// attachments beside packages, resubmissions and ties, bad files, and the CSV and report's
// escaping. The whole-round mailbox is tests/organiser/.
#include "greenapply/round.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "greenapply/digest.hpp"
#include "greenapply/form.hpp"
#include "greenapply/xml.hpp"
#include "package_files.hpp"

namespace {

namespace fs = std::filesystem;
using greenapply::json;
using greenapply::round::ReceivedFile;

const fs::path kPkg = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "bluetech-2023-company";

struct Fixture {
  greenapply::cli::PackageFiles files = greenapply::cli::read_package(kPkg.string());
  greenapply::form::FormPackage package = greenapply::form::FormPackage::load(files.bundle);
};

const Fixture& fixture() {
  static const Fixture f;
  return f;
}

json answers(const std::string& plan_sha = "") {
  std::ifstream in(kPkg / "examples" / "01-worked-example.json");
  std::stringstream ss;
  ss << in.rdbuf();
  json a = json::parse(ss.str())["answers"];
  if (!plan_sha.empty()) a["attachments"]["att_business_plan"]["sha256"] = plan_sha;
  return a;
}

// A received application package (not re-made by the engine: its digest flags do not matter
// here) with the time it was received.
ReceivedFile package(const std::string& name, json a, const std::string& received_at) {
  json doc = {{"format", "greenapply-application"},
              {"package", {{"id", "bluetech-2023-company"}, {"version", "1.1.0"}}},
              {"answers", std::move(a)},
              {"received_at", received_at}};
  return {name, doc.dump()};
}

bool has_flag(const json& row, const std::string& flag) {
  for (const auto& f : row["flags"])
    if (f == flag) return true;
  return false;
}

const json& row_of(const json& round, const std::string& file) {
  for (const char* list : {"ranking", "superseded"})
    for (const auto& r : round[list])
      if (r["file"] == file) return r;
  static const json none;
  ADD_FAILURE() << "no row " << file;
  return none;
}

}  // namespace

TEST(Round, AttachmentsBesideAPackageAreMatchedBySha256InItsFolder) {
  const std::string plan = "%PDF-1.4 plan";
  const std::string sha = greenapply::sha256_hex(plan);
  json b = answers(sha);
  b["company"]["company_name_en"] = "Other Co.";
  json c = answers(sha);
  c["company"]["company_name_en"] = "Third Co.";
  const json round = greenapply::round::check_round(
      fixture().package,
      {package("a/app.json", answers(sha), "2023-04-10T10:00:00+08:00"), {"a/plan-renamed.pdf", plan},
       package("b/app.json", b, "2023-04-10T10:00:00+08:00"), {"b/business-plan.pdf", "%PDF-1.4 other"},
       package("c/app.json", c, "2023-04-10T10:00:00+08:00"), {"a/unrelated.pdf", "x"}},
      "2023-06-01T00:00:00Z");
  EXPECT_EQ(row_of(round, "a/app.json")["attachments"][0]["status"], "verified");
  EXPECT_EQ(row_of(round, "b/app.json")["attachments"][0]["status"], "altered");
  EXPECT_TRUE(has_flag(row_of(round, "b/app.json"), "attachment_altered"));
  // c's plan is in folder a, not beside it.
  EXPECT_EQ(row_of(round, "c/app.json")["attachments"][0]["status"], "missing");
  EXPECT_TRUE(has_flag(row_of(round, "c/app.json"), "attachment_missing"));
}

TEST(Round, TheLatestInsideTheWindowCountsAndTiesAreLeftToTheOrganiser) {
  json later = answers();
  later["market"]["target_customers"] = "A changed answer about the customers, long enough for the schema's minimum.";
  const json round = greenapply::round::check_round(
      fixture().package,
      {package("1.json", answers(), "2023-04-10T10:00:00+08:00"), package("2.json", later, "2023-04-12T10:00:00+08:00"),
       package("3.json", answers(), "2023-05-03T10:00:00+08:00")},
      "2023-06-01T00:00:00Z");
  ASSERT_EQ(round["ranking"].size(), 1u) << round.dump(1);
  EXPECT_EQ(round["ranking"][0]["file"], "2.json");
  EXPECT_TRUE(has_flag(round["ranking"][0], "resubmitted"));
  EXPECT_EQ(round["ranking"][0]["changes"]["previous"], "1.json");
  EXPECT_EQ(round["ranking"][0]["changes"]["fields"][0]["pointer"], "/market/target_customers");
  EXPECT_EQ(row_of(round, "1.json")["superseded_by"], "2.json");
  EXPECT_TRUE(has_flag(row_of(round, "3.json"), "late"));
  EXPECT_EQ(row_of(round, "3.json")["superseded_by"], "2.json");
  // Same applicant, same time: both ranked, flagged.
  const json tie = greenapply::round::check_round(
      fixture().package,
      {package("x.json", answers(), "2023-04-10T10:00:00+08:00"), package("y.json", answers(), "2023-04-10T02:00:00Z")},
      "2023-06-01T00:00:00Z");
  ASSERT_EQ(tie["ranking"].size(), 2u);
  EXPECT_TRUE(has_flag(tie["ranking"][0], "duplicate_applicant"));
  EXPECT_TRUE(tie["superseded"].empty());
  // Another USCC is another applicant, whatever the name.
  json other = answers();
  other["company"]["uscc"] = "91110108MA01C8HQ6A";
  const json two = greenapply::round::check_round(
      fixture().package,
      {package("x.json", answers(), "2023-04-10T10:00:00+08:00"), package("y.json", other, "2023-04-11T10:00:00+08:00")},
      "2023-06-01T00:00:00Z");
  EXPECT_EQ(two["ranking"].size(), 2u);
}

// What changed between sendings is read from the answers again once the round knows who sent
// twice (check_round keeps no application's answers from the first reading): from an XML
// package's text, and from an e-mail's package part, as from a JSON package above.
TEST(Round, AResubmissionsChangesAreReadAgainFromXmlPackagesAndEmails) {
  json later = answers();
  later["market"]["target_customers"] = "A changed answer about the customers, long enough for the schema's minimum.";
  auto xml_package = [](const std::string& name, json a, const std::string& received_at) {
    ReceivedFile f = package(name, std::move(a), received_at);
    f.bytes = greenapply::xml::to_xml(json::parse(f.bytes));
    return f;
  };
  const json by_xml = greenapply::round::check_round(
      fixture().package,
      {xml_package("1.xml", answers(), "2023-04-10T10:00:00+08:00"), xml_package("2.xml", later, "2023-04-12T10:00:00+08:00")},
      "2023-06-01T00:00:00Z");
  ASSERT_EQ(by_xml["ranking"].size(), 1u) << by_xml.dump(1);
  EXPECT_EQ(by_xml["ranking"][0].value("changes", json::object()).value("previous", ""), "1.xml");
  EXPECT_EQ(by_xml["ranking"][0].value("/changes/fields/0/pointer"_json_pointer, ""), "/market/target_customers");

  auto email = [](const std::string& name, const json& a, const std::string& date) {
    greenapply::form::EmailOptions options;
    options.date = date;
    options.message_id = name + "@greenapply.test";
    options.json_name = "application.json";
    options.xml_name = "application.xml";
    return ReceivedFile{name, greenapply::form::make_application_email(fixture().package, a, date, "en", {}, options)};
  };
  const json by_mail = greenapply::round::check_round(
      fixture().package,
      {email("1.eml", answers(), "2023-04-10T10:00:00+08:00"), email("2.eml", later, "2023-04-12T10:00:00+08:00")},
      "2023-06-01T00:00:00Z");
  ASSERT_EQ(by_mail["ranking"].size(), 1u) << by_mail.dump(1);
  EXPECT_EQ(by_mail["ranking"][0]["file"], "2.eml");
  EXPECT_EQ(by_mail["ranking"][0].value("changes", json::object()).value("previous", ""), "1.eml");
  EXPECT_EQ(by_mail["ranking"][0].value("/changes/fields/0/pointer"_json_pointer, ""), "/market/target_customers");
  EXPECT_EQ(by_mail.value("/superseded/0/file"_json_pointer, ""), "1.eml");
}

// A package's bytes may be given later (the CLI reads each on the thread that checks it): the
// same row as with the bytes given at once; a read that fails is that file's unreadable row.
TEST(Round, APackageReadLaterIsCheckedTheSameAndAFailedReadIsItsRow) {
  const ReceivedFile given = package("a.json", answers(), "2023-04-10T10:00:00+08:00");
  int reads = 0;
  const ReceivedFile later{"a.json", "", [&] {
                             ++reads;
                             return given.bytes;
                           }};
  const ReceivedFile lost{"b.json", "", []() -> std::string { throw std::runtime_error("b.json: cannot be read"); }};
  const json now = greenapply::round::check_round(fixture().package, {given}, "2023-06-01T00:00:00Z");
  const json read_later = greenapply::round::check_round(fixture().package, {later, lost}, "2023-06-01T00:00:00Z");
  EXPECT_EQ(reads, 1);
  EXPECT_EQ(row_of(read_later, "a.json"), now["ranking"][0]);
  EXPECT_EQ(row_of(read_later, "b.json")["verdict"], "unreadable");
  EXPECT_EQ(row_of(read_later, "b.json")["problem"], "b.json: cannot be read");
  EXPECT_TRUE(greenapply::round::is_package_name("x/A.JSON") && greenapply::round::is_package_name("a.xml"));
  EXPECT_FALSE(greenapply::round::is_package_name("a.json.pdf") || greenapply::round::is_package_name("inbox.mbox"));
}

TEST(Round, BadFilesAreRowsNotExceptions) {
  const json round = greenapply::round::check_round(
      fixture().package,
      {{"broken.json", "{ not json"}, {"bad.xml", "<nope"}, {"mail.eml", "no headers here"},
       package("when.json", answers(), "yesterday"), {"empty.mbox", ""}},
      "2023-06-01T00:00:00Z");
  ASSERT_EQ(round["ranking"].size(), 4u) << round.dump(1);  // an empty mailbox holds no message
  for (const auto& r : round["ranking"]) {
    EXPECT_EQ(r["verdict"], "unreadable") << r.dump();
    EXPECT_TRUE(r["problem_key"].is_string()) << r.dump();
  }
  EXPECT_EQ(row_of(round, "mail.eml")["problem_key"], "mail.not_a_message");
}

TEST(Round, CsvIsForExcelAndNeutralisesFormulas) {
  json a = answers();
  a["company"]["company_name_en"] = "=HYPERLINK(\"http://x\")";
  const json round = greenapply::round::check_round(fixture().package, {package("f.json", a, "2023-04-10T10:00:00+08:00")},
                                                    "2023-06-01T00:00:00Z");
  const std::string csv = greenapply::round::round_csv(round);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFrank,file,applicant,", 0), 0u);
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\r\n\"1\",\"f.json\""), std::string::npos);
}

TEST(Round, ReportEscapesWhatApplicantsWrote) {
  json a = answers();
  a["company"]["company_name_en"] = "<img src=http://evil/x onerror=alert(1)>";
  const json round = greenapply::round::check_round(fixture().package, {package("f.json", a, "2023-04-10T10:00:00+08:00")},
                                                    "2023-06-01T00:00:00Z");
  const std::string html = greenapply::round::round_report_html(round, fixture().files.bundle);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;img src=http://evil/x onerror=alert(1)&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("排名"), std::string::npos);
}

TEST(Round, LintNamesAnApplicantIdOrTrackThatIsNotAField) {
  json bundle = fixture().files.bundle;
  bundle["form"]["applicant_id"] = json::array({"/company/uscc", "/company/nope"});
  bundle["form"]["track"] = "/applicant/nope";
  std::vector<std::string> where;
  for (const auto& p : greenapply::form::lint(bundle, nullptr))
    if (p.message_key == "package.unknown_field") where.push_back(p.location);
  EXPECT_EQ(where, (std::vector<std::string>{"/applicant_id/1", "/track"}));
}
