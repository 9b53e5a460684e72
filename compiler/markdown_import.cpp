// Approach. A row is scanned once into tokens (text, link, image, badge,
// line break, recommended mark, cell separator); the two row styles differ
// only in where the title, authors and links sit among those tokens. The
// scanner is forgiving by design: brackets that do not form a link stay
// text, unknown HTML tags are dropped, and badge text is decoded the way
// shields.io reads it.
//
// Dating walks the source's first-parent chain once, oldest first. For each
// commit only the mapped pages whose blob id changed are looked at, and a
// blob is parsed once however often it comes back (reverts, merges). Each
// row yields two keys, its paper identifier and its normalised title; the
// first commit in which a key appears dates every paper with that key, so a
// row whose link changed from the code to the paper keeps its first date.

#include "markdown_import.hpp"

#include <fmt/format.h>
#include <git2.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <unordered_map>

#include "content.hpp"
#include "content_file.hpp"
#include "history.hpp"
#include "paper_id.hpp"
#include "toml_parser.hpp"
#include "toml_writer.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// Text helpers

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size())
    return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  }
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front()))
    text.remove_prefix(1);
  while (!text.empty() && is_space(text.back()))
    text.remove_suffix(1);
  return text;
}

// Runs of white space (and no-break spaces) become one space.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool nbsp = text.compare(i, 2, "\xC2\xA0") == 0;
    if (is_space(text[i]) || nbsp) {
      space = true;
      i += nbsp ? 1 : 0;
      continue;
    }
    if (space && !out.empty())
      out += ' ';
    space = false;
    out += text[i];
  }
  return out;
}

void append_utf8(std::string& out, unsigned long cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Invalid UTF-8 bytes become U+FFFD, so every string written is valid.
std::string valid_utf8(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80           ? 1
                      : (c >> 5) == 0x6  ? 2
                      : (c >> 4) == 0xE  ? 3
                      : (c >> 3) == 0x1E ? 4
                                         : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

// Named and numeric character references; an unknown one stays as written.
std::string decode_entities(std::string_view text) {
  static const std::map<std::string_view, std::string_view> kNamed = {
      {"amp", "&"},   {"lt", "<"},    {"gt", ">"},
      {"quot", "\""}, {"apos", "'"},  {"nbsp", " "},
      {"ndash", "–"}, {"mdash", "—"}, {"hellip", "…"}};
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t semi = text.find(';', i);
    if (text[i] != '&' || semi == std::string_view::npos || semi - i > 10) {
      out += text[i++];
      continue;
    }
    std::string_view name = text.substr(i + 1, semi - i - 1);
    if (!name.empty() && name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::string_view digits = name.substr(hex ? 2 : 1);
      unsigned long cp = 0;
      auto [ptr, ec] = std::from_chars(
          digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
      if (ec == std::errc() && ptr == digits.data() + digits.size() &&
          !digits.empty() && cp > 0 && cp <= 0x10FFFF) {
        append_utf8(out, cp);
        i = semi + 1;
        continue;
      }
    } else if (auto it = kNamed.find(name); it != kNamed.end()) {
      out += it->second;
      i = semi + 1;
      continue;
    }
    out += text[i++];
  }
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 +
                               hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// Text as a reader sees it: entities decoded, spaces collapsed, valid UTF-8.
std::string clean_text(std::string_view text) {
  return collapse_spaces(valid_utf8(decode_entities(text)));
}

bool is_http(std::string_view url) {
  return starts_with_ci(url, "http://") || starts_with_ci(url, "https://");
}

std::string host_of(std::string_view url) {
  std::size_t start = url.find("://");
  if (start == std::string_view::npos)
    return {};
  start += 3;
  std::size_t end = url.find_first_of("/?#", start);
  std::string host = lower(url.substr(start, end - start));
  if (host.rfind("www.", 0) == 0)
    host.erase(0, 4);
  return host;
}

bool is_code_host(std::string_view url) {
  std::string host = host_of(url);
  return host == "github.com" || host == "gitlab.com" ||
         host == "bitbucket.org";
}

// ---------------------------------------------------------------------------
// Scanner

enum class TokenKind { kText, kLink, kImage, kBadge, kBreak, kMark, kCell };

struct Token {
  TokenKind kind = TokenKind::kText;
  std::string text;    // text, link text, image alt or badge alt
  std::string url;     // link target, image source or badge image
  std::string target;  // where a badge links to
  std::optional<int> width;
};

// Index of the bracket closing the one at `open`, honouring nesting and
// backslash escapes; npos when it is not closed.
std::size_t closing(std::string_view s, std::size_t open, char o, char c) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == o) {
      ++depth;
    } else if (s[i] == c && --depth == 0) {
      return i;
    }
  }
  return std::string_view::npos;
}

// "<url>" and "url "title"" forms reduced to the URL.
std::string link_target(std::string_view raw) {
  raw = trim(raw);
  if (raw.size() >= 2 && raw.front() == '<' && raw.back() == '>')
    raw = raw.substr(1, raw.size() - 2);
  std::size_t space = raw.find_first_of(" \t");
  return std::string(trim(raw.substr(0, space)));
}

// The value of attribute `name` in the inside of an HTML tag.
std::string attribute(std::string_view tag, std::string_view name) {
  std::string low = lower(tag);
  std::size_t pos = 0;
  while ((pos = low.find(name, pos)) != std::string::npos) {
    bool boundary = pos > 0 && is_space(low[pos - 1]);
    std::size_t i = pos + name.size();
    while (i < low.size() && is_space(low[i]))
      ++i;
    if (!boundary || i >= low.size() || low[i] != '=') {
      pos += name.size();
      continue;
    }
    ++i;
    while (i < low.size() && is_space(low[i]))
      ++i;
    if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
      std::size_t end = tag.find(tag[i], i + 1);
      return std::string(tag.substr(i + 1, end - i - 1));
    }
    std::size_t end = tag.find_first_of(" \t/>", i);
    return std::string(tag.substr(i, end - i));
  }
  return {};
}

