#include "history.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "git_fixture.hpp"
#include "test_util.hpp"

using namespace papersite;
using papersite::test::at;
using papersite::test::GitRepo;
using papersite::test::TempDir;
namespace fs = std::filesystem;

namespace {

// A paper file with enough distinct lines for the rename score.
std::string paper(const std::string& name) {
  return "title = \"" + name + ": a study\"\n" + "authors = [\"A. " + name +
         "\", \"B. Writer\"]\n" + "paper = \"https://arxiv.org/abs/" + name +
         "\"\n" + "code = \"https://github.com/example/" + name + "\"\n" +
         "venue = \"NeurIPS'23\"\n" + "tags = [\"Structural\"]\n";
}

History walk(const GitRepo& repo, HistoryOptions options = {}) {
  if (options.content_dir.empty())
    options.content_dir = repo.root() / "content";
  auto h = read_history(options);
  BOOST_REQUIRE_MESSAGE(h.ok(), (h.ok() ? std::string() : h.error().message));
  return std::move(*h);
}

// "ADDED UPDATED SOURCE" of a file, or "missing".
std::string dates(const History& h, const std::string& rel) {
  auto found = h.files.find(rel);
  if (found == h.files.end())
    return "missing";
  const FileDates& d = found->second;
  return format_iso(d.added) + " " + format_iso(d.updated) + " " +
         to_string(d.source);
}

// The rules that hold for every file: no 1970, added not after updated.
void check_sane(const History& h) {
  for (const auto& [path, d] : h.files) {
    BOOST_TEST_CONTEXT(path) {
      BOOST_TEST(d.added.time_since_epoch().count() > 0);
      BOOST_TEST((d.added <= d.updated));
    }
  }
}

const std::string kA = "content/papers/pruning/a.toml";
const std::string kB = "content/papers/pruning/b.toml";

}  // namespace

BOOST_AUTO_TEST_SUITE(history)

BOOST_AUTO_TEST_CASE(added_is_the_commit_that_created_the_file) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kB, paper("b"));
  repo.commit("add b", at("2024-01-02T10:00:00Z"));
  repo.write(kA, paper("a") + "summary = \"x\"\n");
  repo.commit("edit a", at("2024-01-03T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(h.has_repository);
  BOOST_TEST(dates(h, kA) == "2024-01-01T10:00:00Z 2024-01-03T10:00:00Z git");
  BOOST_TEST(dates(h, kB) == "2024-01-02T10:00:00Z 2024-01-02T10:00:00Z git");
  BOOST_TEST(h.files.size() == 2u);
  BOOST_TEST(h.commits_walked == 3);
  check_sane(h);
}

BOOST_AUTO_TEST_CASE(pull_request_merge_dates_the_paper_at_the_merge) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  std::string base = repo.commit("add a", at("2024-01-01T10:00:00Z"));
  // The contributor's branch: commit b on top of base.
  repo.write(kB, paper("b"));
  std::string branch = repo.commit("add b", at("2024-01-05T10:00:00Z"),
                                   {std::nullopt, {{base}}, false});
  // Meanwhile main moves on without b.
  repo.remove(kB);
  repo.write("content/papers/pruning/c.toml", paper("c"));
  std::string main = repo.commit("add c", at("2024-01-07T10:00:00Z"));
  // The merge commit brings b into main.
  repo.write(kB, paper("b"));
  repo.commit("Merge pull request #1", at("2024-01-09T10:00:00Z"),
              {std::nullopt, {{main, branch}}, true});

  History h = walk(repo);
  BOOST_TEST(dates(h, kB) == "2024-01-09T10:00:00Z 2024-01-09T10:00:00Z git");
  BOOST_TEST(dates(h, "content/papers/pruning/c.toml") ==
             "2024-01-07T10:00:00Z 2024-01-07T10:00:00Z git");
  BOOST_TEST(h.commits_walked == 3);
}

// The case the README documents: main merged into a branch that then
// replaces main. Main's own commit b is off the first-parent line, so b is
// dated by the merge.
BOOST_AUTO_TEST_CASE(main_as_second_parent_dates_its_papers_at_the_merge) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  std::string base = repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kB, paper("b"));
  std::string main = repo.commit("add b on main", at("2024-01-02T10:00:00Z"));
  repo.remove(kB);
  repo.write("content/papers/pruning/c.toml", paper("c"));
  std::string feature =
      repo.commit("add c on a branch", at("2024-01-03T10:00:00Z"),
                  {std::nullopt, {{base}}, false});
  repo.write(kB, paper("b"));
  // Pushed to main as a fast-forward: main now points at the merge.
  repo.reset_hard(repo.commit("merge main into the branch",
                              at("2024-01-04T10:00:00Z"),
                              {std::nullopt, {{feature, main}}, false}));

  History h = walk(repo);
  BOOST_TEST(dates(h, kB) == "2024-01-04T10:00:00Z 2024-01-04T10:00:00Z git");
  BOOST_TEST(dates(h, "content/papers/pruning/c.toml") ==
             "2024-01-03T10:00:00Z 2024-01-03T10:00:00Z git");
}

