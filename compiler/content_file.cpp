// Screening is byte-level and runs before any parser: UTF-8 is validated by
// hand (the standard library has no validator), and a small scanner that
// knows TOML's string forms finds characters outside strings.
#include "content_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace papersite {

namespace fs = std::filesystem;

namespace {

struct Where {
  int line = 0;
  int column = 0;
};

// Length of the valid UTF-8 sequence at `i`, 0 when the byte at `i` does not
// start one (overlong forms, surrogates and values past U+10FFFF included).
std::size_t sequence_length(std::string_view text, std::size_t i) {
  auto at = [&](std::size_t k) -> unsigned {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u;
  };
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    return at(k) >= lo && at(k) <= hi && k < text.size();
  };
  unsigned c = at(i);
  if (c < 0x80)
    return 1;
  if (c >= 0xC2 && c <= 0xDF)
    return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    unsigned lo = c == 0xE0 ? 0xA0 : 0x80;
    unsigned hi = c == 0xED ? 0x9F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    unsigned lo = c == 0xF0 ? 0x90 : 0x80;
    unsigned hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
  }
  return 0;
}

// The line and column (in characters) of byte `offset` of valid-up-to-there
// UTF-8 text.
Where position_at(std::string_view text, std::size_t offset) {
  Where p{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

char32_t code_point_at(std::string_view text, std::size_t i) {
  std::size_t n = sequence_length(text, i);
  auto c = static_cast<unsigned char>(text[i]);
  char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  return cp;
}

}  // namespace

std::size_t first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = sequence_length(text, i);
    if (n == 0)
      return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string printable(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = sequence_length(line, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out += line.substr(i, n);
      i += n;
    }
  }
  return out;
}

namespace {

// Bytes that end a bare value (a number, date or boolean) for toml++.
bool ends_bare_value(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f' || c == ']' || c == '}' || c == ',' || c == '#';
}

// Where TOML code is, as toml++ reads it. The scanner follows TOML's four
// string forms and comments, and one more thing: toml++ reads a bare value
// up to the next space, ',', ']', '}' or '#', through any quote, asking of
// each character whether it is whitespace (which, for some non-ASCII
// characters, reaches an unreachable point in toml++ 3.3). So a bare value
// is code to its end, quotes included ('x = 0"é"'); knowing where values
// start takes the brackets and '=' signs. It calls `stop(i)` for each byte
// outside strings and comments (and the line feed ending a comment) and
// returns the first offset where that answers true, npos for none.
template <typename Stop>
std::size_t first_code_byte(std::string_view text, Stop stop) {
  enum class In { kCode, kComment, kBasic, kLiteral, kMultiBasic, kMulti };
  In in = In::kCode;
  // Open brackets: 'a' an array, '{' an inline table, 'h' a table header.
  std::string open;
  bool value = false;  // a value, not a key, may start here
  auto run_of = [&](std::size_t i, char q) {
    std::size_t n = 0;
    while (i + n < text.size() && text[i + n] == q)
      ++n;
    return n;
  };
  auto new_line = [&] {
    if (open.empty())
      value = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (in) {
      case In::kCode:
        if (stop(i))
          return i;
        if (value && !ends_bare_value(c) && c != '"' && c != '\'' && c != '[' &&
            c != '{' && c != '=') {
          for (; i + 1 < text.size() && !ends_bare_value(text[i + 1]); ++i) {
            if (stop(i + 1))
              return i + 1;
          }
        } else if (c == '#') {
          in = In::kComment;
        } else if (c == '\n') {
          new_line();
        } else if (c == '=') {
          value = true;
        } else if (c == '[') {
          open += value ? 'a' : 'h';
        } else if (c == '{') {
          open += '{';
          value = false;
        } else if (c == ']' || c == '}') {
          if (!open.empty())
            open.pop_back();
          value = !open.empty() || c == '}';
        } else if (c == ',') {
          value = !open.empty() && open.back() == 'a';
        } else if (c == '"' || c == '\'') {
          std::size_t n = run_of(i, c);
          bool multi = n >= 3;
          if (n == 2) {  // an empty string
            ++i;
          } else {
            in = c == '"' ? (multi ? In::kMultiBasic : In::kBasic)
                          : (multi ? In::kMulti : In::kLiteral);
            if (multi)
              i += 2;
          }
        }
        break;
      case In::kComment:
        if (c == '\n') {
          in = In::kCode;
          new_line();
          if (stop(i))
            return i;
        }
        break;
      case In::kBasic:
      case In::kLiteral:
        if (in == In::kBasic && c == '\\')
          ++i;
        else if (c == '\n' || c == (in == In::kBasic ? '"' : '\''))
          in = In::kCode;
        break;
      case In::kMultiBasic:
      case In::kMulti: {
        char q = in == In::kMultiBasic ? '"' : '\'';
        if (in == In::kMultiBasic && c == '\\') {
          ++i;
        } else if (c == q) {
          // Up to two quotes may precede the closing three.
          std::size_t n = run_of(i, q);
          if (n >= 3)
            in = In::kCode;
          i += n - 1;
        }
        break;
      }
    }
  }
  return std::string_view::npos;
}

}  // namespace

// toml++ 3.3 reads past its buffer on some stray characters (a line
// starting with U+FEE1), so such text never reaches it.
std::size_t stray_non_ascii(std::string_view text) {
  return first_code_byte(text, [&](std::size_t i) {
    return static_cast<unsigned char>(text[i]) >= 0x80;
  });
}