std::optional<int> parse_width(std::string_view text) {
  int value = 0;
  text = trim(text);
  if (!text.empty() && text.back() == 'x')  // "300px"
    text.remove_suffix(text.size() >= 2 && text[text.size() - 2] == 'p');
  auto [ptr, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value <= 0)
    return std::nullopt;
  return value;
}

class Scanner {
 public:
  Scanner(std::string_view s, bool table) : s_(s), table_(table) {}

  std::vector<Token> run() {
    while (i_ < s_.size()) {
      if (!(escape() || cell() || image_or_link() || tag() || mark()))
        pending_ += s_[i_++];
    }
    flush();
    return std::move(tokens_);
  }

 private:
  void flush() {
    if (!pending_.empty())
      tokens_.push_back({TokenKind::kText, std::move(pending_), {}, {}, {}});
    pending_.clear();
  }
  void push(Token t) {
    flush();
    tokens_.push_back(std::move(t));
  }

  bool escape() {
    if (s_[i_] != '\\' || i_ + 1 >= s_.size())
      return false;
    pending_ += s_[i_ + 1];
    i_ += 2;
    return true;
  }

  bool cell() {
    if (!table_ || s_[i_] != '|')
      return false;
    push({TokenKind::kCell, {}, {}, {}, {}});
    ++i_;
    return true;
  }

  // "![alt](src)", "[text](url)" and "[![alt](src)](url)".
  bool image_or_link() {
    bool bang = s_[i_] == '!' && s_.substr(i_ + 1, 1) == "[";
    std::size_t open = i_ + (bang ? 1 : 0);
    if (s_[open] != '[')
      return false;
    std::size_t close = closing(s_, open, '[', ']');
    if (close == std::string_view::npos || s_.substr(close + 1, 1) != "(")
      return false;
    std::size_t end = closing(s_, close + 1, '(', ')');
    if (end == std::string_view::npos)
      return false;
    std::string_view inner = s_.substr(open + 1, close - open - 1);
    std::string target = link_target(s_.substr(close + 2, end - close - 2));
    i_ = end + 1;

    if (bang) {
      // A badge written without a link around it is still a badge.
      bool badge = target.find("img.shields.io/") != std::string::npos;
      push({badge ? TokenKind::kBadge : TokenKind::kImage,
            clean_text(inner),
            target,
            {},
            {}});
      return true;
    }
    std::vector<Token> nested = Scanner(inner, false).run();
    auto is_image = [](const Token& t) {
      return t.kind == TokenKind::kImage || t.kind == TokenKind::kBadge;
    };
    auto image = std::find_if(nested.begin(), nested.end(), is_image);
    if (image != nested.end()) {
      push({TokenKind::kBadge, image->text, image->url, target, {}});
      return true;
    }
    std::string text(trim(inner));
    if (text.size() >= 2 && text.front() == '[' && text.back() == ']')
      text = text.substr(1, text.size() - 2);  // "[[Paper]](url)"
    push({TokenKind::kLink, clean_text(text), target, {}, {}});
    return true;
  }

  // <br>, </br>, <br/> break lines; <img> is a figure; other tags are
  // markup without meaning here and are dropped.
  bool tag() {
    if (s_[i_] != '<')
      return false;
    std::size_t k = i_ + 1 + (s_.substr(i_ + 1, 1) == "/" ? 1 : 0);
    if (k >= s_.size() || !std::isalpha(static_cast<unsigned char>(s_[k])))
      return false;
    std::size_t close = s_.find('>', k);
    if (close == std::string_view::npos)
      return false;
    std::string_view inside = s_.substr(i_ + 1, close - i_ - 1);
    std::size_t name_end = k;
    while (name_end < close &&
           std::isalnum(static_cast<unsigned char>(s_[name_end])))
      ++name_end;
    std::string name = lower(s_.substr(k, name_end - k));
    i_ = close + 1;
    if (name == "br") {
      push({TokenKind::kBreak, {}, {}, {}, {}});
    } else if (name == "img") {
      push({TokenKind::kImage,
            clean_text(attribute(inside, "alt")),
            attribute(inside, "src"),
            {},
            parse_width(attribute(inside, "width"))});
    }
    return true;
  }

  // ":star:" and "⭐" (U+2B50, with or without the emoji selector).
  bool mark() {
    std::string_view rest = s_.substr(i_);
    std::size_t len = rest.rfind(":star:", 0) == 0         ? 6
                      : rest.rfind("\xE2\xAD\x90", 0) == 0 ? 3
                                                           : 0;
    if (len == 0)
      return false;
    if (s_.substr(i_ + len, 3) == "\xEF\xB8\x8F")
      len += 3;
    i_ += len;
    push({TokenKind::kMark, {}, {}, {}, {}});
    return true;
  }

  std::string_view s_;
  bool table_;
  std::size_t i_ = 0;
  std::string pending_;
  std::vector<Token> tokens_;
};

// ---------------------------------------------------------------------------
// Rows

// What a shields.io badge says: the path after "/badge/" without its colour,
// percent-decoded, with shields' own escapes ("_" space, "__" underscore,
// "--" dash) undone.
std::string badge_text(std::string_view image) {
  std::size_t start = image.find("/badge/");
  if (start == std::string_view::npos)
    return {};
  std::string_view path = image.substr(start + 7);
  path = path.substr(0, path.find_first_of("?#"));
  std::size_t dash = path.rfind('-');
  if (dash != std::string_view::npos)
    path = path.substr(0, dash);
  std::string decoded = percent_decode(path);
  std::string out;
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    char c = decoded[i];
    char next = i + 1 < decoded.size() ? decoded[i + 1] : '\0';
    if ((c == '_' || c == '-') && next == c) {
      out += c;
      ++i;
    } else {
      out += c == '_' ? ' ' : c;
    }
  }
  return clean_text(out);
}

