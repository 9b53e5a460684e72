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
// U+FFFE, U+FFFF). Expects valid UTF-8; invalid sequences are dropped too,
// so the result is always well-formed.
std::string strip_xml_illegal(std::string_view text);

// True when `text` is valid UTF-8; otherwise *bad_offset (if given) is the
// byte offset of the first invalid sequence.
bool is_valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

// `text` escaped for `mode`; kNone returns it unchanged.
std::string escape(EscapeMode mode, std::string_view text);

// A URL safe to print unchanged in a markdown link destination, a table
// cell and a quoted HTML or XML attribute: space, controls, non-ASCII bytes
// and " < > ( ) [ ] { } | \ ^ ` are percent-encoded; existing escapes and
// every other character are kept, so the result still names the same
// resource. The markdown and XML escapes then only turn '&' into "&amp;".
std::string escape_url(std::string_view url);

// One part of a shields.io static badge path ("NeurIPS'23", "Structural"):
// '-' and '_' doubled as shields.io requires, space as %20, and everything
// escape_url would encode, plus '/', '?', '#', '%' and '&', percent-encoded.
std::string escape_badge_text(std::string_view text);

}  // namespace papersite
