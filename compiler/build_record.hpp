// What a successful build read and wrote, kept beside the history cache:
// when none of those files has changed since, and the build runs with the
// same settings, it has nothing to do, as ninja decides for the `site`
// target from the depfile.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "result.hpp"

namespace papersite {

// What the file system says of a file or folder. The change time (ctime)
// is set by the kernel on every change and cannot be set back, so equal
// statuses mean an unchanged file.
struct FileStatus {
  std::string path;  // absolute
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t ctime_ns = 0;
  std::uint64_t inode = 0;
  std::uint64_t device = 0;
  std::uint32_t mode = 0;

  bool operator==(const FileStatus&) const = default;
};

// The status of `path`, not following a final symbolic link; nullopt when
// it does not exist or cannot be read.
std::optional<FileStatus> file_status(const std::filesystem::path& path);

struct BuildRecord {
  std::string settings;  // everything else that decides the pages
  std::string now;       // the reference time, ISO 8601, for the stamp
  std::size_t papers = 0;
  std::size_t topics = 0;
  std::vector<FileStatus> files;  // every input and output
  // What the build warned of, repeated by the builds it lets skip: the
  // content's warnings and the other warnings' messages.
  std::vector<Diagnostic> warnings;
  std::vector<std::string> notices;
};

// The record of a build that started at `started_ns` (nanoseconds since
// the epoch, system clock), read `inputs` and wrote or kept `outputs`;
// `watched` files are recorded too, present or absent (mode 0), so that
// one appearing or going away is a change.
// Nullopt when no record can be trusted: an input missing, or changed at
// or after the start less a margin for the kernel's coarse file clock (it
// may have changed after the build read it), or a path or the settings
// holding a line break or a tab. The warnings are the caller's to add.
std::optional<BuildRecord> record_build(
    std::string settings, std::string now, std::size_t papers,
    std::size_t topics, const std::vector<std::filesystem::path>& inputs,
    const std::vector<std::filesystem::path>& outputs,
    const std::vector<std::filesystem::path>& watched, std::int64_t started_ns);

// True when every file of `record` has its recorded status now.
bool files_unchanged(const BuildRecord& record);

// The record in `file`; nullopt when there is none or it does not parse.
std::optional<BuildRecord> read_build_record(const std::filesystem::path& file);

// Writes `record` to `file` atomically; an I/O error is an
// ExitCode::kEnvironment error naming the file.
Status write_build_record(const std::filesystem::path& file,
                          const BuildRecord& record);

}  // namespace papersite