constexpr std::string_view kVenueLabels[] = {"Conference-", "Journal-",
                                             "Workshop-"};

// One name: "Name*" and "Name†" mark equal contribution or affiliations;
// the marks are dropped. Sets `et_al` when the name ends the list with it.
std::string author_name(std::string_view name, bool& et_al) {
  name = trim(name);
  for (std::string_view mark : {"*", "\u2020", "\u2021"}) {
    while (name.ends_with(mark))
      name = trim(name.substr(0, name.size() - mark.size()));
  }
  for (std::string_view suffix : {" et al.", " et al"}) {
    if (name.ends_with(suffix)) {
      name = trim(name.substr(0, name.size() - suffix.size()));
      et_al = true;
    }
  }
  return std::string(name);
}

// "A, B and C." → {"A", "B", "C"}; a trailing "et al" stays as the last
// entry so the list does not pretend to be complete.
std::vector<std::string> split_authors(std::string_view text) {
  std::string all = clean_text(text);
  std::string_view rest = all;
  while (!rest.empty() &&
         std::string_view(".,- ").find(rest.front()) != std::string_view::npos)
    rest.remove_prefix(1);
  while (!rest.empty() &&
         std::string_view(".,; ").find(rest.back()) != std::string_view::npos)
    rest.remove_suffix(1);

  std::vector<std::string> names;
  bool et_al = false;
  std::string current;
  auto finish = [&] {
    if (std::string name = author_name(current, et_al); !name.empty())
      names.push_back(std::move(name));
    current.clear();
  };
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == ',' || rest[i] == ';') {
      finish();
    } else if (rest.compare(i, 5, " and ") == 0) {
      finish();
      i += 4;
    } else {
      current += rest[i];
    }
  }
  finish();
  if (et_al && !names.empty())
    names.emplace_back("et al.");
  return names;
}

struct RowBuilder {
  ParsedRow row;
  std::optional<std::string> title_url;
  std::optional<std::string> paper_link;
  std::optional<std::string> github_link;
  std::optional<std::string> badge_code;

  void badge(const Token& t) {
    if (t.url.find("img.shields.io/github/stars/") != std::string::npos) {
      if (is_http(t.target)) {
        badge_code = t.target;
      } else {
        std::string repo = t.url.substr(t.url.find("/stars/") + 7);
        repo = repo.substr(0, repo.find_first_of("?#"));
        if (repo.size() > 4 && repo.ends_with(".svg"))
          repo.resize(repo.size() - 4);
        badge_code = "https://github.com/" + repo;
      }
      return;
    }
    std::string text = badge_text(t.url);
    if (text.empty())
      return;
    for (std::string_view label : kVenueLabels) {
      if (text.starts_with(label) && text.size() > label.size()) {
        row.paper.venue = text.substr(label.size());
        return;
      }
    }
    if (t.text == "Publish")
      row.paper.venue = text;
    else if (t.text == "Type" &&
             std::find(row.paper.tags.begin(), row.paper.tags.end(), text) ==
                 row.paper.tags.end())
      row.paper.tags.push_back(text);
  }

  void add_link(std::string name, const std::string& url) {
    for (const auto& [n, u] : row.paper.links) {
      if (u == url)
        return;
    }
    std::string unique = name;
    for (int k = 2;; ++k) {
      bool taken =
          std::any_of(row.paper.links.begin(), row.paper.links.end(),
                      [&](const auto& link) { return link.first == unique; });
      if (!taken)
        break;
      unique = fmt::format("{} {}", name, k);
    }
    row.paper.links.emplace_back(unique, url);
  }

  // A link after the title: "Paper", "Github" or a named extra.
  void link(const Token& t) {
    if (!is_http_url(t.url))
      return;
    std::string name = lower(t.text);
    if ((name == "paper" || name == "pdf") && !paper_link) {
      paper_link = t.url;
    } else if ((name == "github" || name == "code") && !github_link) {
      github_link = t.url;
    } else if (t.url != paper_link && t.url != github_link) {
      add_link(t.text.empty() ? std::string("Link") : t.text, t.url);
    }
  }

  void figure(const Token& t) {
    if (row.paper.image || trim(t.url).empty())
      return;
    row.paper.image = std::string(trim(t.url));
    row.paper.image_width = t.width;
  }

  void authors(std::string_view text) {
    row.paper.authors = split_authors(text);
  }

  void finish() {
    Paper& p = row.paper;
    if (github_link)
      p.code = github_link;
    else if (badge_code)
      p.code = badge_code;
    else if (title_url && is_code_host(*title_url))
      p.code = title_url;

    if (paper_link)
      p.paper = *paper_link;
    else if (title_url && !is_code_host(*title_url))
      p.paper = *title_url;

    if (p.title.empty())
      row.problem = "no linked title";
    else if (p.paper.empty())
      row.problem =
          "no paper link: neither a 'Paper' link nor a title that links to "
          "the paper";
    else if (!is_http_url(p.paper))
      row.problem =
          fmt::format("paper link '{}' is not an http(s) URL", p.paper);
    else if (normalise_url(p.paper).starts_with("arxiv.org/") &&
             !arxiv_id(p.paper))
      row.problem = fmt::format(
          "paper link '{}' is an arXiv URL without a valid arXiv id", p.paper);
    else if (p.authors.empty())
      row.problem = "no authors after the title";
    // The loader's rule: a code link it would refuse is left out.
    if (p.code && !is_http_url(*p.code))
      p.code.reset();
  }
};

