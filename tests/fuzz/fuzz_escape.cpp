// Properties of the escape functions: escaped text re-parses to the input
// (a markdown cell with its line breaks as spaces), XML output is
// well-formed character data, a markdown cell stays one cell.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "escape.hpp"
#include "fuzz_check.hpp"

using papersite::fuzz::check;

namespace {

// Reads back text an escape function wrote: the entities it writes (the
// apostrophe's only with `apostrophe`) and, with `backslashes`, markdown's
// backslash escapes. Aborts on anything else after '&' or '\\'.
std::string unescape(std::string_view s, bool apostrophe, bool backslashes) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (backslashes && s[i] == '\\') {
      check(i + 1 < s.size());
      out += s[++i];
      continue;
    }
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    check(semi != std::string_view::npos);
    std::string_view entity = s.substr(i, semi - i + 1);
    if (entity == "&amp;")
      out += '&';
    else if (entity == "&lt;")
      out += '<';
    else if (entity == "&gt;")
      out += '>';
    else if (entity == "&quot;")
      out += '"';
    else if (apostrophe && (entity == "&apos;" || entity == "&#39;"))
      out += '\'';
    else
      check(false);
    i = semi;
  }
  return out;
}

// `s` with each line break (CR LF, CR or LF) as one space, as a table
// cell shows it.
std::string breaks_as_spaces(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n')
      ++i;
    out += s[i] == '\r' || s[i] == '\n' ? ' ' : s[i];
  }
  return out;
}

// True when `s` holds only characters XML 1.0 allows.
bool xml_chars_only(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      return false;
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
    if (c == 0xEF && i + 2 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE)
      return false;
  }
  return true;
}

// A markdown cell never holds an unescaped '|', a raw '<' or a line break.
bool one_cell(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '|' || s[i] == '<' || s[i] == '\n' || s[i] == '\r')
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (!papersite::is_valid_utf8(input))
    return 0;

  std::string xml = papersite::escape_xml(input);
  check(xml_chars_only(xml));
  check(xml.find('<') == std::string::npos);
  check(unescape(xml, true, false) == papersite::strip_xml_illegal(input));
  check(papersite::strip_xml_illegal(xml) == xml);

  std::string cell = papersite::escape_markdown(input);
  check(one_cell(cell));
  check(unescape(cell, false, true) == breaks_as_spaces(input));
  return 0;
}
