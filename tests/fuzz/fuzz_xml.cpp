// XML import: any bytes end in a value or an XmlError; a value survives a round trip.
#include <cstdint>
#include <string_view>

#include "greenapply/xml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto value = greenapply::xml::from_xml(std::string_view(reinterpret_cast<const char*>(data), size));
    if (greenapply::xml::from_xml(greenapply::xml::to_xml(value)).dump() != value.dump()) __builtin_trap();
  } catch (const greenapply::xml::XmlError&) {
  }
  return 0;
}
