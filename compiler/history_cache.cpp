// One line per field, then one line per file: "<blob> <added> <updated>
// <path>", the path last so it may hold spaces ('\' and newlines escaped),
// then "end" so a cut file is recognised.

#include "history_cache.hpp"

#include <fmt/format.h>

namespace papersite {

namespace {

// 2: a rename keeps the paper's identity (history.cpp, same_paper).
constexpr std::string_view kMagic = "papersite-history 2";

std::string hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

std::string escape_path(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

std::optional<std::string> unescape_path(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size())
      return std::nullopt;
    if (text[i] == '\\')
      out += '\\';
    else if (text[i] == 'n')
      out += '\n';
    else
      return std::nullopt;
  }
  return out;
}

bool read_oid(std::string_view text, git_oid& out) {
  return text.size() == GIT_OID_HEXSZ &&
         git_oid_fromstrn(&out, text.data(), text.size()) == 0;
}

std::optional<std::int64_t> read_int(std::string_view text) {
  bool negative = !text.empty() && text[0] == '-';
  if (negative)
    text.remove_prefix(1);
  if (text.empty() || text.size() > 18)
    return std::nullopt;
  std::int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return negative ? -v : v;
}

// Splits `text` into lines; each call returns the next one.
class Lines {
 public:
  explicit Lines(std::string_view text) : rest_(text) {}
  std::optional<std::string_view> next() {
    std::size_t end = rest_.find('\n');
    if (end == std::string_view::npos)
      return std::nullopt;  // every line, the last too, ends in '\n'
    std::string_view line = rest_.substr(0, end);
    rest_.remove_prefix(end + 1);
    return line;
  }
  // The value of the line "NAME VALUE".
  std::optional<std::string_view> field(std::string_view name) {
    auto line = next();
    if (!line || line->size() <= name.size() ||
        line->substr(0, name.size()) != name || (*line)[name.size()] != ' ')
      return std::nullopt;
    return line->substr(name.size() + 1);
  }
  bool done() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

std::optional<std::pair<std::string, PaperState>> parse_file_line(
    std::string_view line) {
  std::string_view parts[3];
  for (auto& part : parts) {
    std::size_t space = line.find(' ');
    if (space == std::string_view::npos)
      return std::nullopt;
    part = line.substr(0, space);
    line.remove_prefix(space + 1);
  }
  PaperState paper;
  auto added = read_int(parts[1]);
  auto updated = read_int(parts[2]);
  auto path = unescape_path(line);
  if (!read_oid(parts[0], paper.blob) || !added || !updated || !path)
    return std::nullopt;
  paper.added = *added;
  paper.updated = *updated;
  return std::make_pair(std::move(*path), paper);
}

}  // namespace

std::string format_history_cache(const std::string& key, const git_oid& head,
                                 const WalkState& state) {
  std::string out = fmt::format(
      "{}\nkey {}\nhead {}\ncontent-time {}\nfiles {}\n", kMagic, key,
      hex(head), state.content_time ? std::to_string(*state.content_time) : "-",
      state.files.size());
  for (const auto& [path, paper] : state.files)
    out += fmt::format("{} {} {} {}\n", hex(paper.blob), paper.added,
                       paper.updated, escape_path(path));
  out += "end\n";
  return out;
}

std::optional<CachedWalk> parse_history_cache(std::string_view text,
                                              const std::string& key,
                                              std::string& why) {
  why = "history cache is corrupt or of another format; walking all commits";
  Lines lines(text);
  if (lines.next() != kMagic)
    return std::nullopt;
  auto cached_key = lines.field("key");
  if (!cached_key)
    return std::nullopt;
  if (*cached_key != key) {
    why = "history cache was made for other settings; walking all commits";
    return std::nullopt;
  }
  CachedWalk cached;
  auto head = lines.field("head");
  if (!head || !read_oid(*head, cached.head))
    return std::nullopt;
  auto content_time = lines.field("content-time");
  if (!content_time)
    return std::nullopt;
  if (*content_time != "-") {
    cached.state.content_time = read_int(*content_time);
    if (!cached.state.content_time)
      return std::nullopt;
  }
  auto count_text = lines.field("files");
  auto count = count_text ? read_int(*count_text) : std::nullopt;
  if (!count || *count < 0)
    return std::nullopt;
  auto& files = cached.state.files;
  for (std::int64_t n = 0; n < *count; ++n) {
    auto line = lines.next();
    auto file = line ? parse_file_line(*line) : std::nullopt;
    if (!file)
      return std::nullopt;
    // Written in map order, so each insertion goes at the end.
    files.emplace_hint(files.end(), std::move(file->first), file->second);
  }
  if (files.size() != static_cast<std::size_t>(*count) ||
      lines.next() != "end" || !lines.done())
    return std::nullopt;
  return cached;
}

}  // namespace papersite
