// Paper identity: the normalised identifier that detects duplicates and
// gives feed items a GUID that survives edits, moves and rebuilds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace papersite {

// The arXiv id of an arXiv abs/pdf/html URL without its version suffix
// ("2405.18218"; old style "cs/0112017"), else nullopt.
std::optional<std::string> arxiv_id(std::string_view url);

// Lower-cased scheme and host dropped to "host/path": no scheme, no "www.",
// no trailing slash, no fragment, ".pdf" dropped, "/pdf/" → "/abs/".
std::string normalise_url(std::string_view url);

// "arxiv:2405.18218" for arXiv papers, else "url:" + normalise_url(url).
// Idempotent in the sense that equal papers give equal ids.
std::string paper_identifier(std::string_view paper_url);

// True for an absolute http or https URL with a host and no whitespace,
// quotes, angle brackets or backslashes.
bool is_http_url(std::string_view text);

}  // namespace papersite
