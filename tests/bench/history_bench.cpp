// Times one history walk (read_history) on its own, without the content
// loader or the renderer: `history_bench CONTENT_DIR [CACHE_FILE]`. Prints
// the files dated, the commits walked, whether the cache was used and the
// seconds taken; run.sh wraps it in /usr/bin/time for peak memory.

#include <chrono>
#include <cstdio>

#include "history.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: history_bench CONTENT_DIR [CACHE_FILE]\n");
    return 2;
  }
  papersite::HistoryOptions options;
  options.content_dir = argv[1];
  if (argc == 3)
    options.cache_file = argv[2];

  auto started = std::chrono::steady_clock::now();
  auto history = papersite::read_history(options);
  std::chrono::duration<double> took =
      std::chrono::steady_clock::now() - started;
  if (!history.ok()) {
    std::fprintf(stderr, "history_bench: %s\n",
                 history.error().message.c_str());
    return 3;
  }
  std::printf("files=%zu commits=%d cache=%s seconds=%.3f\n",
              history->files.size(), history->commits_walked,
              history->cache_used ? "used" : "none", took.count());
  return 0;
}
