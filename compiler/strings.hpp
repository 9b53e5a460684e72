// ASCII case-insensitive comparisons, for URL schemes, hosts and file
// names (the patterns passed in are lower case), and splitting a text at
// a separator.
#pragma once

#include <string_view>
#include <vector>

namespace papersite {

inline char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// True when `text` starts with the lower-case `prefix`, ignoring the case
// of ASCII letters in `text`.
inline bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[i]) != prefix[i])
      return false;
  }
  return true;
}

inline bool ends_with_nocase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         starts_with_nocase(text.substr(text.size() - suffix.size()), suffix);
}

inline bool equals_nocase(std::string_view text, std::string_view lower) {
  return text.size() == lower.size() && starts_with_nocase(text, lower);
}

// The parts of `text` between `separator`s, empty ones included: "a..b"
// gives "a", "", "b". The views point into `text`.
inline std::vector<std::string_view> split(std::string_view text,
                                           char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find(separator, start)) != text.npos;
       start = at + 1)
    parts.push_back(text.substr(start, at - start));
  parts.push_back(text.substr(start));
  return parts;
}

}  // namespace papersite
