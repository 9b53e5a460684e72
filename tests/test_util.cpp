#include "test_util.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace papersite::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string pattern =
      (fs::temp_directory_path() / "papersite-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed");
  path_ = fs::canonical(pattern);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

void write_file(const fs::path& file, const std::string& text) {
  if (file.has_parent_path())
    fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RunResult run(const std::string& command, const fs::path& cwd) {
  TempDir capture;
  fs::path out = capture / "out";
  fs::path err = capture / "err";
  std::string full = "cd '" + cwd.string() + "' && " + command + " >'" +
                     out.string() + "' 2>'" + err.string() + "'";
  int status = std::system(full.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

std::string papersite_binary() {
  return PAPERSITE_BINARY;
}
fs::path source_dir() {
  return PAPERSITE_SOURCE_DIR;
}

}  // namespace papersite::test