bool is_blank_text(const Token& t) {
  return t.kind == TokenKind::kBreak ||
         (t.kind == TokenKind::kText && trim(t.text).empty());
}

void title_from(RowBuilder& b, const Token& t) {
  b.row.paper.title = t.text;
  while (b.row.paper.title.starts_with("**") &&
         b.row.paper.title.ends_with("**") && b.row.paper.title.size() > 4)
    b.row.paper.title =
        b.row.paper.title.substr(2, b.row.paper.title.size() - 4);
  if (!t.url.empty())
    b.title_url = t.url;
}

void parse_table(RowBuilder& b, std::string_view line) {
  std::vector<Token> tokens = Scanner(line, true).run();
  std::vector<std::vector<Token>> cells(1);
  for (Token& t : tokens) {
    if (t.kind == TokenKind::kCell)
      cells.emplace_back();
    else
      cells.back().push_back(std::move(t));
  }
  if (trim(line).starts_with("|"))
    cells.erase(cells.begin());

  for (std::size_t c = 0; c < cells.size(); ++c) {
    bool title_cell = c == 0;
    bool after_title = false;
    std::string authors;
    for (const Token& t : cells[c]) {
      switch (t.kind) {
        case TokenKind::kBadge:
          b.badge(t);
          break;
        case TokenKind::kMark:
          b.row.paper.recommended = true;
          break;
        case TokenKind::kImage:
          b.figure(t);
          break;
        case TokenKind::kLink:
          if (title_cell && b.row.paper.title.empty()) {
            title_from(b, t);
            after_title = true;
          } else {
            b.link(t);
          }
          break;
        case TokenKind::kText:
          if (after_title)
            authors += t.text;
          break;
        case TokenKind::kBreak:
          authors += ' ';
          break;
        case TokenKind::kCell:
          break;
      }
    }
    if (title_cell)
      b.authors(authors);
  }
}

// The title is the link a bullet opens with, past its badges and marks; a
// bullet opening with text has none, whatever links follow.
void parse_bullet(RowBuilder& b, std::string_view item) {
  std::vector<Token> tokens = Scanner(item, false).run();
  bool after_title = false;
  bool in_authors = false;
  std::string authors;
  for (const Token& t : tokens) {
    switch (t.kind) {
      case TokenKind::kBadge:
        b.badge(t);
        in_authors = false;
        break;
      case TokenKind::kMark:
        b.row.paper.recommended = true;
        break;
      case TokenKind::kImage:
        b.figure(t);
        in_authors = false;
        break;
      case TokenKind::kLink:
        if (!after_title) {
          title_from(b, t);
          after_title = in_authors = true;
        } else {
          b.link(t);
          in_authors = false;
        }
        break;
      case TokenKind::kText:
      case TokenKind::kBreak:
        if (in_authors)
          authors += t.kind == TokenKind::kText ? t.text : " ";
        else if (!after_title && !is_blank_text(t))
          after_title = true;  // no title; links that follow are links
        break;
      case TokenKind::kCell:
        break;
    }
  }
  b.authors(authors);
}

// Table rows start with '|'; bullet items with "* ", "- " or "+ ".
enum class LineKind { kOther, kTable, kBullet };

LineKind line_kind(std::string_view line) {
  line = trim(line);
  if (line.starts_with("|"))
    return LineKind::kTable;
  if (line.size() >= 2 &&
      (line[0] == '*' || line[0] == '-' || line[0] == '+') && is_space(line[1]))
    return LineKind::kBullet;
  return LineKind::kOther;
}

bool is_separator_row(std::string_view line) {
  line = trim(line);
  if (line.find('-') == std::string_view::npos)
    return false;
  return std::all_of(line.begin(), line.end(), [](char c) {
    return c == '|' || c == '-' || c == ':' || is_space(c);
  });
}

// A bullet is a paper when, past its badges and marks, it opens with a link
// to an http(s) URL; updates, tables of contents and prose do not. One with
// a "Paper" link elsewhere is a paper too, to be reported when its title is
// not linked.
// Limitation: a list that writes "* Authors. [Title](url)" is not read.
bool is_paper_bullet(std::string_view item) {
  std::vector<Token> tokens = Scanner(item, false).run();
  auto paper_link = [](const Token& t) {
    std::string name = lower(t.text);
    return t.kind == TokenKind::kLink && is_http(t.url) &&
           (name == "paper" || name == "pdf");
  };
  if (std::any_of(tokens.begin(), tokens.end(), paper_link))
    return true;
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kBadge || t.kind == TokenKind::kMark ||
        is_blank_text(t))
      continue;
    // A link with another scheme (javascript:, file:) is a bad paper row
    // to report, a relative one ("pruning.md") a table of contents.
    return t.kind == TokenKind::kLink &&
           (is_http(t.url) || has_url_scheme(t.url));
  }
  return false;
}

std::string_view bullet_item(std::string_view line) {
  line = trim(line);
  return trim(line.substr(1));
}

// HTML comments blanked out, line breaks kept so line numbers hold.
std::string without_comments(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t open = text.find("<!--", i);
    out.append(text.substr(i, open - i));
    if (open == std::string_view::npos)
      break;
    std::size_t close = text.find("-->", open + 4);
    std::string_view hidden = text.substr(
        open, close == std::string_view::npos ? close : close + 3 - open);
    out.append(std::count(hidden.begin(), hidden.end(), '\n'), '\n');
    i = close == std::string_view::npos ? text.size() : close + 3;
  }
  return out;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos)
      break;
    start = end + 1;
  }
  return lines;
}

