// greenapply/xml.hpp — XML interchange of application packages (pugixml).
//
// The XML carries any JSON value losslessly, as typed elements (docs/xml.md):
//   <application xmlns="urn:greenapply:application:1" format-version="1">
//     <object>
//       <string name="engine">0.1.0</string>
//       <object name="answers"> … <number name="trl">7</number> … </object>
//     </object>
//   </application>
// so from_xml(to_xml(x)) == x for every JSON value, including numbers' exact form
// (1 vs 1.0), empty and whitespace strings, and control characters. The text is well-formed
// XML 1.0 with one declaration, valid against docs/application-package.xsd when the value is an
// object (a package).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "greenapply/json.hpp"

#include "greenapply/issue.hpp"

namespace greenapply::xml {

constexpr std::size_t kMaxXmlDepth = 256;

// xml.syntax, xml.doctype, xml.wrong_root, xml.unknown_element, … with the position (line 0 for
// an error of to_xml).
struct XmlError : TextError {
  using TextError::TextError;
};

// Strings XML 1.0 cannot carry (control characters, U+FFFE, U+FFFF …) are written as JSON
// string literals (encoding="json"). Throws XmlError "xml.bad_utf8" (line 0, the JSON pointer in
// detail) for a string that is not UTF-8, which parsed JSON never holds.
std::string to_xml(const greenapply::json& value);
// Throws XmlError with the position of the problem.
greenapply::json from_xml(std::string_view text);

}  // namespace greenapply::xml
