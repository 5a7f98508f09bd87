#include <cstdint>
#include <cstring>
#include <utility>

#include <pugixml.hpp>

#include "greenapply/json_text.hpp"
#include "greenapply/utf8.hpp"
#include "greenapply/xml.hpp"
#include "greenapply/json_pointer.hpp"

namespace greenapply::xml {

using greenapply::json;

namespace {

constexpr const char* kNamespace = "urn:greenapply:application:1";

// Offset of the first byte that is not well-formed UTF-8 (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or npos. pugixml does not check, and JSON text must not
// carry invalid UTF-8 (found by fuzz_xml: dumping such a string throws).
std::size_t invalid_utf8_at(std::string_view s) {
  char32_t cp;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t len = decode_utf8(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

// Text XML cannot carry as is: C0 controls (XML 1.0 forbids all but tab, LF and CR, and every
// parser normalises CR away), U+FFFE and U+FFFF (not XML 1.0 characters either; expat and
// libxml2 reject them), and text that is only white space (parsers may drop it). Such strings
// are written as a JSON string literal with encoding="json" (json_literal).
bool is_fffe_or_ffff(const std::string& s, std::size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xEF && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
         (static_cast<unsigned char>(s[i + 2]) == 0xBE || static_cast<unsigned char>(s[i + 2]) == 0xBF);
}

bool needs_json_encoding(const std::string& s) {
  bool all_space = !s.empty();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\n' && c != '\t') return true;
    if (c == 0x7f || is_fffe_or_ffff(s, i)) return true;
    if (c != ' ' && c != '\n' && c != '\t') all_space = false;
  }
  return all_space;
}

// The JSON string literal of s with only XML characters in it: the JSON writer escapes C0
// controls as \u00XX but writes U+FFFE and U+FFFF as they are, so those become \ufffe, \uffff.
// (Inside a JSON string literal their UTF-8 bytes can only be those characters.)
std::string json_literal(const std::string& s) {
  const std::string dumped = json(s).dump();
  std::string out;
  out.reserve(dumped.size());
  for (std::size_t i = 0; i < dumped.size(); ++i) {
    if (is_fffe_or_ffff(dumped, i)) {
      out += static_cast<unsigned char>(dumped[i + 2]) == 0xBE ? "\\ufffe" : "\\uffff";
      i += 2;
    } else {
      out += dumped[i];
    }
  }
  return out;
}

// A string that is not UTF-8 cannot be written as XML text at all, nor as a JSON literal. Parsed
// JSON never holds one (the JSON parser refuses such bytes), so this guards values built in
// code: refuse with xml.bad_utf8 and the member's JSON pointer rather than write ill-formed XML.
void check_utf8(const std::string& s, const std::string& pointer, const char* what) {
  if (invalid_utf8_at(s) != std::string_view::npos)
    throw XmlError("xml.bad_utf8", 0, 0, 0, std::string(what) + " at \"" + pointer + "\" is not valid UTF-8");
}

void set_name(pugi::xml_node node, const std::string& name) {
  if (needs_json_encoding(name) || name.find('\n') != std::string::npos || name.find('\t') != std::string::npos) {
    node.append_attribute("name") = json_literal(name).c_str();
    node.append_attribute("name-encoding") = "json";
  } else {
    node.append_attribute("name") = name.c_str();
  }
}

// pointer: the JSON pointer of v, for the error above.
void write(pugi::xml_node parent, const json& v, const std::string* name, std::string& pointer) {
  pugi::xml_node node;
  switch (v.type()) {
    case json::value_t::object:
      node = parent.append_child("object");
      break;
    case json::value_t::array:
      node = parent.append_child("array");
      break;
    case json::value_t::string:
      node = parent.append_child("string");
      break;
    case json::value_t::boolean:
      node = parent.append_child("boolean");
      break;
    case json::value_t::null:
    case json::value_t::discarded:
      node = parent.append_child("null");
      break;
    default:
      node = parent.append_child("number");
      break;
  }
  if (name) set_name(node, *name);
  const std::size_t length = pointer.size();
  if (v.is_object()) {
    for (const auto& [k, child] : v.items()) {
      check_utf8(k, pointer, "a member name");  // the object's pointer: the name's bytes are not text
      json_pointer::append_token(pointer, k);
      write(node, child, &k, pointer);
      pointer.resize(length);
    }
  } else if (v.is_array()) {
    std::size_t i = 0;
    for (const auto& child : v) {
      pointer += '/' + std::to_string(i++);
      write(node, child, nullptr, pointer);
      pointer.resize(length);
    }
  } else if (v.is_string()) {
    const std::string& s = v.get_ref<const std::string&>();
    check_utf8(s, pointer, "the string");
    if (needs_json_encoding(s)) {
      node.append_attribute("encoding") = "json";
      node.text().set(json_literal(s).c_str());
    } else if (!s.empty()) {
      node.text().set(s.c_str());
    }
  } else if (v.is_boolean()) {
    node.text().set(v.get<bool>() ? "true" : "false");
  } else if (v.is_number()) {
    node.text().set(v.dump().c_str());
  }
}

struct Reader {
  std::string_view text;

  [[noreturn]] void fail(const std::string& key, std::ptrdiff_t offset, const std::string& detail) const {
    std::size_t off = offset < 0 ? 0 : static_cast<std::size_t>(offset);
    // pugixml gives an element's offset at its name; report the "<" a reader looks for.
    if (off > 0 && off <= text.size() && text[off - 1] == '<') --off;
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < off && i < text.size(); ++i) {
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    throw XmlError(key, off, line, column, detail);
  }

  std::string name_of(pugi::xml_node n) const {
    const pugi::xml_attribute a = n.attribute("name");
    if (!a) fail("xml.missing_name", n.offset_debug(), std::string("<") + n.name() + "> inside <object> needs a name");
    const std::string name = decoded(n, a.value());
    if (decoded(n, n.attribute("name-encoding").value()) == "json") return decode_json_string(n, name.c_str());
    return name;
  }

  // XML's five entities and its character references, decoded here rather than by pugixml
  // (parse_escapes is off): pugixml decodes any number it is given, so "&#x1e3331;" (beyond
  // U+10FFFF) became bytes that are not UTF-8 and threw when the imported package was written
  // again (found by fuzz_xml, tests/regressions/fuzz_xml-char-ref-beyond-unicode), "&#xD800;"
  // became a surrogate's bytes, and "&#0;" a NUL that silently cut the text short. A reference
  // must name an XML 1.0 character (#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
  // [#x10000-#x10FFFF]); anything else after "&" stays as written, as pugixml leaves it.
  std::string decoded(pugi::xml_node n, const char* raw) const {
    std::string out;
    for (const char* p = raw; *p;) {
      if (*p != '&') {
        out += *p++;
        continue;
      }
      static const std::pair<const char*, char> kEntities[] = {{"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'},
                                                               {"&apos;", '\''}, {"&quot;", '"'}};
      bool entity = false;
      for (const auto& [spelled, ch] : kEntities) {
        if (std::strncmp(p, spelled, std::strlen(spelled)) == 0) {
          out += ch;
          p += std::strlen(spelled);
          entity = true;
          break;
        }
      }
      if (entity) continue;
      if (p[1] != '#') {
        out += *p++;
        continue;
      }
      const bool hex = p[2] == 'x';
      const char* q = p + (hex ? 3 : 2);
      std::uint32_t cp = 0;
      bool any = false, too_big = false;
      for (;; ++q) {
        int digit = -1;
        if (*q >= '0' && *q <= '9') digit = *q - '0';
        else if (hex && *q >= 'a' && *q <= 'f') digit = *q - 'a' + 10;
        else if (hex && *q >= 'A' && *q <= 'F') digit = *q - 'A' + 10;
        if (digit < 0) break;
        any = true;
        if (!too_big) cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
        too_big |= cp > 0x10FFFF;
      }
      if (!any || *q != ';') {  // not a complete reference: literal text
        out += *p++;
        continue;
      }
      const bool is_char = !too_big && (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                                        (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000);
      if (!is_char)
        fail("xml.bad_char_ref", n.offset_debug(),
             std::string(p, static_cast<std::size_t>(q + 1 - p)).substr(0, 40) + " is not a character XML allows");
      append_utf8(out, static_cast<char32_t>(cp));
      p = q + 1;
    }
    return out;
  }

  // The text of a value element, as child_value() finds it (its first text or CDATA child);
  // references are decoded in text, CDATA is taken as written.
  std::string text_of(pugi::xml_node n) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata) return decoded(n, c.value());
      if (c.type() == pugi::node_cdata) return c.value();
    }
    return std::string();
  }

  std::string decode_json_string(pugi::xml_node n, const char* literal) const {
    try {
      const json s = parse_json(literal);
      if (s.is_string()) return s.get<std::string>();
    } catch (const JsonTextError&) {
    }
    fail("xml.bad_value", n.offset_debug(), "not a JSON string literal");
  }

  // Only elements count as children; comments are ignored, stray text is an error.
  void check_no_text(pugi::xml_node n) const {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        const std::string v = c.type() == pugi::node_pcdata ? decoded(n, c.value()) : std::string(c.value());
        if (v.find_first_not_of(" \t\r\n") != std::string::npos)
          fail("xml.unexpected_text", c.offset_debug(), std::string("text inside <") + n.name() + ">");
      }
    }
  }