std::string heading_text(std::string_view line) {
  line = trim(line);
  while (!line.empty() && line.front() == '#')
    line.remove_prefix(1);
  while (!line.empty() && line.back() == '#')
    line.remove_suffix(1);
  std::string out;
  for (const Token& t : Scanner(trim(line), false).run()) {
    if (t.kind == TokenKind::kText || t.kind == TokenKind::kLink)
      out += t.text;
  }
  return clean_text(trim(out));
}

}  // namespace

ParsedRow parse_row(std::string_view line) {
  RowBuilder b;
  std::size_t comment = line.find("[//]:");
  if (comment != std::string_view::npos) {
    std::string_view rest = trim(line.substr(comment + 5));
    if (rest.starts_with("#"))
      rest.remove_prefix(1);
    b.row.comment = std::string(trim(rest));
    line = line.substr(0, comment);
  }

  switch (line_kind(line)) {
    case LineKind::kTable:
      parse_table(b, line);
      break;
    case LineKind::kBullet:
      parse_bullet(b, bullet_item(line));
      break;
    case LineKind::kOther:
      b.row.problem = "neither a table row nor a bullet item";
      return b.row;
  }
  b.finish();
  return b.row;
}

namespace {

struct RowLine {
  int line = 0;
  std::string text;
};

struct PageLines {
  std::string title;
  std::vector<RowLine> rows;
};

// The page's title and the lines that hold rows, before any row is parsed,
// so the history walk can reuse a row parsed in an earlier version.
PageLines row_lines(std::string_view text) {
  PageLines page;
  std::string visible = without_comments(text);
  std::vector<std::string_view> lines = split_lines(visible);
  bool fenced = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::string_view t = trim(line);
    if (t.starts_with("```") || t.starts_with("~~~")) {
      fenced = !fenced;
      continue;
    }
    if (fenced)
      continue;
    if (t.starts_with("#") && page.title.empty()) {
      page.title = heading_text(t);
      continue;
    }
    LineKind kind = line_kind(line);
    bool row = false;
    if (kind == LineKind::kTable) {
      // A table row without any link is a section heading or prose.
      bool linked = line.find("](") != std::string_view::npos ||
                    lower(line).find("<img") != std::string::npos;
      bool header = i + 1 < lines.size() && is_separator_row(lines[i + 1]) &&
                    line_kind(lines[i + 1]) == LineKind::kTable;
      row = linked && !is_separator_row(line) && !header;
    } else if (kind == LineKind::kBullet) {
      row = line.size() > kMaxRowBytes || is_paper_bullet(bullet_item(line));
    }
    if (row)
      page.rows.push_back({static_cast<int>(i) + 1, std::string(line)});
  }
  return page;
}

// Rows of real lists are well under 4 KiB; parsing a row costs more than
// its length, so a huge one is refused, not parsed for minutes.
ParsedRow parse_row_within_limit(std::string_view text) {
  if (text.size() <= kMaxRowBytes)
    return parse_row(text);
  ParsedRow row;
  row.problem = fmt::format("row is {} bytes, over the limit of {}",
                            text.size(), kMaxRowBytes);
  return row;
}

}  // namespace

ParsedPage parse_page(std::string_view text) {
  PageLines lines = row_lines(text);
  ParsedPage page{std::move(lines.title), {}};
  for (const RowLine& r : lines.rows) {
    ParsedRow parsed = parse_row_within_limit(r.text);
    parsed.line = r.line;
    page.rows.push_back(std::move(parsed));
  }
  return page;
}

Result<PageMapping> parse_mapping(std::string_view text) {
  std::size_t eq = text.rfind('=');
  if (eq == std::string_view::npos || eq == 0)
    return Error{ExitCode::kUsage,
                 fmt::format("'--map {}' must read PAGE=TOPIC, e.g. "
                             "'pruning.md=pruning' (PAGE= for a page that "
                             "only dates papers)",
                             text)};
  PageMapping m{std::string(text.substr(0, eq)),
                std::string(text.substr(eq + 1))};
  bool slug = std::all_of(m.topic.begin(), m.topic.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!slug)
    return Error{ExitCode::kUsage,
                 fmt::format("topic '{}' in '--map {}' is not a slug; use "
                             "lower-case letters, digits and '-'",
                             m.topic, text)};
  return m;
}

namespace {

// ---------------------------------------------------------------------------
// Assembling a list from parsed pages

// Keys under which a row dates its paper.
// Limitation: a paper whose link and title both changed from one version
// of a row to the next is dated from the later version.
std::string title_key(std::string_view title) {
  std::string key;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c)) ||
        static_cast<unsigned char>(c) >= 0x80)
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  // Short titles ("Source", "Github") would join unrelated rows.
  return key.size() >= 12 ? "title:" + key : std::string();
}

std::vector<std::string> row_keys(const ParsedRow& row) {
  std::vector<std::string> keys;
  if (!row.paper.paper.empty())
    keys.push_back(paper_identifier(row.paper.paper));
  if (std::string t = title_key(row.paper.title); !t.empty())
    keys.push_back(std::move(t));
  return keys;
}

using FirstSeen = std::unordered_map<std::string, TimePoint>;

struct SourcePage {
  const PageMapping* mapping;
  std::string shown;  // the page as diagnostics name it
  std::string text;
  ParsedPage parsed;
};

std::string shortened(std::string_view line) {
  constexpr std::size_t kMax = 160;
  line = trim(line);
  if (line.size() <= kMax)
    return std::string(line);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(line.substr(0, cut)) + "...";
}

void fill_missing(Paper& into, const Paper& from) {
  if (!into.code)
    into.code = from.code;
  if (!into.venue)
    into.venue = from.venue;
  if (into.tags.empty())
    into.tags = from.tags;
  if (!into.image) {
    into.image = from.image;
    into.image_width = from.image_width;
  }
  if (into.links.empty())
    into.links = from.links;
  into.recommended = into.recommended || from.recommended;
}

