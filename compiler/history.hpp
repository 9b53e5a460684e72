// History: when each paper file joined the list and when it last changed,
// derived from one first-parent walk of HEAD with libgit2 and cached in the
// build folder.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "result.hpp"
#include "time.hpp"

namespace papersite {

enum class DateSource {
  kGit,           // both dates from the walk
  kOverride,      // `added` from the TOML file (set by the caller)
  kUncommitted,   // untracked, staged or modified: dated at the reference time
  kApproximate,   // at the boundary of a shallow clone
  kNoRepository,  // content is not inside a git repository
};

// "git", "override", "uncommitted", "approximate", "no-repository"
const char* to_string(DateSource source);

struct FileDates {
  TimePoint added;
  TimePoint updated;
  DateSource source = DateSource::kGit;
};

struct HistoryOptions {
  std::filesystem::path content_dir;  // the list's content/ folder
  std::optional<TimePoint> now;       // --now, else SOURCE_DATE_EPOCH
  bool allow_shallow = false;
  std::filesystem::path cache_file;  // empty: no cache
};

struct History {
  bool has_repository = false;
  std::filesystem::path repo_root;  // work tree root (absolute)
  // Reference time: options.now, else the committer time of the newest
  // first-parent commit that changed content/ (falls back to HEAD's time,
  // then to the epoch only when there is no commit at all).
  TimePoint now;
  bool shallow = false;
  // Keyed by path relative to repo_root with '/' separators, for every
  // paper file in HEAD's tree and in the work tree.
  std::map<std::string, FileDates> files;
  // Every git file read, for the depfile (HEAD, the ref it names,
  // packed-refs, .git-blame-ignore-revs, the index).
  std::vector<std::filesystem::path> inputs;
  // Warnings to print once (e.g. no repository, shallow clone allowed).
  std::vector<std::string> warnings;

  // Dates for `file` (absolute or relative to repo_root). A file unknown to
  // the walk is uncommitted (or no-repository) and dated at `now`.
  FileDates dates_of(const std::filesystem::path& file) const;
};

// Walks the history once. Fails with ExitCode::kEnvironment for a shallow
// clone (unless allowed), a repository libgit2 refuses to open, or a
// corrupt object database; a missing repository is not an error.
Result<History> read_history(const HistoryOptions& options);

}  // namespace papersite
