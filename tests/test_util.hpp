// Helpers shared by the suites: temporary folders, files, and running the
// real papersite binary.
#pragma once

#include <filesystem>
#include <string>

namespace papersite::test {

// A fresh folder under the system temp dir, removed with its contents.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& rel) const {
    return path_ / rel;
  }

 private:
  std::filesystem::path path_;
};

// Writes `text` to `file`, creating parent folders.
void write_file(const std::filesystem::path& file, const std::string& text);
// The whole file; empty string when missing.
std::string read_file(const std::filesystem::path& file);

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

// Runs `command` through /bin/sh in `cwd`, capturing stdout and stderr.
RunResult run(const std::string& command, const std::filesystem::path& cwd);

// Path of the papersite binary built with the tests.
std::string papersite_binary();
// The repository's source folder (for themes and fixtures).
std::filesystem::path source_dir();

}  // namespace papersite::test
