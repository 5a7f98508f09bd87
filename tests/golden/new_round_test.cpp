// A new round is a data change only: the 2024 round of the Bluetech award (15 March – 15 May
// 2024, Beijing time, with a new "hydrogen and fuel cells" track) is the 2023 package with new
// dates, one more enum value and its texts — no code changes.
#include <filesystem>

#include <gtest/gtest.h>

#include "greenapply/form.hpp"
#include "package_files.hpp"

namespace {

namespace fs = std::filesystem;
using greenapply::json;

json round_2024(json bundle) {
  bundle["form"]["version"] = "2024.1.0";
  bundle["eligibility"]["round"] = {{"id", "2024"},
                                    {"opens", "2024-03-15T00:00:00+08:00"},
                                    {"closes_before", "2024-05-16T00:00:00+08:00"},
                                    {"deadline", "2024-05-15"},
                                    {"time_zone", "Asia/Shanghai"}};
  json& track = bundle["data_schema"]["properties"]["applicant"]["properties"]["track"];
  track["enum"].push_back("hydrogen_fuel_cells");
  bundle["i18n"]["en"]["applicant.track.option.hydrogen_fuel_cells"] = "Hydrogen and fuel cells";
  bundle["i18n"]["zh"]["applicant.track.option.hydrogen_fuel_cells"] = "氢能与燃料电池";
  // Eligibility checks that list the tracks read the schema's list through the data, so the
  // new value must be accepted by every check that names tracks: add it there too.
  for (auto& check : bundle["eligibility"]["checks"]) {
    std::string& e = check["assert"].get_ref<std::string&>();
    const auto at = e.find("'other_low_carbon'");
    if (at != std::string::npos) e.insert(at, "'hydrogen_fuel_cells', ");
  }
  return bundle;
}

TEST(NewRound, The2024RoundIsADataChange) {
  const auto files = greenapply::cli::read_package(
      (fs::path(GREENAPPLY_SOURCE_DIR) / "schemas" / "bluetech-2023-company").string());
  const auto pkg2023 = greenapply::form::FormPackage::load(files.bundle);
  const auto pkg2024 = greenapply::form::FormPackage::load(round_2024(files.bundle));

  json answers = files.bundle["examples"][0]["content"]["answers"];
  answers["applicant"]["track"] = "hydrogen_fuel_cells";
  const std::string now = "2024-05-15T23:59:00+08:00";  // last minute of the 2024 round

  const json old_round = greenapply::form::evaluate(pkg2023, answers, now, "en");
  EXPECT_EQ(old_round["eligibility"]["window"], "closed");
  bool track_rejected = false;
  for (const auto& e : old_round["errors"]) track_rejected |= e["pointer"] == "/applicant/track";
  EXPECT_TRUE(track_rejected) << "the 2023 package must not know the 2024 track";

  const json new_round = greenapply::form::evaluate(pkg2024, answers, now, "zh");
  EXPECT_EQ(new_round["eligibility"]["window"], "open");
  for (const auto& e : new_round["errors"]) EXPECT_NE(e["pointer"], "/applicant/track") << e.dump();
  for (const auto& r : new_round["eligibility"]["reasons"]) EXPECT_NE(r["id"], "E2") << r.dump();
  EXPECT_TRUE(new_round["score"].is_object());

  // One minute later the 2024 round is closed, in Beijing time.
  EXPECT_EQ(greenapply::form::evaluate(pkg2024, answers, "2024-05-15T16:00:00Z", "en")["eligibility"]["window"], "closed");
}

}  // namespace
