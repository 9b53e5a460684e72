// The paper loader and its validation on arbitrary bytes: never crashes,
// and every error it reports names the file. The input is written as one
// paper file of a minimal list in a temporary folder (tmpfs when present).

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "content.hpp"
#include "fuzz_check.hpp"

using papersite::fuzz::check;

namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const char* data, std::size_t size) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(data, static_cast<std::streamsize>(size));
}

// A list with one topic, made once per process.
const fs::path& content_dir() {
  static const fs::path dir = [] {
    fs::path base = fs::exists("/dev/shm") ? fs::path("/dev/shm")
                                           : fs::temp_directory_path();
    fs::path d = base / ("papersite-fuzz-" + std::to_string(::getpid()));
    fs::create_directories(d / "papers" / "pruning");
    std::string site =
        "title = \"t\"\ntagline = \"t\"\n"
        "base_url = \"https://example.org/\"\n"
        "repository = \"https://example.org/r\"\n";
    std::string topics =
        "[[topic]]\nslug = \"pruning\"\ntitle = \"P\"\npage = \"p.md\"\n";
    write(d / "site.toml", site.data(), site.size());
    write(d / "topics.toml", topics.data(), topics.size());
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(content_dir(), ec);
    });
    return d;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const fs::path& dir = content_dir();
  write(dir / "papers" / "pruning" / "x.toml",
        reinterpret_cast<const char*>(data), size);

  papersite::Diagnostics diagnostics;
  papersite::Content content =
      papersite::load_content({dir, {}, {}}, diagnostics);
  for (const papersite::Diagnostic& d : diagnostics.items())
    check(!d.path.empty() && !d.message.empty() && d.line >= 0);
  if (!diagnostics.has_errors())
    check(content.papers.size() == 1);
  return 0;
}
