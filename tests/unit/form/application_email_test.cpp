// The application's e-mail (make_application_email) on the real Bluetech company package: the
// files are matched to their records by digest, the body speaks both languages, and the package
// attached is byte for byte what export --json writes.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "greenapply/base64.hpp"
#include "greenapply/digest.hpp"
#include "greenapply/form.hpp"
#include "greenapply/mail_compose.hpp"
#include "package_files.hpp"

namespace greenapply::form {
namespace {

using greenapply::json;
namespace fs = std::filesystem;

const fs::path kPackage = fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "bluetech-2023-company";

json read_json(const fs::path& p) {
  std::ifstream in(p);
  return json::parse(in);
}

struct Fixture {
  FormPackage package = FormPackage::load(cli::read_package(kPackage.string()).bundle);
  json example = read_json(kPackage / "examples" / "01-worked-example.json");
  std::string plan = "%PDF-1.7\nbusiness plan\n" + std::string(300, '\x01');
  std::string licence = "%PDF-1.4\nlicence";
  std::string carbon = std::string("PK\x03\x04", 4) + "[Content_Types].xml xl/workbook.xml";
  json answers;
  EmailOptions options{"2023-04-15T10:00:00+08:00", "test-1@greenapply.invalid", "app.json", "app.xml"};

  Fixture() {
    answers = example["answers"];
    auto& att = answers["attachments"];
    att["att_business_plan"] = {{"name", "商业计划书.pdf"}, {"size", plan.size()}, {"sha256", sha256_hex(plan)}};
    att["att_business_licence"] = {{"name", "licence.pdf"}, {"size", licence.size()}, {"sha256", sha256_hex(licence)}};
    att["att_carbon_calc"] = {{"name", "carbon.xlsx"}, {"size", carbon.size()}, {"sha256", sha256_hex(carbon)}};
  }
  std::string eml(const std::vector<std::string_view>& files, const std::string& lang = "en") const {
    return make_application_email(package, answers, example["now"].get<std::string>(), lang, files, options);
  }
};

// The decoded text body (the first part).
std::string body_of(const std::string& eml) {
  const auto at = eml.find("Content-Type: text/plain; charset=UTF-8");
  const auto start = eml.find("\r\n\r\n", at) + 4;
  return base64_decode(eml.substr(start, eml.find("\r\n--", start) - start)).value_or("<not base64>");
}

TEST(ApplicationEmail, AttachesThePackageAndEachFileInTheFormsOrder) {
  const Fixture f;
  const std::string eml = f.eml({f.carbon, f.plan, f.licence});  // any order
  const auto json_at = eml.find("filename=\"app.json\"");
  const auto xml_at = eml.find("filename=\"app.xml\"");
  const auto plan_at = eml.find("filename*0*=UTF-8''%E5%95%86");
  const auto licence_at = eml.find("filename=\"licence.pdf\"");
  const auto carbon_at = eml.find("filename=\"carbon.xlsx\"");
  ASSERT_NE(carbon_at, std::string::npos) << eml.substr(0, 4000);
  EXPECT_LT(json_at, xml_at);
  EXPECT_LT(xml_at, plan_at);
  EXPECT_LT(plan_at, licence_at);
  EXPECT_LT(licence_at, carbon_at);
  EXPECT_NE(eml.find("\r\nTo: applications@bluetech-award.example\r\n"), std::string::npos);
  EXPECT_NE(eml.find("\r\nDate: Sat, 15 Apr 2023 10:00:00 +0800\r\n"), std::string::npos);
  // The JSON part is exactly the package export --json writes.
  const auto start = eml.find("\r\n\r\n", json_at) + 4;
  const auto part = base64_decode(eml.substr(start, eml.find("\r\n--", start) - start));
  ASSERT_TRUE(part);
  EXPECT_EQ(*part, make_application_package(f.package, f.answers, f.example["now"].get<std::string>(), "en").dump(2) + "\n");
}

TEST(ApplicationEmail, TheBodyIsInBothLanguagesTheApplicantsFirst) {
  const Fixture f;
  const std::string en = body_of(f.eml({f.plan, f.licence, f.carbon}));
  const std::string zh = body_of(f.eml({f.plan, f.licence, f.carbon}, "zh"));
  const auto english = en.find("Applicant: ");
  const auto chinese = en.find("申报单位／申报人：");
  ASSERT_NE(english, std::string::npos) << en;
  ASSERT_NE(chinese, std::string::npos) << en;
  EXPECT_LT(english, chinese);
  EXPECT_LT(zh.find("申报单位／申报人："), zh.find("Applicant: "));
  const json package = make_application_package(f.package, f.answers, f.example["now"].get<std::string>(), "en");
  EXPECT_NE(en.find(package["answers_sha256"].get<std::string>()), std::string::npos);
  EXPECT_NE(en.find("Self-score: "), std::string::npos);
  EXPECT_NE(en.find(sha256_hex(f.plan)), std::string::npos);
}

// What happens next is the programme's own (the evaluation's after_sending: the source's steps
// and the organiser's contact), and carbon impact is given beside the total, in both languages.
TEST(ApplicationEmail, SaysWhatHappensNextAndTheIndicatorsInTheProgrammesWords) {
  const Fixture f;
  const std::string body = body_of(f.eml({f.plan, f.licence, f.carbon}));
  for (const std::string lang : {"en", "zh"}) {
    const json ev = evaluate(f.package, f.answers, f.example["now"].get<std::string>(), lang);
    ASSERT_FALSE(ev["after_sending"]["steps"].empty()) << lang;
    for (const auto& step : ev["after_sending"]["steps"]) EXPECT_NE(body.find(step.get<std::string>()), std::string::npos) << step;
    EXPECT_NE(body.find(ev["after_sending"]["contact"].get<std::string>()), std::string::npos) << lang;
    ASSERT_FALSE(ev["score"]["indicators"].empty()) << lang;
    for (const auto& ind : ev["score"]["indicators"]) EXPECT_NE(body.find(ind["note"].get<std::string>()), std::string::npos) << ind;
  }
}

TEST(ApplicationEmail, FilesRecordedButNotGivenAreListedAsStillToSend) {
  const Fixture f;
  const std::string body = body_of(f.eml({f.plan}));
  const auto missing = body.find("Not attached to this message");
  ASSERT_NE(missing, std::string::npos) << body;
  EXPECT_NE(body.find("- licence.pdf", missing), std::string::npos);
  EXPECT_NE(body.find("- carbon.xlsx", missing), std::string::npos);
}

TEST(ApplicationEmail, RefusesAFileNoRecordMatches) {
  const Fixture f;
  const std::string changed = f.plan + "!";
  try {
    f.eml({changed});
    ADD_FAILURE() << "a changed file was attached";
  } catch (const mail::MailError& e) {
    EXPECT_EQ(e.issue().message_key, "mail.file_not_recorded");
  }
  // The same file twice: the second has no record left.
  EXPECT_THROW(f.eml({f.plan, f.plan}), mail::MailError);
}

TEST(ApplicationEmail, IsTheSameBytesForTheSameInputs) {
  const Fixture f;
  EXPECT_EQ(f.eml({f.plan, f.licence}), f.eml({f.licence, f.plan}));
}

}  // namespace
}  // namespace greenapply::form
