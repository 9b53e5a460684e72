// TOML writer for paper files: keys in the design's order and strings
// escaped, because toml++'s serializer does not keep key order and a
// generated file should read like a hand-written one.
#pragma once

#include <string>
#include <string_view>

#include "content.hpp"

namespace papersite {

// A TOML basic string: quotes, backslashes and control characters escaped.
// Expects valid UTF-8 (non-ASCII characters are kept as they are).
std::string toml_string(std::string_view text);

// A bare key when `key` is [A-Za-z0-9_-]+, else a quoted one.
std::string toml_key(std::string_view key);

// The paper file for `paper`: title, authors, paper, code, venue, tags,
// image, image_width, links (an inline table), recommended (only when
// true), also, added (a UTC offset date-time), summary; absent optional
// keys are left out. Ends with a newline.
std::string paper_toml(const Paper& paper);

}  // namespace papersite
