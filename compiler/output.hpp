// Output: writes generated files only when their bytes change, each one
// atomically (temporary file and rename), and the depfile for build tools.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "render.hpp"
#include "result.hpp"

namespace papersite {

// Replaces `file` with `bytes` through a temporary file in the same folder
// and a rename, creating parent folders. Fails with kEnvironment, naming
// the file and the system error.
Status write_file_atomic(const std::filesystem::path& file,
                         std::string_view bytes);

struct WriteReport {
  int written = 0;
  int unchanged = 0;
  std::vector<std::string> written_paths;
};

// Writes each file under `out_dir` whose bytes differ from what is there.
Result<WriteReport> write_outputs(const std::filesystem::path& out_dir,
                                  const std::vector<RenderedFile>& files);

// Make-style depfile: "target: dep dep ...", spaces escaped; deps sorted
// and unique.
Status write_depfile(const std::filesystem::path& depfile,
                     const std::string& target,
                     const std::vector<std::filesystem::path>& deps);

}  // namespace papersite