// Folds the rows of every mapped page into one paper per identifier.
class ListBuilder {
 public:
  void add_page(const SourcePage& page) {
    const PageMapping& m = *page.mapping;
    list_.page_titles[m.page] = page.parsed.title;
    if (m.topic.empty())
      return;
    for (const ParsedRow& row : page.parsed.rows) {
      std::string source = shortened(line_of(page.text, row.line));
      if (!row.problem.empty()) {
        list_.skipped.push_back({Severity::kWarning, page.shown, row.line, 0,
                                 "skipped: " + row.problem, source});
        continue;
      }
      std::string id = paper_identifier(row.paper.paper);
      auto found = by_id_.find(id);
      if (found != by_id_.end())
        merge(found->second, row, m, page.shown, source);
      else
        add(std::move(id), row, m, page.shown);
    }
  }

  // Context pages (a README's recent section) lend their recommended
  // marks to the papers the topic pages hold.
  void add_marks(const SourcePage& page) {
    for (const ParsedRow& row : page.parsed.rows) {
      if (!row.paper.recommended || row.paper.paper.empty())
        continue;
      auto found = by_id_.find(paper_identifier(row.paper.paper));
      if (found != by_id_.end())
        list_.papers[found->second].recommended = true;
    }
  }

  // Each paper takes the earliest first appearance of any of its keys.
  void add_dates(const FirstSeen& first_seen) {
    for (std::size_t i = 0; i < list_.papers.size(); ++i) {
      Paper& p = list_.papers[i];
      for (const std::string& k : keys_[i]) {
        auto seen = first_seen.find(k);
        if (seen != first_seen.end() && (!p.added || seen->second < *p.added))
          p.added = seen->second;
      }
    }
  }

  SourceList take() { return std::move(list_); }

 private:
  void add(std::string id, const ParsedRow& row, const PageMapping& m,
           const std::string& shown) {
    Paper paper = row.paper;
    paper.topic = m.topic;
    paper.id = id;
    paper.display_path = fmt::format("{}:{}", shown, row.line);
    by_id_.emplace(std::move(id), list_.papers.size());
    list_.papers.push_back(std::move(paper));
    keys_.push_back(row_keys(row));
  }

  void merge(std::size_t index, const ParsedRow& row, const PageMapping& m,
             const std::string& shown, const std::string& source) {
    Paper& first = list_.papers[index];
    bool listed = m.topic == first.topic ||
                  std::find(first.also.begin(), first.also.end(), m.topic) !=
                      first.also.end();
    if (!listed)
      first.also.push_back(m.topic);
    fill_missing(first, row.paper);
    for (std::string& k : row_keys(row))
      keys_[index].push_back(std::move(k));
    list_.merged.push_back(
        {Severity::kWarning, shown, row.line, 0,
         fmt::format("merged into the row at '{}'", first.display_path),
         source});
  }

  SourceList list_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::vector<std::vector<std::string>> keys_;  // per paper
};

SourceList assemble(const std::vector<SourcePage>& pages,
                    const FirstSeen* first_seen) {
  ListBuilder builder;
  for (const SourcePage& page : pages)
    builder.add_page(page);
  for (const SourcePage& page : pages) {
    if (page.mapping->topic.empty())
      builder.add_marks(page);
  }
  if (first_seen != nullptr)
    builder.add_dates(*first_seen);
  return builder.take();
}

// ---------------------------------------------------------------------------
// Reading a git repository

template <auto Free>
struct GitFree {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};
using RepositoryPtr =
    std::unique_ptr<git_repository, GitFree<git_repository_free>>;
using ObjectPtr = std::unique_ptr<git_object, GitFree<git_object_free>>;
using CommitPtr = std::unique_ptr<git_commit, GitFree<git_commit_free>>;
using TreePtr = std::unique_ptr<git_tree, GitFree<git_tree_free>>;
using EntryPtr = std::unique_ptr<git_tree_entry, GitFree<git_tree_entry_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitFree<git_blob_free>>;
using WalkPtr = std::unique_ptr<git_revwalk, GitFree<git_revwalk_free>>;

// Keeps libgit2 initialised for the duration of one read.
struct GitLibrary {
  GitLibrary() { git_libgit2_init(); }
  ~GitLibrary() { git_libgit2_shutdown(); }
  GitLibrary(const GitLibrary&) = delete;
  GitLibrary& operator=(const GitLibrary&) = delete;
};

std::string git_message() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown error";
}

Error git_failure(ExitCode kind, const std::string& what) {
  return {kind, fmt::format("{}: {}", what, git_message())};
}

// The blob id of `page` in `tree`; nullopt when the tree has no such file.
std::optional<git_oid> page_blob(git_tree* tree, const std::string& page) {
  git_tree_entry* raw = nullptr;
  if (git_tree_entry_bypath(&raw, tree, page.c_str()) != 0)
    return std::nullopt;
  EntryPtr entry(raw);
  if (git_tree_entry_type(raw) != GIT_OBJECT_BLOB)
    return std::nullopt;
  return *git_tree_entry_id(raw);
}

Result<std::string> blob_text(git_repository* repo, const git_oid& id) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &id) != 0)
    return git_failure(ExitCode::kEnvironment, "cannot read a page blob");
  BlobPtr blob(raw);
  return std::string(static_cast<const char*>(git_blob_rawcontent(raw)),
                     static_cast<std::size_t>(git_blob_rawsize(raw)));
}

struct OidHash {
  std::size_t operator()(const git_oid& id) const {
    std::size_t h = 0;
    std::memcpy(&h, id.id, sizeof h);
    return h;
  }
};
struct OidEqual {
  bool operator()(const git_oid& a, const git_oid& b) const {
    return git_oid_equal(&a, &b) != 0;
  }
};

