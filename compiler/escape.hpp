// Escaping for each kind of output, so content is always printed as data:
// it can never close a table cell, open a link, inject markup or expand a
// template tag.
#pragma once

#include <string>
#include <string_view>

namespace papersite {

enum class EscapeMode { kMarkdown, kXml, kNone };

// Text inside a GitHub-flavoured markdown table cell or link text:
// '|', '[', ']', '\\', '`' backslash-escaped; '<', '>', '&', '"' as entities;
// line breaks become spaces.
std::string escape_markdown(std::string_view text);

// XML 1.0 character data and attribute values: & < > " ' as entities;
// characters illegal in XML 1.0 dropped.
std::string escape_xml(std::string_view text);

// Drops characters illegal in XML 1.0 (C0 controls but tab, LF and CR;
// U+FFFE, U+FFFF). Expects valid UTF-8.
std::string strip_xml_illegal(std::string_view text);

// True when `text` is valid UTF-8; otherwise *bad_offset (if given) is the
// byte offset of the first invalid sequence.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

std::string escape(EscapeMode mode, std::string_view text);

}  // namespace papersite
