// Each file is written to a temporary sibling, flushed to disk, then
// renamed over the target: rename is atomic on POSIX, so a reader or a
// killed build sees either the old page or the new one, never a cut one.

#include "output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace papersite {

namespace fs = std::filesystem;

namespace {

Error io_error(const fs::path& file, const std::string& what, int err) {
  return {ExitCode::kEnvironment,
          fmt::format("cannot {} '{}': {}", what, file.string(),
                      std::strerror(err))};
}

bool same_bytes(const fs::path& file, std::string_view bytes) {
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec || size != bytes.size())
    return false;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream existing;
  existing << in.rdbuf();
  return in.good() || in.eof() ? existing.str() == bytes : false;
}

Status write_all(int fd, std::string_view bytes, const fs::path& tmp) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return io_error(tmp, "write", errno);
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return ok_status();
}

// Makes a path-safe make(1) token: spaces, '#' and '$' escaped.
std::string depfile_token(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#')
      out += '\\';
    if (c == '$')
      out += '$';
    out += c;
  }
  return out;
}

constexpr std::string_view kTempMarker = ".papersite-tmp-";

// ".README.md.papersite-tmp-PID-N": hidden, and named for its writer so a
// later build can tell a dead writer's leftover from a live one's file.
fs::path temp_sibling(const fs::path& file, long pid, unsigned n) {
  return file.parent_path() / fmt::format(".{}{}{}-{}",
                                          file.filename().string(), kTempMarker,
                                          pid, n);
}

// Removes temporary files left by builds that were killed before their
// rename; files of a writer that is still running are left alone.
void remove_stale_temps(const fs::path& dir) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    auto marker = name.find(kTempMarker);
    if (name.empty() || name[0] != '.' || marker == std::string::npos)
      continue;
    long pid =
        std::strtol(name.c_str() + marker + kTempMarker.size(), nullptr, 10);
    if (pid <= 0 || (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH))
      fs::remove(entry.path(), ec);
  }
}

}  // namespace

Status write_file_atomic(const fs::path& file, std::string_view bytes) {
  static std::atomic<unsigned> counter{0};
  std::error_code ec;
  if (file.has_parent_path()) {
    fs::create_directories(file.parent_path(), ec);
    if (ec)
      return io_error(file.parent_path(), "create folder", ec.value());
  }
  fs::path tmp = temp_sibling(file, ::getpid(), counter++);

  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0)
    return io_error(tmp, "create", errno);
  Status written = write_all(fd, bytes, tmp);
  if (written.ok() && ::fsync(fd) != 0)
    written = io_error(tmp, "sync", errno);
  if (::close(fd) != 0 && written.ok())
    written = io_error(tmp, "close", errno);
  if (written.ok() && ::rename(tmp.c_str(), file.c_str()) != 0)
    written = io_error(file, "replace", errno);
  if (!written.ok())
    ::unlink(tmp.c_str());
  return written;
}

Result<WriteReport> write_outputs(const fs::path& out_dir,
                                  const std::vector<RenderedFile>& files) {
  WriteReport report;
  // Checked before anything is written: a folder where a page goes would
  // fail its write half-way through the set, and a symbolic link below
  // --out (one a pull request committed, say) would lead the pages out.
  for (const RenderedFile& f : files) {
    fs::path target = out_dir;
    std::error_code ec;
    for (const fs::path& part : fs::path(f.path)) {
      target /= part;
      if (fs::is_symlink(fs::symlink_status(target, ec)))
        return Error{ExitCode::kEnvironment,
                     fmt::format("cannot write '{}': '{}' is a symbolic link; "
                                 "pages are written into real folders only",
                                 (out_dir / f.path).string(), target.string())};
    }
    if (fs::is_directory(fs::symlink_status(target, ec)))
      return Error{ExitCode::kEnvironment,
                   fmt::format("cannot write '{}': a folder of that name is "
                               "in the way; move it or rename the page",
                               target.string())};
  }
  std::vector<fs::path> folders;
  for (const RenderedFile& f : files) {
    fs::path target = out_dir / fs::path(f.path);
    // Every output folder, written to or not: a killed build's leftover
    // may sit beside pages that have not changed since.
    folders.push_back(target.parent_path());
    if (same_bytes(target, f.bytes)) {
      ++report.unchanged;
      continue;
    }
    Status s = write_file_atomic(target, f.bytes);
    if (!s.ok())
      return s.error();
    ++report.written;
    report.written_paths.push_back(f.path);
  }
  std::sort(folders.begin(), folders.end());
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  for (const fs::path& folder : folders)
    remove_stale_temps(folder);
  return report;
}

Status write_depfile(const fs::path& depfile, const std::string& target,
                     const std::vector<fs::path>& deps) {
  std::vector<std::string> names;
  names.reserve(deps.size());
  for (const fs::path& d : deps)
    names.push_back(d.generic_string());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());

  std::string text = depfile_token(target) + ":";
  for (const std::string& n : names)
    text += " \\\n  " + depfile_token(n);
  text += "\n";
  return write_file_atomic(depfile, text);
}

}  // namespace papersite
