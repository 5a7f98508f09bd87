// Every worked example's application package survives JSON → XML → JSON unchanged.
// (xml_standard_tools.py checks the same packages with xmllint, the XSD and Python.)
#include <filesystem>

#include <gtest/gtest.h>

#include "greenapply/digest.hpp"
#include "greenapply/form.hpp"
#include "greenapply/xml.hpp"
#include "package_files.hpp"

namespace {

namespace fs = std::filesystem;

TEST(XmlRoundTrip, EveryWorkedExamplePackage) {
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(GREENAPPLY_SOURCE_DIR) / "schemas")) {
    if (!fs::exists(entry.path() / "form.json")) continue;
    const auto files = greenapply::cli::read_package(entry.path().string());
    const auto pkg = greenapply::form::FormPackage::load(files.bundle);
    for (const auto& ex : files.bundle["examples"]) {
      const auto& c = ex["content"];
      const auto package = greenapply::form::make_application_package(pkg, c["answers"], c["now"].get<std::string>(), "zh");
      const std::string text = greenapply::xml::to_xml(package);
      // One declaration, at the start (issue #13); standard parsers and the XSD check the rest
      // in xml_standard_tools.py, since this test reads with our own reader only.
      EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<application ", 0), 0u) << ex["file"];
      EXPECT_EQ(text.find("<?xml", 1), std::string::npos) << ex["file"];
      const auto back = greenapply::xml::from_xml(text);
      EXPECT_EQ(greenapply::canonical_json(back), greenapply::canonical_json(package)) << ex["file"];
      EXPECT_EQ(back["answers_sha256"], greenapply::sha256_hex(greenapply::canonical_json(back["answers"]))) << ex["file"];
      ++checked;
    }
  }
  EXPECT_GE(checked, 16u);
}

}  // namespace