// toml++ 3.3 recurses once per part of a dotted key or table name and
// overflows the stack on some tens of thousands of them.
std::size_t too_many_key_parts(std::string_view text) {
  std::size_t dots = 0;
  return first_code_byte(text, [&](std::size_t i) {
    if (text[i] == '\n')
      dots = 0;
    else if (text[i] == '.')
      ++dots;
    return dots > kMaxKeyParts - 1;
  });
}

namespace {

FileText& set_problem(FileText& out, std::string problem, Where at = {}) {
  out.problem = std::move(problem);
  out.line = at.line;
  out.column = at.column;
  return out;
}

// Sets the problem of out.text's first invalid UTF-8 byte; false for none.
bool invalid_utf8(FileText& out) {
  std::size_t bad = first_invalid_utf8(out.text);
  if (bad == std::string::npos)
    return false;
  set_problem(out,
              fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as "
                          "UTF-8",
                          static_cast<unsigned char>(out.text[bad])),
              position_at(out.text, bad));
  return true;
}

// What toml++ must not see in valid UTF-8 text: a key of too many parts,
// a non-ASCII character outside strings and comments.
FileText screen_toml_code(FileText out) {
  const std::string& text = out.text;
  if (std::size_t deep = too_many_key_parts(text); deep != std::string::npos)
    return set_problem(
        out,
        fmt::format("more than {} '.' outside strings on one line; a key or "
                    "table name has at most {} parts",
                    kMaxKeyParts - 1, kMaxKeyParts),
        position_at(text, deep));
  if (std::size_t stray = stray_non_ascii(text); stray != std::string::npos) {
    char32_t cp = code_point_at(text, stray);
    std::string what = fmt::format("U+{:04X}", static_cast<unsigned>(cp));
    bool curly = cp == U'\u201C' || cp == U'\u201D' || cp == U'\u2018' ||
                 cp == U'\u2019';
    if (curly)
      return set_problem(out,
                         fmt::format("typographic quote {} outside a string; "
                                     "TOML strings use straight quotes "
                                     "\"...\"",
                                     what),
                         position_at(text, stray));
    return set_problem(out,
                       fmt::format("unexpected character {} outside a "
                                   "string; keys are ASCII and text goes in "
                                   "quotes",
                                   what),
                       position_at(text, stray));
  }
  return out;
}

struct ClosedAtExit {
  explicit ClosedAtExit(int open_fd) : fd(open_fd) {}
  int fd;
  ClosedAtExit(const ClosedAtExit&) = delete;
  ClosedAtExit& operator=(const ClosedAtExit&) = delete;
  ~ClosedAtExit() { ::close(fd); }
};

}  // namespace

FileText read_text_file(const fs::path& file, std::uintmax_t max_bytes) {
  FileText out;
  auto fail = [&](std::string problem) {
    return set_problem(out, std::move(problem));
  };
  // The type is checked before opening, so a device is never opened (that
  // alone can act on some); O_NOFOLLOW and the same-file check after the
  // open refuse a link or another file put in its place meanwhile, and
  // O_NONBLOCK keeps such a named pipe from blocking the open. Three
  // calls per file: a list of 10,000 papers spends much of its load here.
  struct stat named {};
  if (::lstat(file.c_str(), &named) != 0)
    return fail(
        errno == ENOENT || errno == ENOTDIR
            ? std::string("file does not exist")
            : fmt::format("cannot read the file: {}", std::strerror(errno)));
  if (S_ISLNK(named.st_mode))
    return fail(
        "symbolic link; papersite never follows links in the "
        "content folder, so put the file itself here");
  if (!S_ISREG(named.st_mode))
    return fail("not a regular file; remove it");
  int fd = -1;
  do {
    fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return fail(
        errno == EACCES
            ? std::string("cannot read the file; check its permissions")
            : fmt::format("cannot read the file: {}", std::strerror(errno)));
  ClosedAtExit closer(fd);
  struct stat info {};
  if (::fstat(fd, &info) != 0 || info.st_ino != named.st_ino ||
      info.st_dev != named.st_dev || !S_ISREG(info.st_mode))
    return fail("file changed while it was read; run papersite again");
  auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > max_bytes)
    return fail(
        fmt::format("file is {} bytes, over the limit of {} bytes "
                    "for a content file; it was not read (a paper "
                    "file needs a few hundred bytes)",
                    size, max_bytes));

  // One byte more than measured is asked for, so that a file that grew
  // since it was measured is noticed; nothing past the limit is ever read.
  std::string bytes(size + 1, '\0');
  std::size_t got = 0;
  while (got < bytes.size()) {
    ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return fail(
          fmt::format("cannot read the file: {}", std::strerror(errno)));
    if (n == 0)
      break;
    got += static_cast<std::size_t>(n);
  }
  if (got > size)
    return fail("file changed while it was read; run papersite again");
  bytes.resize(got);

  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.erase(0, 3);
  out.text = std::move(bytes);
  invalid_utf8(out);
  return out;
}

FileText read_content_file(const fs::path& file, std::uintmax_t max_bytes) {
  FileText read = read_text_file(file, max_bytes);
  if (!read.problem.empty())
    return read;
  return screen_toml_code(std::move(read));
}

FileText screen_toml_text(std::string text) {
  FileText out;
  out.text = std::move(text);
  if (invalid_utf8(out))
    return out;
  return screen_toml_code(std::move(out));
}

}  // namespace papersite