// The row keys of page blobs, each blob parsed once however often it comes
// back, and each row once however many versions of a page keep it.
class BlobKeys {
 public:
  explicit BlobKeys(git_repository* repo) : repo_(repo) {}

  // Fails when the blob cannot be read.
  Result<const std::vector<std::string>*> of(const git_oid& blob) {
    auto cached = by_blob_.find(blob);
    if (cached != by_blob_.end())
      return &cached->second;
    Result<std::string> text = blob_text(repo_, blob);
    if (!text)
      return text.error();
    std::vector<std::string> keys;
    for (const RowLine& r : row_lines(*text).rows) {
      auto row = by_row_.find(r.text);
      if (row == by_row_.end())
        row = by_row_.emplace(r.text, row_keys(parse_row_within_limit(r.text)))
                  .first;
      keys.insert(keys.end(), row->second.begin(), row->second.end());
    }
    return &by_blob_.emplace(blob, std::move(keys)).first->second;
  }

 private:
  git_repository* repo_;
  std::unordered_map<git_oid, std::vector<std::string>, OidHash, OidEqual>
      by_blob_;
  std::unordered_map<std::string, std::vector<std::string>> by_row_;
};

// One first-parent walk from `tip`, oldest first: the first commit time of
// every row key on the mapped pages. Only pages whose blob id changed since
// the previous commit are looked at.
Result<FirstSeen> walk_first_seen(git_repository* repo, const git_oid& tip,
                                  const std::vector<PageMapping>& mappings,
                                  int& commits) {
  git_revwalk* raw_walk = nullptr;
  if (git_revwalk_new(&raw_walk, repo) != 0)
    return git_failure(ExitCode::kEnvironment, "cannot walk the history");
  WalkPtr walk(raw_walk);
  git_revwalk_sorting(raw_walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_REVERSE);
  git_revwalk_simplify_first_parent(raw_walk);
  if (git_revwalk_push(raw_walk, &tip) != 0)
    return git_failure(ExitCode::kEnvironment, "cannot walk the history");

  FirstSeen first_seen;
  BlobKeys blob_keys(repo);
  std::vector<std::optional<git_oid>> previous(mappings.size());
  git_oid id;
  while (git_revwalk_next(&id, raw_walk) == 0) {
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repo, &id) != 0)
      return git_failure(ExitCode::kEnvironment, "cannot read a commit");
    CommitPtr commit(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, raw_commit) != 0)
      return git_failure(ExitCode::kEnvironment, "cannot read a commit tree");
    TreePtr tree(raw_tree);
    TimePoint when{std::chrono::seconds{git_commit_time(raw_commit)}};
    ++commits;

    for (std::size_t m = 0; m < mappings.size(); ++m) {
      std::optional<git_oid> blob = page_blob(raw_tree, mappings[m].page);
      bool same = blob && previous[m] && git_oid_equal(&*blob, &*previous[m]);
      previous[m] = blob;
      if (!blob || same)
        continue;
      Result<const std::vector<std::string>*> keys = blob_keys.of(*blob);
      if (!keys)
        return keys.error();
      for (const std::string& k : **keys)
        first_seen.emplace(k, when);
    }
  }
  return first_seen;
}

}  // namespace

Result<SourceList> read_git_list(const fs::path& repo_path,
                                 const std::string& ref,
                                 const std::vector<PageMapping>& mappings) {
  GitLibrary library;
  git_repository* raw_repo = nullptr;
  int rc = open_repository(&raw_repo, repo_path);
  if (rc == GIT_EOWNER)
    return repository_open_error(rc, "", repo_path);
  if (rc != 0)
    return git_failure(
        ExitCode::kEnvironment,
        fmt::format("cannot open repository '{}'", repo_path.string()));
  RepositoryPtr repo(raw_repo);

  git_object* raw_object = nullptr;
  if (git_revparse_single(&raw_object, raw_repo, ref.c_str()) != 0)
    return Error{ExitCode::kUsage,
                 fmt::format("'{}' names no commit in '{}'; give '--ref' a "
                             "branch, tag or commit id",
                             ref, repo_path.string())};
  ObjectPtr object(raw_object);
  git_object* raw_peeled = nullptr;
  if (git_object_peel(&raw_peeled, raw_object, GIT_OBJECT_COMMIT) != 0)
    return Error{ExitCode::kUsage, fmt::format("'{}' is not a commit in '{}'",
                                               ref, repo_path.string())};
  ObjectPtr peeled(raw_peeled);
  auto* tip = reinterpret_cast<git_commit*>(raw_peeled);
  git_tree* raw_tree = nullptr;
  if (git_commit_tree(&raw_tree, tip) != 0)
    return git_failure(ExitCode::kEnvironment, "cannot read a commit tree");
  TreePtr tree(raw_tree);

  std::vector<SourcePage> pages;
  for (const PageMapping& m : mappings) {
    std::optional<git_oid> blob = page_blob(raw_tree, m.page);
    if (!blob)
      return Error{ExitCode::kUsage,
                   fmt::format("page '{}' is not in '{}' at '{}'", m.page,
                               repo_path.string(), ref)};
    Result<std::string> text = blob_text(raw_repo, *blob);
    if (!text)
      return text.error();
    ParsedPage parsed = parse_page(*text);
    pages.push_back({&m, m.page, std::move(*text), std::move(parsed)});
  }

  int commits = 0;
  Result<FirstSeen> first_seen =
      walk_first_seen(raw_repo, *git_commit_id(tip), mappings, commits);
  if (!first_seen)
    return first_seen.error();

  SourceList list = assemble(pages, &*first_seen);
  list.commits = commits;
  return list;
}

