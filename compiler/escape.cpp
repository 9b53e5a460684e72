// Each escape walks the text once and maps one character at a time, so the
// result never depends on what was escaped before and nothing is escaped
// twice. UTF-8 is decoded only where a rule depends on the code point
// (characters illegal in XML); everything else is copied byte by byte,
// which is safe because every special character is ASCII and never occurs
// inside a multi-byte sequence.
#include "escape.hpp"

#include <cstdint>

namespace papersite {

namespace {

// Length of the valid UTF-8 sequence at text[i] and its code point, or 0
// when the bytes there are not valid UTF-8 (overlong forms, surrogates and
// values above U+10FFFF included).
std::size_t decode_utf8(std::string_view text, std::size_t i,
                        char32_t* code_point) {
  auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(text[k]); };
  std::uint8_t lead = byte(i);
  std::size_t length = 0;
  char32_t value = 0;
  char32_t min = 0;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if ((lead & 0xE0) == 0xC0) {
    length = 2, value = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, value = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, value = lead & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size())
    return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  *code_point = value;
  return length;
}

bool is_xml_char(char32_t c) {
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

}  // namespace

std::string escape_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '|':
      case '[':
      case ']':
      case '\\':
      case '`':
        out += '\\';
        out += c;
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\r':
        // CR LF is one line break: one space.
        if (i + 1 < text.size() && text[i + 1] == '\n')
          ++i;
        out += ' ';
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_xml(std::string_view text) {
  std::string clean = strip_xml_illegal(text);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string strip_xml_illegal(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = 0;
    std::size_t length = decode_utf8(text, i, &c);
    if (length == 0) {
      // Invalid UTF-8 would make the whole document ill-formed; the
      // content loader reports it, this only keeps the output well-formed.
      ++i;
      continue;
    }
    if (is_xml_char(c))
      out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

bool is_valid_utf8(std::string_view text, std::size_t* bad_offset) {
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t c = 0;
    std::size_t length = decode_utf8(text, i, &c);
    if (length == 0) {
      if (bad_offset != nullptr)
        *bad_offset = i;
      return false;
    }
    i += length;
  }
  return true;
}

std::string escape(EscapeMode mode, std::string_view text) {
  switch (mode) {
    case EscapeMode::kMarkdown:
      return escape_markdown(text);
    case EscapeMode::kXml:
      return escape_xml(text);
    case EscapeMode::kNone:
      break;
  }
  return std::string(text);
}

namespace {

bool url_needs_encoding(unsigned char c) {
  if (c <= 0x20 || c >= 0x7F)
    return true;
  switch (c) {
    case '"':
    case '<':
    case '>':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '|':
    case '\\':
    case '^':
    case '`':
      return true;
    default:
      return false;
  }
}

void append_percent(std::string& out, unsigned char c) {
  constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0x0F];
}

}  // namespace

std::string escape_url(std::string_view url) {
  std::string out;
  out.reserve(url.size());
  for (char ch : url) {
    auto c = static_cast<unsigned char>(ch);
    if (url_needs_encoding(c))
      append_percent(out, c);
    else
      out += ch;
  }
  return out;
}

std::string escape_badge_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '-' || ch == '_') {
      out += ch;
      out += ch;
    } else if (url_needs_encoding(c) || ch == '/' || ch == '?' || ch == '#' ||
               ch == '%' || ch == '&') {
      append_percent(out, c);
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace papersite
