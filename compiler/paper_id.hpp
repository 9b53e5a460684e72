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
// arXiv URLs become "arxiv.org/abs/<id>" without version. Idempotent.
std::string normalise_url(std::string_view url);

// "arxiv:2405.18218" for arXiv papers, else "url:" + normalise_url(url).
// Idempotent in the sense that equal papers give equal ids.
std::string paper_identifier(std::string_view paper_url);

// The arXiv id written by a person: a bare id ("2405.18218v2", "arXiv:
// 2405.18218", "cs/0112017") or an arXiv URL, without its version suffix;
// nullopt when it is neither.
std::optional<std::string> parse_arxiv_reference(std::string_view text);

// True for an absolute http or https URL with a host (letters, digits, '-'
// and '.', an optional port) and no whitespace, control characters, quotes,
// backticks, angle brackets or backslashes.
bool is_http_url(std::string_view text);

// True when `text` starts with a URL scheme and its ':'
// ([A-Za-z][A-Za-z0-9+.-]*:), as "javascript:" or "https:" do and a path
// in the repository does not.
bool has_url_scheme(std::string_view text);

}  // namespace papersite