BOOST_AUTO_TEST_CASE(rebase_merge_dates_by_committer_not_author_time) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kB, paper("b"));
  repo.commit("add b (rebased)", at("2024-03-01T10:00:00Z"),
              {at("2024-02-01T10:00:00Z"), std::nullopt, true});

  History h = walk(repo);
  BOOST_TEST(dates(h, kB) == "2024-03-01T10:00:00Z 2024-03-01T10:00:00Z git");
}

BOOST_AUTO_TEST_CASE(move_to_another_topic_keeps_both_dates) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.move(kA, "content/papers/quantization/a.toml");
  repo.commit("move a", at("2024-02-01T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(dates(h, "content/papers/quantization/a.toml") ==
             "2024-01-01T10:00:00Z 2024-01-01T10:00:00Z git");
  BOOST_TEST(dates(h, kA) == "missing");
}

BOOST_AUTO_TEST_CASE(move_with_an_edit_keeps_added_and_counts_as_update) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.remove(kA);
  repo.write("content/papers/quantization/a-renamed.toml",
             paper("a") + "summary = \"moved and described\"\n");
  repo.commit("move and edit a", at("2024-02-01T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(dates(h, "content/papers/quantization/a-renamed.toml") ==
             "2024-01-01T10:00:00Z 2024-02-01T10:00:00Z git");
}

