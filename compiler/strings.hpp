// ASCII case-insensitive comparisons, for URL schemes, hosts and file
// names; the patterns passed in are lower case.
#pragma once

#include <string_view>

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

}  // namespace papersite