  json read(pugi::xml_node n, std::size_t depth) const {
    if (depth > kMaxXmlDepth) fail("xml.depth", n.offset_debug(), "nested deeper than 256 levels");
    const std::string tag = n.name();
    if (tag == "object") {
      check_no_text(n);
      json obj = json::object();
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        const std::string key = name_of(c);
        if (obj.contains(key)) fail("xml.duplicate_member", c.offset_debug(), "member \"" + key + "\" appears twice");
        obj[key] = read(c, depth + 1);
      }
      return obj;
    }
    if (tag == "array") {
      check_no_text(n);
      json arr = json::array();
      for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_element) arr.push_back(read(c, depth + 1));
      }
      return arr;
    }
    if (n.first_child() && n.first_child().type() == pugi::node_element)
      fail("xml.unexpected_element", n.first_child().offset_debug(), "<" + tag + "> holds text, not elements");
    const std::string value = text_of(n);
    if (tag == "string") {
      if (decoded(n, n.attribute("encoding").value()) == "json") return decode_json_string(n, value.c_str());
      return value;
    }
    if (tag == "number") {
      try {
        json num = parse_json(value);
        if (num.is_number()) return num;
      } catch (const JsonTextError&) {
      }
      fail("xml.bad_value", n.offset_debug(), "\"" + value.substr(0, 40) + "\" is not a number");
    }
    if (tag == "boolean") {
      if (value == "true") return true;
      if (value == "false") return false;
      fail("xml.bad_value", n.offset_debug(), "a boolean is true or false");
    }
    if (tag == "null") {
      if (!value.empty()) fail("xml.bad_value", n.offset_debug(), "<null> must be empty");
      return nullptr;
    }
    fail("xml.unknown_element", n.offset_debug(), "unknown element <" + tag + ">");
  }
};

}  // namespace

