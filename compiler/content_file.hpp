// Content files as text: read as bytes and screened before any parser sees
// them (size limit, symbolic links, UTF-8 validity, byte order mark, stray
// non-ASCII characters outside TOML strings, keys too deep to parse).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace papersite {

struct FileText {
  // The bytes read, without a UTF-8 byte order mark; kept when there is a
  // problem inside the text so that its line can be shown.
  std::string text;
  // Empty when the text is fit to parse; else what is wrong, lower case.
  std::string problem;
  int line = 0;    // of the problem, 1-based; 0 for the file as a whole
  int column = 0;  // in characters, 1-based
};

// Reads `file` without following a symbolic link and drops a leading byte
// order mark. Problems: the file does not exist, is a link or not a
// regular file, is larger than `max_bytes` (refused before reading),
// cannot be read, or is not valid UTF-8.
FileText read_text_file(const std::filesystem::path& file,
                        std::uintmax_t max_bytes);

// read_text_file, then screen_toml_text: also a problem is a non-ASCII
// character outside strings and comments, where TOML allows none.
FileText read_content_file(const std::filesystem::path& file,
                           std::uintmax_t max_bytes);

// `text` screened for what must never reach toml++: invalid UTF-8, a
// non-ASCII character outside strings and comments, a key with more than
// kMaxKeyParts parts. The problem is empty when it is fit to parse. Every
// TOML file papersite reads goes through this or read_content_file.
FileText screen_toml_text(std::string text);

// Offset of the first byte that is not valid UTF-8 (overlong forms and
// surrogates included); npos when the text is valid.
std::size_t first_invalid_utf8(std::string_view text);

// Offset of the first non-ASCII character outside TOML strings and
// comments; npos when there is none. Expects valid UTF-8.
std::size_t stray_non_ascii(std::string_view text);

// Parts a dotted key or table name may have; far more than any list needs,
// far fewer than overflow the parser's stack.
inline constexpr std::size_t kMaxKeyParts = 128;

// Offset of the '.' outside strings and comments that gives a line more
// than kMaxKeyParts - 1 of them; npos when no line has that many.
std::size_t too_many_key_parts(std::string_view text);

// `line` with each invalid UTF-8 byte replaced by U+FFFD, so that it can be
// printed and a caret counting characters still lines up.
std::string printable(std::string_view line);

}  // namespace papersite
