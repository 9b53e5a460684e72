// Paper identity. A URL is reduced to "host/path?query": the scheme, "www.",
// default ports, the fragment, a trailing slash and a ".pdf" suffix carry no
// identity. Each step is applied until nothing changes, so normalising twice
// gives the same text as normalising once. arXiv URLs are reduced further to
// the bare id, because abs/pdf/html pages and versions are one paper.
#include "paper_id.hpp"

#include <algorithm>
#include <cctype>

#include "strings.hpp"

namespace papersite {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text[0])))
    text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.remove_suffix(1);
  return text;
}

// The length of a leading "scheme://", 0 when there is none.
std::size_t scheme_length(std::string_view url) {
  auto colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0)
    return 0;
  for (std::size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = std::isalpha(static_cast<unsigned char>(c)) ||
              (i > 0 && (is_digit(c) || c == '+' || c == '-' || c == '.'));
    if (!ok)
      return 0;
  }
  return colon + 3;
}

struct UrlParts {
  std::string host;   // lower case, without "www." and default port
  std::string path;   // from the first '/', may be empty
  std::string query;  // from the '?', may be empty
};

UrlParts split_url(std::string_view url) {
  url = trim(url);
  url = url.substr(0, url.find('#'));
  // "http://https://x" loses both schemes in one pass.
  for (std::size_t n = scheme_length(url); n > 0; n = scheme_length(url))
    url = trim(url.substr(n));
  UrlParts parts;
  auto host_end = url.find_first_of("/?");
  parts.host = lower(url.substr(0, host_end));
  std::string_view rest =
      host_end == std::string_view::npos ? "" : url.substr(host_end);
  auto query = rest.find('?');
  if (query != std::string_view::npos) {
    parts.query = std::string(rest.substr(query));
    rest = rest.substr(0, query);
  }
  parts.path = std::string(rest);

  std::string& host = parts.host;
  for (bool changed = true; changed;) {
    changed = false;
    if (host.starts_with("www.")) {
      host.erase(0, 4);
      changed = true;
    }
    // Default ports, and the dot of a fully qualified name.
    for (std::string_view suffix : {":80", ":443", "."}) {
      if (host.ends_with(suffix)) {
        host.erase(host.size() - suffix.size());
        changed = true;
      }
    }
  }
  if (parts.query == "?")
    parts.query.clear();
  return parts;
}

bool is_arxiv_host(std::string_view host) {
  return host == "arxiv.org" || host == "export.arxiv.org";
}

// Drops a "v<digits>" version suffix.
std::string_view without_version(std::string_view id) {
  auto v = id.rfind('v');
  if (v != std::string_view::npos && v + 1 < id.size() &&
      all_digits(id.substr(v + 1)))
    return id.substr(0, v);
  return id;
}

// True for "YYMM" digits with a month from 01 to 12.
bool is_year_month(std::string_view yymm) {
  if (yymm.size() != 4 || !all_digits(yymm))
    return false;
  int month = (yymm[2] - '0') * 10 + (yymm[3] - '0');
  return month >= 1 && month <= 12;
}

// New style "2405.18218" (4 digits after the dot up to 1412, 5 from 1501
// on, as arXiv numbers them) or old style "cs/0112017", "math.GT/0309136";
// `id` has no version suffix.
bool is_arxiv_id(std::string_view id) {
  auto dot = id.find('.');
  if (dot == 4 && is_year_month(id.substr(0, 4))) {
    std::string_view number = id.substr(5);
    std::size_t digits = id.substr(0, 4) < "1501" ? 4 : 5;
    return number.size() == digits && all_digits(number);
  }
  auto slash = id.find('/');
  if (slash == std::string_view::npos || slash == 0)
    return false;
  std::string_view archive = id.substr(0, slash);
  std::string_view number = id.substr(slash + 1);
  auto subject = archive.find('.');
  std::string_view name = archive.substr(0, subject);
  if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || c == '-';
      }))
    return false;
  if (subject != std::string_view::npos) {
    std::string_view cls = archive.substr(subject + 1);
    if (cls.size() != 2 || !std::all_of(cls.begin(), cls.end(), [](char c) {
          return c >= 'A' && c <= 'Z';
        }))
      return false;
  }
  return number.size() == 7 && all_digits(number) &&
         is_year_month(number.substr(0, 4));
}