std::string to_xml(const json& value) {
  pugi::xml_document doc;
  pugi::xml_node root = doc.append_child("application");
  root.append_attribute("xmlns") = kNamespace;
  root.append_attribute("format-version") = "1";
  std::string pointer;
  write(root, value, nullptr, pointer);
  // A string writer, not std::ostringstream: iostreams pull libc++'s whole locale machinery
  // into the wasm (about 28 KB of its gzip size) for this one call.
  struct StringWriter final : pugi::xml_writer {
    std::string out;
    void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
  } writer;
  // The one XML declaration, written here; the document has no declaration node, and
  // format_no_declaration keeps pugixml from adding its own (a second one made every package
  // ill-formed for xmllint, expat and every other standard parser: issue #13).
  writer.out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  doc.save(writer, "  ", pugi::format_indent | pugi::format_no_declaration);
  return writer.out;
}

json from_xml(std::string_view text) {
  const Reader reader{text};
  if (const std::size_t bad = invalid_utf8_at(text); bad != std::string_view::npos)
    reader.fail("xml.bad_utf8", static_cast<std::ptrdiff_t>(bad), "the file is not valid UTF-8");
  pugi::xml_document doc;
  // parse_doctype keeps a DOCTYPE as a node so we can refuse it: no DTDs, no entities, no tricks.
  // parse_ws_pcdata_single keeps a string that is only spaces (<string> </string>).
  // Without parse_escapes: the Reader decodes references itself, strictly (Reader::decoded).
  const unsigned options =
      (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_doctype | pugi::parse_ws_pcdata_single;
  const pugi::xml_parse_result result = doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!result) reader.fail("xml.syntax", result.offset, result.description());
  for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype)
      reader.fail("xml.doctype", n.offset_debug(), "DOCTYPE declarations are not accepted");
  }
  const pugi::xml_node root = doc.document_element();
  if (std::strcmp(root.name(), "application") != 0)
    reader.fail("xml.wrong_root", root.offset_debug(), std::string("the root element is <") + root.name() + ">, expected <application>");
  if (reader.decoded(root, root.attribute("xmlns").value()) != kNamespace)
    reader.fail("xml.wrong_namespace", root.offset_debug(), std::string("expected xmlns=\"") + kNamespace + "\"");
  if (reader.decoded(root, root.attribute("format-version").value()) != "1")
    reader.fail("xml.unsupported_version", root.offset_debug(), "format-version must be 1");
  reader.check_no_text(root);
  pugi::xml_node value;
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (value) reader.fail("xml.unexpected_element", c.offset_debug(), "<application> holds exactly one value");
    value = c;
  }
  if (!value) reader.fail("xml.empty", root.offset_debug(), "<application> holds no value");
  return reader.read(value, 1);
}

}  // namespace greenapply::xml
