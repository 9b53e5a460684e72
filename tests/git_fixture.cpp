#include "git_fixture.hpp"

#include <stdexcept>

#include "test_util.hpp"
#include "time.hpp"

namespace papersite::test {

namespace fs = std::filesystem;

namespace {

void check(int rc, const std::string& what) {
  if (rc >= 0)
    return;
  const git_error* e = git_error_last();
  throw std::runtime_error(what + ": " +
                           (e != nullptr ? e->message : "libgit2 error"));
}

git_oid parse_oid(const std::string& hex) {
  git_oid id;
  check(git_oid_fromstr(&id, hex.c_str()), "bad commit id " + hex);
  return id;
}

std::string to_hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

}  // namespace

std::int64_t at(const std::string& iso) {
  auto t = parse_time(iso);
  if (!t)
    throw std::runtime_error("bad time " + iso);
  return t->time_since_epoch().count();
}

GitRepo::GitRepo(const fs::path& dir) : root_(dir) {
  git_libgit2_init();
  fs::create_directories(dir);
  check(git_repository_init(&repo_, dir.c_str(), 0), "git init");
}

GitRepo::~GitRepo() {
  git_repository_free(repo_);
  git_libgit2_shutdown();
}

void GitRepo::write(const std::string& rel, const std::string& text) const {
  write_file(root_ / rel, text);
}

void GitRepo::remove(const std::string& rel) const {
  fs::remove(root_ / rel);
}

void GitRepo::move(const std::string& from, const std::string& to) const {
  fs::create_directories((root_ / to).parent_path());
  fs::rename(root_ / from, root_ / to);
}

void GitRepo::stage_all() const {
  git_index* index = nullptr;
  check(git_repository_index(&index, repo_), "open index");
  char star[] = "*";
  char* paths[] = {star};
  git_strarray spec = {paths, 1};
  int rc =
      git_index_add_all(index, &spec, GIT_INDEX_ADD_DEFAULT, nullptr, nullptr);
  if (rc >= 0)
    rc = git_index_update_all(index, &spec, nullptr, nullptr);
  if (rc >= 0)
    rc = git_index_write(index);
  git_index_free(index);
  check(rc, "stage all");
}

void GitRepo::stage(const std::string& rel) const {
  git_index* index = nullptr;
  check(git_repository_index(&index, repo_), "open index");
  int rc = git_index_add_bypath(index, rel.c_str());
  if (rc >= 0)
    rc = git_index_write(index);
  git_index_free(index);
  check(rc, "stage " + rel);
}

std::string GitRepo::commit(const std::string& message, std::int64_t time,
                            const CommitOptions& options) const {
  stage_all();
  git_index* index = nullptr;
  check(git_repository_index(&index, repo_), "open index");
  git_oid tree_id;
  int rc = git_index_write_tree(&tree_id, index);
  git_index_free(index);
  check(rc, "write tree");
  git_tree* tree = nullptr;
  check(git_tree_lookup(&tree, repo_, &tree_id), "read tree");

  std::vector<std::string> parent_ids;
  if (options.parents) {
    parent_ids = *options.parents;
  } else {
    git_oid head_id;
    if (git_reference_name_to_id(&head_id, repo_, "HEAD") == 0)
      parent_ids.push_back(to_hex(head_id));
  }
  std::vector<git_commit*> parents;
  for (const std::string& hex : parent_ids) {
    git_oid id = parse_oid(hex);
    git_commit* c = nullptr;
    check(git_commit_lookup(&c, repo_, &id), "read parent " + hex);
    parents.push_back(c);
  }

  git_signature* author = nullptr;
  git_signature* committer = nullptr;
  check(git_signature_new(&author, "Test Author", "author@example.invalid",
                          options.author_time.value_or(time), 0),
        "author");
  check(git_signature_new(&committer, "Test Committer",
                          "committer@example.invalid", time, 0),
        "committer");
  git_oid id;
  rc = git_commit_create(&id, repo_, options.move_head ? "HEAD" : nullptr,
                         author, committer, nullptr, message.c_str(), tree,
                         parents.size(),
                         const_cast<const git_commit**>(parents.data()));
  git_signature_free(author);
  git_signature_free(committer);
  for (git_commit* c : parents)
    git_commit_free(c);
  git_tree_free(tree);
  check(rc, "commit " + message);
  return to_hex(id);
}

std::string GitRepo::head() const {
  git_oid id;
  check(git_reference_name_to_id(&id, repo_, "HEAD"), "resolve HEAD");
  return to_hex(id);
}

void GitRepo::reset_hard(const std::string& commit) const {
  git_oid id = parse_oid(commit);
  git_object* target = nullptr;
  check(git_object_lookup(&target, repo_, &id, GIT_OBJECT_COMMIT),
        "read " + commit);
  git_checkout_options checkout;
  git_checkout_options_init(&checkout, GIT_CHECKOUT_OPTIONS_VERSION);
  checkout.checkout_strategy =
      GIT_CHECKOUT_FORCE | GIT_CHECKOUT_REMOVE_UNTRACKED;
  int rc = git_reset(repo_, target, GIT_RESET_HARD, &checkout);
  git_object_free(target);
  check(rc, "reset to " + commit);
}

}  // namespace papersite::test