// Files made from the same skeleton share most of their lines: another
// paper put in place of a deleted one scores as a rename, but is new.
BOOST_AUTO_TEST_CASE(another_paper_in_place_of_a_deleted_one_is_new) {
  std::string skeleton;
  for (int i = 1; i <= 12; ++i)
    skeleton += "# skeleton comment line " + std::to_string(i) + "\n";
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, skeleton + paper("2401.00001"));
  std::string moved = skeleton + paper("2401.00003");
  repo.write("content/papers/pruning/c.toml", moved);
  repo.commit("add a and c", at("2024-01-01T10:00:00Z"));
  repo.remove(kA);
  repo.write(kB, skeleton + paper("2402.00002"));
  // The same paper, moved with a pdf link for its abs link: still a move.
  repo.remove("content/papers/pruning/c.toml");
  std::string as_pdf = moved;
  as_pdf.replace(as_pdf.find("/abs/2401.00003"), 15, "/pdf/2401.00003");
  repo.write("content/papers/quantization/c.toml", as_pdf);
  repo.commit("replace a by b, move c", at("2024-02-01T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(dates(h, kB) == "2024-02-01T10:00:00Z 2024-02-01T10:00:00Z git");
  BOOST_TEST(dates(h, "content/papers/quantization/c.toml") ==
             "2024-01-01T10:00:00Z 2024-02-01T10:00:00Z git");
}

BOOST_AUTO_TEST_CASE(copy_of_an_existing_paper_is_a_new_paper) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kB, paper("a"));
  repo.commit("copy a to b", at("2024-02-01T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(dates(h, kA) == "2024-01-01T10:00:00Z 2024-01-01T10:00:00Z git");
  BOOST_TEST(dates(h, kB) == "2024-02-01T10:00:00Z 2024-02-01T10:00:00Z git");
}

BOOST_AUTO_TEST_CASE(deleted_and_readded_paper_is_dated_by_the_readd) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.write(kB, paper("b"));
  repo.commit("add a and b", at("2024-01-01T10:00:00Z"));
  repo.remove(kA);
  repo.commit("drop a", at("2024-02-01T10:00:00Z"));
  repo.write(kA, paper("a"));
  repo.commit("bring a back", at("2024-03-01T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(dates(h, kA) == "2024-03-01T10:00:00Z 2024-03-01T10:00:00Z git");
}

BOOST_AUTO_TEST_CASE(commit_moving_many_edited_files_pairs_every_one) {
  TempDir dir;
  GitRepo repo(dir.path());
  const int kCount = 300;  // 90,000 pairs: the candidate index path
  for (int i = 0; i < kCount; ++i) {
    std::string n = fmt::format("p{}", i);
    repo.write("content/papers/old/" + n + ".toml", paper(n));
  }
  repo.commit("add all", at("2024-01-01T10:00:00Z"));
  for (int i = 0; i < kCount; ++i) {
    std::string n = std::to_string(i);
    repo.remove("content/papers/old/p" + n + ".toml");
    repo.write("content/papers/new/renamed-" + n + ".toml",
               paper("p" + n) + "recommended = true\n");
  }
  repo.commit("split topic, rename and mark all", at("2024-02-01T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(h.files.size() == static_cast<std::size_t>(kCount));
  int kept = 0;
  for (const auto& [path, d] : h.files)
    kept += format_iso(d.added) == "2024-01-01T10:00:00Z" &&
                    format_iso(d.updated) == "2024-02-01T10:00:00Z"
                ? 1
                : 0;
  BOOST_TEST(kept == kCount);
}

BOOST_AUTO_TEST_CASE(commit_listed_in_blame_ignore_revs_is_no_update) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kA, paper("a") + "summary = \"real edit\"\n");
  repo.commit("edit a", at("2024-02-01T10:00:00Z"));
  repo.write(kA, paper("a") + "summary  =  \"real edit\"\n");
  std::string reformat = repo.commit("reformat", at("2024-03-01T10:00:00Z"));
  repo.write(".git-blame-ignore-revs",
             "# formatting only\n" + reformat + "  # reformat\n");
  repo.commit("ignore the reformat", at("2024-03-02T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(dates(h, kA) == "2024-01-01T10:00:00Z 2024-02-01T10:00:00Z git");
}

BOOST_AUTO_TEST_CASE(parse_ignore_revs_reads_git_format) {
  std::string id = "0123456789abcdef0123456789ABCDEF01234567";
  std::vector<std::string> skipped;
  auto revs = parse_ignore_revs(
      "# comment\n\n" + id + " # why\nnot-a-hash\n  deadbeef\n", &skipped);
  BOOST_REQUIRE(revs.size() == 1u);
  BOOST_TEST(revs[0] == "0123456789abcdef0123456789abcdef01234567");
  // A short id pasted from git log was dropped without a word.
  BOOST_TEST(skipped == (std::vector<std::string>{"line 4: 'not-a-hash'",
                                                  "line 5: 'deadbeef'"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(non_ascii_file_name_is_dated) {
  TempDir dir;
  GitRepo repo(dir.path());
  std::string name =
      "content/papers/pruning/\xc3\xa9t\xc3\xa9-\xe6\xa8\xa1\xe5\x9e\x8b.toml";
  repo.write(name, paper("ete"));
  repo.commit("add", at("2024-01-01T10:00:00Z"));
  repo.move(name, "content/papers/quantization/\xc3\xa9t\xc3\xa9.toml");
  repo.commit("move", at("2024-01-02T10:00:00Z"));

  History h = walk(repo);
  BOOST_TEST(dates(h, "content/papers/quantization/\xc3\xa9t\xc3\xa9.toml") ==
             "2024-01-01T10:00:00Z 2024-01-01T10:00:00Z git");
  BOOST_TEST(h.files.size() == 1u);
}

BOOST_AUTO_TEST_CASE(staged_modified_and_untracked_files_are_uncommitted) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.write(kB, paper("b"));
  repo.write("content/site.toml", "title = \"x\"\n");
  repo.commit("add", at("2024-01-01T10:00:00Z"));
  repo.write(kA, paper("a") + "summary = \"unsaved\"\n");  // modified
  repo.write("content/papers/pruning/staged.toml", paper("s"));
  repo.stage("content/papers/pruning/staged.toml");
  repo.write("content/papers/new-topic/untracked.toml", paper("u"));

  History h = walk(repo);
  // Reference time: the last commit that changed content/.
  BOOST_TEST(format_iso(h.now) == "2024-01-01T10:00:00Z");
  std::string now = "2024-01-01T10:00:00Z 2024-01-01T10:00:00Z uncommitted";
  BOOST_TEST(dates(h, kA) == now);
  BOOST_TEST(dates(h, "content/papers/pruning/staged.toml") == now);
  BOOST_TEST(dates(h, "content/papers/new-topic/untracked.toml") == now);
  BOOST_TEST(dates(h, kB) == "2024-01-01T10:00:00Z 2024-01-01T10:00:00Z git");
  FileDates unknown = h.dates_of(repo.root() / "content/papers/x/none.toml");
  BOOST_TEST((unknown.source == DateSource::kUncommitted));
  FileDates b = h.dates_of(repo.root() / kB);
  BOOST_TEST((b.source == DateSource::kGit));
}

BOOST_AUTO_TEST_CASE(reference_time_is_the_last_commit_changing_content) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write("content/site.toml", "title = \"x\"\n");
  repo.commit("site", at("2024-01-05T10:00:00Z"));
  repo.write("README.md", "generated\n");
  repo.commit("regenerate pages", at("2024-01-09T10:00:00Z"));

  BOOST_TEST(format_iso(walk(repo).now) == "2024-01-05T10:00:00Z");
  HistoryOptions fixed;
  fixed.now = parse_time("2030-01-01");
  BOOST_TEST(format_iso(walk(repo, fixed).now) == "2030-01-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(content_folder_deep_inside_the_repository) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write("lists/mine/content/papers/t/a.toml", paper("a"));
  repo.commit("add", at("2024-01-01T10:00:00Z"));
  repo.write(kA, paper("other list"));
  repo.commit("another list", at("2024-01-02T10:00:00Z"));

  HistoryOptions options;
  options.content_dir = repo.root() / "lists/mine/content";
  History h = walk(repo, options);
  BOOST_TEST(dates(h, "lists/mine/content/papers/t/a.toml") ==
             "2024-01-01T10:00:00Z 2024-01-01T10:00:00Z git");
  BOOST_TEST(h.files.size() == 1u);
  BOOST_TEST(format_iso(h.now) == "2024-01-01T10:00:00Z");
}

BOOST_AUTO_TEST_CASE(added_override_raises_an_older_updated) {
  FileDates git{*parse_time("2024-01-01"), *parse_time("2024-02-01"),
                DateSource::kGit};
  FileDates later = with_added_override(git, *parse_time("2024-03-01"));
  BOOST_TEST(format_iso(later.added) == "2024-03-01T00:00:00Z");
  BOOST_TEST(format_iso(later.updated) == "2024-03-01T00:00:00Z");
  BOOST_TEST((later.source == DateSource::kOverride));
  FileDates earlier = with_added_override(git, *parse_time("2023-01-01"));
  BOOST_TEST(format_iso(earlier.updated) == "2024-02-01T00:00:00Z");
}

BOOST_AUTO_TEST_CASE(inputs_name_the_git_files_a_build_depends_on) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.write(".git-blame-ignore-revs", "\n");
  repo.commit("add", at("2024-01-01T10:00:00Z"));

  History h = walk(repo);
  std::vector<std::string> names;
  for (const fs::path& p : h.inputs)
    names.push_back(p.lexically_relative(repo.root()).generic_string());
  std::vector<std::string> expected = {".git-blame-ignore-revs", ".git/HEAD",
                                       ".git/refs/heads/master"};
  // The default branch name depends on libgit2's configuration.
  for (std::string& n : names)
    if (n.rfind(".git/refs/heads/", 0) == 0)
      n = ".git/refs/heads/master";
  std::sort(names.begin(), names.end());
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

// After git gc or pack-refs the branch lives in packed-refs only; the next
// commit writes its file into refs/heads/, so that folder is an input.
BOOST_AUTO_TEST_CASE(inputs_of_a_packed_branch_name_its_folder) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  repo.commit("add", at("2024-01-01T10:00:00Z"));
  auto packed = papersite::test::run("git pack-refs --all", repo.root());
  BOOST_TEST_REQUIRE(packed.exit_code == 0, packed.err);

  History h = walk(repo);
  std::vector<std::string> names;
  for (const fs::path& p : h.inputs)
    names.push_back(p.lexically_relative(repo.root()).generic_string());
  std::vector<std::string> expected = {".git/HEAD", ".git/packed-refs",
                                       ".git/refs/heads"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_repository_warns_and_dates_at_the_reference_time) {
  TempDir dir;
  papersite::test::write_file(dir / "content/papers/t/a.toml", paper("a"));
  HistoryOptions options;
  options.content_dir = dir / "content";
  options.now = parse_time("2024-06-01");
  auto h = read_history(options);
  BOOST_REQUIRE(h.ok());
  BOOST_TEST(!h->has_repository);
  BOOST_TEST(dates(*h, "content/papers/t/a.toml") ==
             "2024-06-01T00:00:00Z 2024-06-01T00:00:00Z no-repository");
  BOOST_REQUIRE(h->warnings.size() == 1u);
  BOOST_TEST(h->warnings[0].find("not inside a git repository") !=
             std::string::npos);

  // Without --now the newest file time stands in, never 1970.
  options.now.reset();
  auto guessed = read_history(options);
  BOOST_REQUIRE(guessed.ok());
  BOOST_TEST(guessed->now.time_since_epoch().count() > 0);
}

BOOST_AUTO_TEST_CASE(repository_without_commits_dates_files_uncommitted) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write(kA, paper("a"));
  History h = walk(repo);
  BOOST_TEST(h.now.time_since_epoch().count() > 0);
  BOOST_TEST(dates(h, kA).find("uncommitted") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(owner_refusal_says_why_and_what_to_do) {
  Error e = repository_open_error(GIT_EOWNER, "repository path is not owned",
                                  "/srv/list/content");
  BOOST_TEST(static_cast<int>(e.kind) == 3);
  BOOST_TEST(e.message ==
             "git refuses to read the repository containing "
             "'/srv/list/content' because it belongs to another user; if you "
             "trust it, run 'git config --global --add safe.directory <its "
             "work tree>' or run papersite as its owner");
  Error other = repository_open_error(-1, "broken", "/srv/x");
  BOOST_TEST(other.message ==
             "cannot open the git repository containing '/srv/x': broken");
}

// libgit2 1.5 answers GIT_ENOTFOUND here, which once made the build date
// every paper at the reference time as if there were no repository.
BOOST_AUTO_TEST_CASE(repository_of_another_user_is_refused_with_the_reason) {
  if (geteuid() != 0) {
    BOOST_TEST_MESSAGE("not root: cannot give the repository to another user");
    return;
  }
  TempDir dir;
  GitRepo repo(dir / "list");
  repo.write(kA, paper("a"));
  repo.commit("add", at("2024-01-01T10:00:00Z"));
  const uid_t kNobody = 65534;
  BOOST_REQUIRE(lchown(repo.root().c_str(), kNobody, kNobody) == 0);
  for (const auto& entry : fs::recursive_directory_iterator(repo.root()))
    BOOST_REQUIRE(lchown(entry.path().c_str(), kNobody, kNobody) == 0);

  HistoryOptions options;
  options.content_dir = repo.root() / "content";
  auto h = read_history(options);
  BOOST_REQUIRE(!h.ok());
  BOOST_TEST(static_cast<int>(h.error().kind) == 3);
  BOOST_TEST(h.error().message.find("because it belongs to another user") !=
                 std::string::npos,
             h.error().message);
}

BOOST_AUTO_TEST_CASE(shallow_clone_fails_unless_allowed) {
  TempDir dir;
  GitRepo repo(dir / "origin");
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kB, paper("b"));
  repo.commit("add b", at("2024-02-01T10:00:00Z"));
  repo.write("content/papers/pruning/c.toml", paper("c"));
  repo.commit("add c", at("2024-03-01T10:00:00Z"));
  auto cloned = papersite::test::run(
      "git clone -q --depth 2 file://" + (dir / "origin").string() + " clone",
      dir.path());
  BOOST_REQUIRE_MESSAGE(cloned.exit_code == 0, cloned.err);

  HistoryOptions options;
  options.content_dir = dir / "clone/content";
  auto refused = read_history(options);
  BOOST_REQUIRE(!refused.ok());
  BOOST_TEST(static_cast<int>(refused.error().kind) == 3);
  BOOST_TEST(refused.error().message.find("git fetch --unshallow") !=
             std::string::npos);
  BOOST_TEST(refused.error().message.find("fetch-depth: 0") !=
             std::string::npos);

  options.allow_shallow = true;
  auto h = read_history(options);
  BOOST_REQUIRE_MESSAGE(h.ok(), (h.ok() ? std::string() : h.error().message));
  BOOST_TEST(h->shallow);
  // The boundary commit (b) shows a and b as added there: approximate.
  BOOST_TEST(dates(*h, kA) ==
             "2024-02-01T10:00:00Z 2024-02-01T10:00:00Z approximate");
  BOOST_TEST(dates(*h, kB) ==
             "2024-02-01T10:00:00Z 2024-02-01T10:00:00Z approximate");
  BOOST_TEST(dates(*h, "content/papers/pruning/c.toml") ==
             "2024-03-01T10:00:00Z 2024-03-01T10:00:00Z git");
  BOOST_REQUIRE(h->warnings.size() == 1u);
  BOOST_TEST(h->warnings[0].find("2 paper(s)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