std::optional<std::string> arxiv_id_of_path(std::string_view path) {
  for (std::string_view kind : {"/abs/", "/pdf/", "/html/"}) {
    if (!path.starts_with(kind))
      continue;
    std::string_view id = path.substr(kind.size());
    if (id.ends_with('/'))
      id.remove_suffix(1);
    if (kind == "/pdf/" && ends_with_nocase(id, ".pdf"))
      id.remove_suffix(4);
    id = without_version(id);
    if (is_arxiv_id(id))
      return std::string(id);
    return std::nullopt;
  }
  return std::nullopt;
}

void replace_all(std::string& text, std::string_view from,
                 std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from))
    text.replace(at, from.size(), to);
}

// One pass of normalise_url; see the file comment.
std::string normalise_once(std::string_view url) {
  UrlParts parts = split_url(url);
  std::string& path = parts.path;
  replace_all(path, "/pdf/", "/abs/");
  for (;;) {
    if (!path.empty() &&
        (path.back() == '/' ||
         std::isspace(static_cast<unsigned char>(path.back()))))
      path.pop_back();
    else if (ends_with_nocase(path, ".pdf"))
      path.erase(path.size() - 4);
    else
      break;
  }
  if (is_arxiv_host(parts.host)) {
    if (auto id = arxiv_id_of_path(path))
      return "arxiv.org/abs/" + *id;
  }
  // OpenReview serves the same submission as /pdf?id= and /forum?id=.
  if (parts.host == "openreview.net" && path == "/pdf")
    path = "/forum";
  return parts.host + path + parts.query;
}

}  // namespace

std::optional<std::string> arxiv_id(std::string_view url) {
  UrlParts parts = split_url(url);
  if (!is_arxiv_host(parts.host))
    return std::nullopt;
  return arxiv_id_of_path(parts.path);
}

std::optional<std::string> parse_arxiv_reference(std::string_view text) {
  text = trim(text);
  if (starts_with_nocase(text, "arxiv:"))
    text = trim(text.substr(6));
  std::string_view id = without_version(text);
  if (is_arxiv_id(id))
    return std::string(id);
  return arxiv_id(text);
}

std::string normalise_url(std::string_view url) {
  std::string current(url);
  // Each pass removes text, turns "/pdf/" into "/abs/", or rewrites
  // OpenReview's "/pdf" once into "/forum", so the loop ends. Each pass
  // also strips repeated schemes, ports and trailing parts whole, so a
  // pass or two reach the fixed point for all but contrived input.
  for (;;) {
    std::string next = normalise_once(current);
    if (next == current)
      return current;
    current = std::move(next);
  }
}

std::string paper_identifier(std::string_view paper_url) {
  if (auto id = arxiv_id(paper_url))
    return "arxiv:" + *id;
  return "url:" + normalise_url(paper_url);
}

bool is_http_url(std::string_view text) {
  std::size_t scheme = 0;
  if (starts_with_nocase(text, "https://"))
    scheme = 8;
  else if (starts_with_nocase(text, "http://"))
    scheme = 7;
  else
    return false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '"' || c == '\'' || c == '<' ||
        c == '>' || c == '\\' || c == '`')
      return false;
  }
  std::string_view rest = text.substr(scheme);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  auto colon = authority.find(':');
  std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (!all_digits(port) || port.size() > 5)
      return false;
  }
  if (host.empty() || host.front() == '.' || host.back() == '.' ||
      host.front() == '-')
    return false;
  return std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
}

namespace {

bool ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

bool has_url_scheme(std::string_view v) {
  if (v.empty() || !ascii_letter(v[0]))
    return false;
  for (char c : v.substr(1)) {
    if (c == ':')
      return true;
    if (!ascii_letter(c) && !ascii_digit(c) && c != '+' && c != '.' && c != '-')
      return false;
  }
  return false;
}

}  // namespace papersite
