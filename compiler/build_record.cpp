// The record is a text file, one line per file with its status and its
// path last:
//
//   papersite build record 1
//   settings<TAB>...
//   now<TAB>YYYY-MM-DDTHH:MM:SSZ
//   counts<TAB>PAPERS<TAB>TOPICS
//   file<TAB>SIZE<TAB>MTIME<TAB>CTIME<TAB>INODE<TAB>DEVICE<TAB>MODE<TAB>PATH
//   diagnostic<TAB>LINE<TAB>COLUMN<TAB>PATH<TAB>MESSAGE<TAB>SOURCE LINE
//   warning<TAB>MESSAGE
//
// The texts of warnings are escaped (backslash, tab, line breaks).
// Anything unexpected makes it unreadable, and an unreadable record only
// costs a full build.
#include "build_record.hpp"

#include <sys/stat.h>

#include <charconv>
#include <fstream>
#include <sstream>

#include "output.hpp"
#include "strings.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

constexpr const char* kHeader = "papersite build record 1";

// File times come from a clock the kernel advances once per tick (a few
// milliseconds) and may lag the system clock by as much: an input changed
// this close to the start of a build may carry a time from before it.
constexpr std::int64_t kCoarseClockMarginNs = 1'000'000'000;

std::int64_t nanoseconds(const struct timespec& t) {
  return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

bool recordable(std::string_view text) {
  return text.find_first_of("\t\n\r") == std::string_view::npos;
}

template <typename Number>
bool parse_number(std::string_view text, Number& out) {
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

std::string escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::optional<std::string> unescaped(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size())
      return std::nullopt;
    switch (text[i]) {
      case '\\':
        out += '\\';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::optional<Diagnostic> parse_diagnostic_line(
    const std::vector<std::string_view>& parts) {
  Diagnostic d;
  d.severity = Severity::kWarning;
  if (parts.size() != 6 || !parse_number(parts[1], d.line) ||
      !parse_number(parts[2], d.column))
    return std::nullopt;
  auto path = unescaped(parts[3]);
  auto message = unescaped(parts[4]);
  auto source = unescaped(parts[5]);
  if (!path || !message || !source)
    return std::nullopt;
  d.path = std::move(*path);
  d.message = std::move(*message);
  d.source_line = std::move(*source);
  return d;
}

std::optional<FileStatus> parse_file_line(
    const std::vector<std::string_view>& parts) {
  if (parts.size() != 8 || parts[0] != "file" || parts[7].empty())
    return std::nullopt;
  FileStatus s;
  if (!parse_number(parts[1], s.size) || !parse_number(parts[2], s.mtime_ns) ||
      !parse_number(parts[3], s.ctime_ns) || !parse_number(parts[4], s.inode) ||
      !parse_number(parts[5], s.device) || !parse_number(parts[6], s.mode))
    return std::nullopt;
  s.path = std::string(parts[7]);
  return s;
}

}  // namespace

std::optional<FileStatus> file_status(const fs::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0)
    return std::nullopt;
  FileStatus s;
  s.path = path.string();
  s.size = static_cast<std::int64_t>(info.st_size);
  s.mtime_ns = nanoseconds(info.st_mtim);
  s.ctime_ns = nanoseconds(info.st_ctim);
  s.inode = static_cast<std::uint64_t>(info.st_ino);
  s.device = static_cast<std::uint64_t>(info.st_dev);
  s.mode = static_cast<std::uint32_t>(info.st_mode);
  return s;
}

std::optional<BuildRecord> record_build(std::string settings, std::string now,
                                        std::size_t papers, std::size_t topics,
                                        const std::vector<fs::path>& inputs,
                                        const std::vector<fs::path>& outputs,
                                        const std::vector<fs::path>& watched,
                                        std::int64_t started_ns) {
  if (!recordable(settings) || !recordable(now))
    return std::nullopt;
  BuildRecord record;
  record.settings = std::move(settings);
  record.now = std::move(now);
  record.papers = papers;
  record.topics = topics;
  auto recent = [&](const FileStatus& s) {
    return s.ctime_ns >= started_ns - kCoarseClockMarginNs ||
           s.mtime_ns >= started_ns - kCoarseClockMarginNs;
  };
  for (const fs::path& input : inputs) {
    auto status = file_status(input);
    // A link's own status says nothing of what it leads to.
    if (!status || !recordable(status->path) || recent(*status) ||
        S_ISLNK(status->mode))
      return std::nullopt;
    record.files.push_back(std::move(*status));
  }
  for (const fs::path& file : watched) {
    auto status = file_status(file);
    if (!recordable(file.string()) || (status && recent(*status)))
      return std::nullopt;
    record.files.push_back(status ? std::move(*status)
                                  : FileStatus{.path = file.string()});
  }
  // Outputs are written by the build itself, so their times are recent;
  // a page edited by hand afterwards changes its status.
  for (const fs::path& output : outputs) {
    auto status = file_status(output);
    if (!status || !recordable(status->path))
      return std::nullopt;
    record.files.push_back(std::move(*status));
  }
  return record;
}

bool files_unchanged(const BuildRecord& record) {
  for (const FileStatus& recorded : record.files) {
    auto now = file_status(recorded.path);
    bool absent = recorded.mode == 0;
    if (absent ? now.has_value() : !now || !(*now == recorded))
      return false;
  }
  return true;
}

std::optional<BuildRecord> read_build_record(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kHeader)
    return std::nullopt;
  BuildRecord record;
  if (!std::getline(in, line) || !line.starts_with("settings\t"))
    return std::nullopt;
  record.settings = line.substr(9);
  if (!std::getline(in, line) || !line.starts_with("now\t"))
    return std::nullopt;
  record.now = line.substr(4);
  if (!std::getline(in, line))
    return std::nullopt;
  auto counts = split(line, '\t');
  if (counts.size() != 3 || counts[0] != "counts" ||
      !parse_number(counts[1], record.papers) ||
      !parse_number(counts[2], record.topics))
    return std::nullopt;
  while (std::getline(in, line)) {
    auto parts = split(line, '\t');
    if (parts[0] == "diagnostic") {
      auto d = parse_diagnostic_line(parts);
      if (!d)
        return std::nullopt;
      record.warnings.push_back(std::move(*d));
    } else if (parts[0] == "warning") {
      auto message = parts.size() == 2 ? unescaped(parts[1]) : std::nullopt;
      if (!message)
        return std::nullopt;
      record.notices.push_back(std::move(*message));
    } else {
      auto status = parse_file_line(parts);
      if (!status)
        return std::nullopt;
      record.files.push_back(std::move(*status));
    }
  }
  if (in.bad())
    return std::nullopt;
  return record;
}

Status write_build_record(const fs::path& file, const BuildRecord& record) {
  std::ostringstream text;
  text << kHeader << "\nsettings\t" << record.settings << "\nnow\t"
       << record.now << "\ncounts\t" << record.papers << '\t' << record.topics
       << '\n';
  for (const FileStatus& s : record.files)
    text << "file\t" << s.size << '\t' << s.mtime_ns << '\t' << s.ctime_ns
         << '\t' << s.inode << '\t' << s.device << '\t' << s.mode << '\t'
         << s.path << '\n';
  for (const Diagnostic& d : record.warnings)
    text << "diagnostic\t" << d.line << '\t' << d.column << '\t'
         << escaped(d.path) << '\t' << escaped(d.message) << '\t'
         << escaped(d.source_line) << '\n';
  for (const std::string& n : record.notices)
    text << "warning\t" << escaped(n) << '\n';
  return write_file_atomic(file, text.str());
}

}  // namespace papersite