Result<SourceList> read_markdown_files(
    const std::vector<fs::path>& files,
    const std::vector<PageMapping>& mappings) {
  std::vector<SourcePage> pages;
  for (const fs::path& file : files) {
    auto mapping = std::find_if(
        mappings.begin(), mappings.end(), [&](const PageMapping& m) {
          return m.page == file.string() || m.page == file.filename().string();
        });
    if (mapping == mappings.end())
      return Error{ExitCode::kUsage,
                   fmt::format("no '--map' for '{}'; add '--map {}=TOPIC'",
                               file.string(), file.filename().string())};
    std::ifstream in(file, std::ios::binary);
    if (!in)
      return Error{ExitCode::kEnvironment,
                   fmt::format("cannot read '{}'", file.string())};
    std::ostringstream text;
    text << in.rdbuf();
    pages.push_back(
        {&*mapping, file.string(), text.str(), parse_page(text.str())});
  }
  return assemble(pages, nullptr);
}

Result<std::vector<ExistingPaper>> read_existing_papers(
    const fs::path& content_dir) {
  std::vector<ExistingPaper> found;
  fs::path papers = content_dir / "papers";
  std::error_code ec;
  if (!fs::exists(papers, ec))
    return found;
  fs::recursive_directory_iterator it(papers, ec), end;
  if (ec)
    return Error{
        ExitCode::kEnvironment,
        fmt::format("cannot list '{}': {}", papers.string(), ec.message())};
  for (; it != end; it.increment(ec)) {
    if (ec)
      return Error{
          ExitCode::kEnvironment,
          fmt::format("cannot list '{}': {}", papers.string(), ec.message())};
    if (!it->is_regular_file() || it->path().extension() != ".toml")
      continue;
    ExistingPaper paper{fs::absolute(it->path()), {}};
    // Limitation: a file that does not parse cannot say which paper it
    // holds; its name is still taken and `papersite check` reports it.
    FileText read = read_content_file(it->path(), kMaxContentFileBytes);
    if (read.problem.empty()) {
      try {
        toml::table table = toml::parse(read.text, it->path().string());
        if (auto url = table["paper"].value<std::string>())
          paper.id = paper_identifier(*url);
      } catch (const toml::parse_error&) {
      }
    }
    found.push_back(std::move(paper));
  }
  std::sort(found.begin(), found.end(),
            [](const ExistingPaper& a, const ExistingPaper& b) {
              return a.file < b.file;
            });
  return found;
}

std::string slug_from_title(std::string_view title) {
  static const std::set<std::string, std::less<>> kStopWords = {
      "a",  "an", "and", "are", "as",  "at", "by",  "for", "from",
      "in", "is", "of",  "on",  "the", "to", "via", "with"};
  constexpr std::size_t kWords = 4;
  constexpr std::size_t kShortName = 32;

  auto words_of = [](std::string_view text) {
    std::vector<std::string> words(1);
    for (char c : text) {
      auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u) && u < 0x80)
        words.back() += static_cast<char>(std::tolower(u));
      else if (u < 0x80 && c != '\'' && !words.back().empty())
        words.emplace_back();
    }
    if (words.back().empty())
      words.pop_back();
    return words;
  };
  auto join = [](const std::vector<std::string>& words, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < words.size() && i < n; ++i)
      out += (i > 0 ? "-" : "") + words[i];
    return out;
  };

  std::size_t colon = title.find(':');
  if (colon != std::string_view::npos) {
    std::string_view name = trim(title.substr(0, colon));
    std::vector<std::string> words = words_of(name);
    if (!words.empty() && words.size() <= kWords && name.size() <= kShortName)
      return join(words, kWords);
  }
  std::vector<std::string> all = words_of(title);
  std::vector<std::string> significant;
  for (const std::string& w : all) {
    if (kStopWords.count(w) == 0)
      significant.push_back(w);
  }
  std::string slug = join(significant.empty() ? all : significant, kWords);
  return slug.empty() ? "paper" : slug;
}

std::string resolve_figure(std::string_view image, std::string_view base) {
  if (base.empty() || image.empty() || is_http(image) ||
      image.starts_with("//"))
    return std::string(image);
  while (image.starts_with("./"))
    image.remove_prefix(2);
  while (image.starts_with("/"))
    image.remove_prefix(1);
  std::string out(base);
  if (!out.ends_with("/"))
    out += '/';
  return out + std::string(image);
}

ImportPlan plan_import(const SourceList& list,
                       const std::vector<ExistingPaper>& existing,
                       const fs::path& content_dir,
                       std::string_view figures_base) {
  ImportPlan plan;
  std::unordered_map<std::string, fs::path> existing_ids;
  std::set<std::string> taken;  // "topic/slug"
  fs::path papers = fs::absolute(content_dir) / "papers";
  for (const ExistingPaper& e : existing) {
    if (!e.id.empty())
      existing_ids.emplace(e.id, e.file);
    fs::path rel = e.file.lexically_relative(papers);
    taken.insert((rel.parent_path() / rel.stem()).generic_string());
  }

  for (const Paper& source : list.papers) {
    if (auto found = existing_ids.find(source.id);
        found != existing_ids.end()) {
      plan.present.emplace_back(source, found->second);
      continue;
    }
    Paper paper = source;
    if (paper.image) {
      paper.image = resolve_figure(*paper.image, figures_base);
      if (!is_http(*paper.image))
        ++plan.repository_figures;
    }
    std::string base = slug_from_title(paper.title);
    std::string slug = base;
    for (int n = 2; taken.count(paper.topic + "/" + slug) > 0; ++n)
      slug = fmt::format("{}-{}", base, n);
    taken.insert(paper.topic + "/" + slug);
    paper.slug = slug;
    fs::path rel = fs::path("papers") / paper.topic / (slug + ".toml");
    plan.files.push_back({rel, paper_toml(paper), std::move(paper)});
  }
  return plan;
}

}  // namespace papersite
