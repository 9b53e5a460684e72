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

struct git_repository;

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
  // then, with no commit at all or no repository, to the newest
  // modification time of the content folder and its files).
  TimePoint now;
  bool shallow = false;
  // Keyed by path relative to repo_root with '/' separators, for every
  // paper file in HEAD's tree and in the work tree.
  std::map<std::string, FileDates> files;
  // The git files the dates depend on, for the depfile: HEAD, the ref it
  // names, packed-refs, shallow, .git-blame-ignore-revs.
  std::vector<std::filesystem::path> inputs;
  // The git files whose appearance, change or removal can change a date,
  // present or not, for the build record: those of `inputs` and the index
  // (what is staged). A depfile can only name files that exist.
  std::vector<std::filesystem::path> watched;
  // Warnings to print once (e.g. no repository, shallow clone allowed).
  std::vector<std::string> warnings;
  // How the walk went, for -v and the cache tests: first-parent commits
  // read in this run, and whether a cached walk was extended.
  int commits_walked = 0;
  bool cache_used = false;
  // Details for -v (e.g. why the cache was not used).
  std::vector<std::string> notes;

  // Dates for `file` (absolute or relative to repo_root). A file unknown to
  // the walk is uncommitted (or no-repository) and dated at `now`.
  FileDates dates_of(const std::filesystem::path& file) const;
};

// `dates` with the TOML `added` override applied: source kOverride, and
// `updated` raised to `added` when it is older, so added never follows
// updated.
FileDates with_added_override(FileDates dates, TimePoint added);

// Opens the repository containing `dir` (searching upwards) into `*out`
// and returns libgit2's code: 0, GIT_ENOTFOUND when there is none,
// GIT_EOWNER when git refuses it because another user owns it, else
// another negative code. `*out` is the caller's to free.
int open_repository(git_repository** out, const std::filesystem::path& dir);

// The message for a repository libgit2 refused to open (`code` is its
// error code, `detail` its message): for GIT_EOWNER it says why git
// refuses and how to mark the folder safe. Always kEnvironment.
Error repository_open_error(int code, const std::string& detail,
                            const std::filesystem::path& dir);

// The commit ids listed in a `.git-blame-ignore-revs` file, in the format
// git reads: one full hex id per line, `#` starts a comment, blank lines
// are skipped. Any other line is skipped too, and when `skipped` is given
// it gets one "line N: 'text'" for each.
std::vector<std::string> parse_ignore_revs(
    const std::string& text, std::vector<std::string>* skipped = nullptr);

// Walks the history once. Fails with ExitCode::kEnvironment for a shallow
// clone (unless allowed), a repository libgit2 refuses to open, or a
// corrupt object database; a missing repository is not an error.
Result<History> read_history(const HistoryOptions& options);

}  // namespace papersite
