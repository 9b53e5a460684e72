// Real git repositories for tests, built with libgit2 so every commit has
// an explicit committer and author time.
#pragma once

#include <git2.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace papersite::test {

// Seconds since the epoch of "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ";
// throws on a malformed time.
std::int64_t at(const std::string& iso);

struct CommitOptions {
  std::optional<std::int64_t> author_time;  // default: the committer time
  // Parent commit ids (hex); default: HEAD when there is one.
  std::optional<std::vector<std::string>> parents;
  bool move_head = true;  // advance HEAD's branch to the new commit
};

// A repository with a work tree at `dir`, created empty. Failures throw
// std::runtime_error with libgit2's message: tests stop at the first one.
class GitRepo {
 public:
  explicit GitRepo(const std::filesystem::path& dir);
  ~GitRepo();
  GitRepo(const GitRepo&) = delete;
  GitRepo& operator=(const GitRepo&) = delete;

  const std::filesystem::path& root() const { return root_; }
  git_repository* raw() const { return repo_; }

  // Work tree edits; `rel` is relative to the work tree root.
  void write(const std::string& rel, const std::string& text) const;
  void remove(const std::string& rel) const;
  void move(const std::string& from, const std::string& to) const;

  // Stages the whole work tree (new, edited and deleted files) into the
  // index; ignored files stay out.
  void stage_all() const;
  // Stages only `rel` (new or edited).
  void stage(const std::string& rel) const;

  // Stages everything and commits it at committer time `time`; returns
  // the new commit's id (hex).
  std::string commit(const std::string& message, std::int64_t time,
                     const CommitOptions& options = {}) const;

  // Id of HEAD (hex).
  std::string head() const;
  // Points HEAD's branch at `commit` and resets index and work tree, as
  // `git reset --hard` does.
  void reset_hard(const std::string& commit) const;

 private:
  std::filesystem::path root_;
  git_repository* repo_ = nullptr;
};

}  // namespace papersite::test
