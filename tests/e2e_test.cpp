// End to end: a small list copied into a temporary git repository with
// fixed commit times, built by the real papersite binary, compared with
// pages reviewed by hand in tests/data/e2e/expected/.

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

#include "test_util.hpp"

namespace fs = std::filesystem;
using papersite::test::read_file;
using papersite::test::run;
using papersite::test::RunResult;
using papersite::test::TempDir;
using papersite::test::write_file;

namespace {

const char* const kPages[] = {"README.md",
                              "pruning.md",
                              "quantization.md",
                              "survey.md",
                              "feed.xml",
                              "feeds/pruning.xml",
                              "feeds/quantization.xml",
                              "feeds/survey.xml"};

std::string git_env(const char* when) {
  return std::string("GIT_AUTHOR_DATE=") + when +
         " GIT_COMMITTER_DATE=" + when +
         " git -c user.name=tester -c user.email=tester@example.invalid "
         "-c commit.gpgsign=false ";
}

// A repository holding the e2e list, committed at a fixed time.
struct ListRepo {
  TempDir dir;

  ListRepo() {
    fs::copy(papersite::test::source_dir() / "tests/data/e2e/content",
             dir / "content", fs::copy_options::recursive);
    shell("git init -q -b main .");
    commit("2024-06-01T10:00:00Z", "Add the list");
  }

  // Runs a shell command in the repository; it must succeed.
  void shell(const std::string& command) const {
    RunResult r = run(command, dir.path());
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  }

  void commit(const char* when, const std::string& message) {
    shell("git add -A && " + git_env(when) + "commit -q -m '" + message + "'");
  }

  RunResult build(const std::string& extra = "") const {
    return run(
        papersite::test::papersite_binary() +
            " build --content content --theme '" +
            (papersite::test::source_dir() / "themes/markdown").string() +
            "' --out . " + extra,
        dir.path());
  }
};

std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> pages;
  for (const char* page : kPages)
    pages[page] = read_file(root / page);
  return pages;
}

// GUID → pubDate of every item of `feed`, as feedparser reads them.
std::map<std::string, std::string> feed_dates(const fs::path& feed) {
  std::string script =
      (papersite::test::source_dir() / "tests/feed/read_feed.py").string();
  RunResult read =
      run("/usr/bin/python3 '" + script + "' '" + feed.string() + "'",
          feed.parent_path());
  BOOST_TEST_REQUIRE(read.exit_code == 0, read.err);
  std::map<std::string, std::string> dates;
  std::istringstream lines(read.out);
  std::string guid;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("  guid: "))
      guid = line.substr(8);
    else if (line.starts_with("  pubDate: "))
      dates[guid] = line.substr(11);
  }
  return dates;
}

// The markdown theme copied into repo/theme, with the output whose path is
// `from` writing to `to` instead.
void theme_writing_to(const ListRepo& repo, const std::string& from,
                      const std::string& to) {
  fs::path theme = repo.dir / "theme";
  fs::copy(papersite::test::source_dir() / "themes/markdown", theme,
           fs::copy_options::recursive);
  std::string toml = read_file(theme / "theme.toml");
  std::string line = "path = \"" + from + "\"";
  auto at = toml.find(line);
  BOOST_TEST_REQUIRE(at != std::string::npos);
  toml.replace(at, line.size(), "path = \"" + to + "\"");
  write_file(theme / "theme.toml", toml);
}

// A build does not record files that changed within a second of its start
// (the file clock is coarse): a list just written is left to age first.
void let_files_age() {
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
}

const std::string kCache = "--cache build/history";
constexpr auto kNpos = std::string::npos;

}  // namespace

BOOST_AUTO_TEST_SUITE(e2e)

BOOST_AUTO_TEST_CASE(pages_match_the_reviewed_expected_files) {
  ListRepo repo;
  RunResult r = repo.build();
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  fs::path expected = papersite::test::source_dir() / "tests/data/e2e/expected";
  for (const char* page : kPages)
    BOOST_TEST(read_file(repo.dir / page) == read_file(expected / page),
               "page " << page << " differs from tests/data/e2e/expected");
}

BOOST_AUTO_TEST_CASE(second_build_rewrites_nothing) {
  ListRepo repo;
  BOOST_TEST_REQUIRE(repo.build().exit_code == 0);
  struct stat before {};
  ::stat((repo.dir / "README.md").c_str(), &before);
  RunResult again = repo.build("-v");
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.err.find("0 files written") != std::string::npos, again.err);
  struct stat after {};
  ::stat((repo.dir / "README.md").c_str(), &after);
  BOOST_TEST(before.st_ino == after.st_ino);
}

BOOST_AUTO_TEST_CASE(a_build_with_nothing_changed_is_skipped) {
  ListRepo repo;
  let_files_age();
  RunResult first = repo.build(kCache);
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  BOOST_TEST(first.err.find("8 files written") != kNpos, first.err);
  BOOST_TEST(fs::exists(repo.dir / "build/history.build"));
  auto pages = snapshot(repo.dir.path());
  struct stat before {};
  ::stat((repo.dir / "README.md").c_str(), &before);

  RunResult again = repo.build(kCache);
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.err.find("up to date, 0 files written") != kNpos, again.err);
  struct stat after {};
  ::stat((repo.dir / "README.md").c_str(), &after);
  BOOST_TEST(before.st_ino == after.st_ino);
  BOOST_TEST(before.st_mtim.tv_nsec == after.st_mtim.tv_nsec);

  // A page edited by hand is rendered again, then the list is up to date.
  write_file(repo.dir / "README.md", "edited\n");
  RunResult restored = repo.build(kCache);
  BOOST_TEST(restored.err.find("1 files written") != kNpos, restored.err);
  BOOST_TEST(read_file(repo.dir / "README.md") == pages["README.md"]);
  BOOST_TEST(repo.build(kCache).err.find("up to date") != kNpos);

  // Other settings are another build.
  RunResult other = repo.build(kCache + " --now 2024-07-01");
  BOOST_TEST(other.err.find("up to date") == kNpos, other.err);
}

BOOST_AUTO_TEST_CASE(an_edit_a_new_paper_or_a_commit_is_never_skipped) {
  ListRepo repo;
  let_files_age();
  BOOST_TEST_REQUIRE(repo.build(kCache).exit_code == 0);

  // At once, and of the same size: only the file's change time differs.
  fs::path paper = repo.dir / "content/papers/pruning/old-prune.toml";
  std::string text = read_file(paper);
  text.replace(text.find("Older"), 5, "Elder");
  write_file(paper, text);
  RunResult edited = repo.build(kCache);
  BOOST_TEST_REQUIRE(edited.exit_code == 0, edited.err);
  BOOST_TEST(edited.err.find("up to date") == kNpos, edited.err);
  BOOST_TEST(read_file(repo.dir / "pruning.md").find("An Elder Pruning") !=
             kNpos);

  write_file(repo.dir / "content/papers/survey/big-survey.toml",
             "title = \"A Big Survey\"\nauthors = [\"Fay Person\"]\n"
             "paper = \"https://arxiv.org/abs/2406.00003\"\n");
  RunResult added = repo.build(kCache);
  BOOST_TEST(added.err.find("up to date") == kNpos, added.err);
  BOOST_TEST(read_file(repo.dir / "survey.md").find("A Big Survey") != kNpos);

  repo.commit("2024-06-20T08:30:00Z", "Add a survey");
  let_files_age();
  RunResult committed = repo.build(kCache);
  BOOST_TEST(committed.err.find("up to date") == kNpos, committed.err);
  BOOST_TEST(read_file(repo.dir / "feed.xml")
                 .find("Thu, 20 Jun 2024 08:30:00 +0000") != kNpos);
  BOOST_TEST(repo.build(kCache).err.find("up to date") != kNpos);

  // A build that fails takes the record with it.
  write_file(repo.dir / "content/papers/pruning/bad.toml", "title = 1\n");
  BOOST_TEST(repo.build(kCache).exit_code == 1);
  BOOST_TEST(!fs::exists(repo.dir / "build/history.build"));
}

// Dates that change with no paper file touched: what is staged, a file of
// ignored commits appearing, HEAD pointing elsewhere.
BOOST_AUTO_TEST_CASE(git_changes_outside_the_content_are_never_skipped) {
  ListRepo repo;
  let_files_age();
  auto up_to_date = [&] {
    RunResult r = repo.build(kCache);
    BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
    return r.err.find("up to date") != kNpos;
  };
  BOOST_TEST(!up_to_date());
  BOOST_TEST(up_to_date());

  repo.shell("git rm -q --cached content/papers/pruning/old-prune.toml");
  BOOST_TEST(!up_to_date());
  repo.shell("git add -A");
  let_files_age();
  BOOST_TEST(!up_to_date());
  BOOST_TEST(up_to_date());

  std::string head = run("git rev-parse HEAD", repo.dir.path()).out;
  write_file(repo.dir / ".git-blame-ignore-revs", head);
  BOOST_TEST(!up_to_date());

  repo.shell("git checkout -q --detach");
  let_files_age();
  BOOST_TEST(!up_to_date());

  repo.shell("git config core.fileMode false");
  BOOST_TEST(!up_to_date());

  // A branch that aliases another: moving the other changes the dates.
  repo.shell(
      "git checkout -q main && "
      "git symbolic-ref refs/heads/master refs/heads/main && "
      "git symbolic-ref HEAD refs/heads/master");
  repo.commit("2024-06-03T08:00:00Z", "Ignore a commit");
  let_files_age();
  BOOST_TEST(!up_to_date());
  BOOST_TEST(up_to_date());
  repo.shell("git update-ref refs/heads/main HEAD~1");
  BOOST_TEST(!up_to_date());

  // A shallow clone's marker appearing: the build refuses it again.
  let_files_age();
  BOOST_TEST(!up_to_date());
  write_file(repo.dir / ".git/shallow", head);
  RunResult shallow = repo.build(kCache);
  BOOST_TEST(shallow.exit_code == 3, shallow.err);
}

BOOST_AUTO_TEST_CASE(a_skipped_build_repeats_the_warnings) {
  ListRepo repo;
  write_file(repo.dir / "content/papers/survey/many.toml",
             "title = \"Many Hands\"\nauthors = [\"Di Sample et al.\"]\n"
             "paper = \"https://arxiv.org/abs/2406.00004\"\n");
  write_file(repo.dir / ".git-blame-ignore-revs", "abc\n");
  repo.commit("2024-06-02T08:00:00Z", "Add a paper");
  let_files_age();
  RunResult first = repo.build(kCache);
  BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
  auto warnings_of = [](const std::string& err) {
    return err.substr(0, err.rfind("papersite: ", err.size() - 2));
  };
  BOOST_TEST(first.err.find("warning: author list with") != kNpos, first.err);
  BOOST_TEST(first.err.find("papersite: warning: ") != kNpos, first.err);

  RunResult again = repo.build(kCache);
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.err.find("up to date") != kNpos, again.err);
  BOOST_TEST(warnings_of(again.err) == warnings_of(first.err));
  BOOST_TEST(repo.build(kCache + " -q").err == "");
}

BOOST_AUTO_TEST_CASE(content_error_fails_with_position_and_keeps_pages) {
  ListRepo repo;
  BOOST_TEST_REQUIRE(repo.build().exit_code == 0);
  auto before = snapshot(repo.dir.path());
  write_file(repo.dir / "content/papers/pruning/bad.toml",
             "title = \"Bad\"\nauthors = [\"A\"]\npaper = \"ftp://x.org/p\"\n");
  RunResult r = repo.build();
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err.find("content/papers/pruning/bad.toml:3:9: error: ") !=
                 std::string::npos,
             r.err);
  BOOST_TEST((snapshot(repo.dir.path()) == before));
}

BOOST_AUTO_TEST_CASE(a_new_commit_dates_the_new_paper_and_tops_the_feed) {
  ListRepo repo;
  write_file(repo.dir / "content/papers/survey/big-survey.toml",
             "title = \"A Big Survey\"\nauthors = [\"Fay Person\"]\n"
             "paper = \"https://arxiv.org/abs/2406.00003\"\n");
  repo.commit("2024-06-20T08:30:00Z", "Add a survey");
  RunResult r = repo.build();
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  std::string feed = read_file(repo.dir / "feed.xml");
  auto first_item = feed.find("<item>");
  BOOST_TEST_REQUIRE(first_item != std::string::npos);
  BOOST_TEST(feed.find("A Big Survey", first_item) <
             feed.find("</item>", first_item));
  BOOST_TEST(feed.find("Thu, 20 Jun 2024 08:30:00 +0000") != std::string::npos);
}

// The pull-request job's summary script, on pages the real build rendered:
// a single-quoted `paper` is read as TOML, and a URL that another paper's
// URL extends does not pick that paper's row.
BOOST_AUTO_TEST_CASE(pull_request_summary_shows_the_rows_of_added_papers) {
  ListRepo repo;
  std::string base = run("git rev-parse HEAD", repo.dir.path()).out;
  base.pop_back();
  write_file(repo.dir / "content/papers/pruning/prefix.toml",
             "title = 'Prefix Paper'\nauthors = ['Gil Sample']\n"
             "paper = 'https://example.org/p'\n");
  write_file(repo.dir / "content/papers/pruning/longer.toml",
             "title = \"Longer Paper\"\nauthors = [\"Hal Sample\"]\n"
             "paper = \"https://example.org/p2\"\n");
  repo.commit("2024-06-20T08:30:00Z", "Add two papers");
  BOOST_TEST_REQUIRE(repo.build().exit_code == 0);

  RunResult r = run(
      "python3 '" +
          (papersite::test::source_dir() / ".github/scripts/added-papers.py")
              .string() +
          "' " + base + " .",
      repo.dir.path());
  BOOST_TEST_REQUIRE(r.exit_code == 0, r.err);
  std::string header =
      "| Title & Authors | Introduction | Links |\n|:--|  :----: | :---:|\n";
  BOOST_TEST(r.out ==
             "## Papers added by this pull request\n\n"
             "### `content/papers/pruning/longer.toml`\n\n" +
                 header +
                 "|[Longer Paper](https://example.org/p2) <br> Hal Sample | "
                 "|[Paper](https://example.org/p2)|\n\n"
                 "### `content/papers/pruning/prefix.toml`\n\n" +
                 header +
                 "|[Prefix Paper](https://example.org/p) <br> Gil Sample | "
                 "|[Paper](https://example.org/p)|\n");
}

// Issue 4's stability rule on real commits: a corrected title and a move to
// another topic keep every GUID and date; one added paper is one new item.
BOOST_AUTO_TEST_CASE(feed_guids_and_dates_survive_edits_and_moves) {
  ListRepo repo;
  BOOST_TEST_REQUIRE(repo.build().exit_code == 0);
  auto before = feed_dates(repo.dir / "feed.xml");
  BOOST_TEST_REQUIRE(before.size() == 3u);

  fs::path sparse = repo.dir / "content/papers/pruning/sparse-thing.toml";
  std::string text = read_file(sparse);
  text.replace(text.find("Sparse Thing"), 12, "Sparse Thing, corrected");
  write_file(sparse, text);
  repo.commit("2024-06-05T09:00:00Z", "Correct a title");
  repo.shell(
      "mkdir content/papers/survey && "
      "git mv content/papers/quantization/quant-x.toml "
      "content/papers/survey/quant-x.toml");
  repo.commit("2024-06-06T09:00:00Z", "Move a paper");
  BOOST_TEST_REQUIRE(repo.build().exit_code == 0);
  BOOST_TEST((feed_dates(repo.dir / "feed.xml") == before));

  write_file(repo.dir / "content/papers/survey/new-one.toml",
             "title = \"New One\"\nauthors = [\"Gil Sample\"]\n"
             "paper = \"https://arxiv.org/abs/2406.00009v1\"\n");
  repo.commit("2024-06-10T07:15:00Z", "Add a paper");
  BOOST_TEST_REQUIRE(repo.build().exit_code == 0);
  auto after = feed_dates(repo.dir / "feed.xml");
  before["\"arxiv:2406.00009\""] = "\"Mon, 10 Jun 2024 07:15:00 +0000\"";
  BOOST_TEST((after == before));
}

BOOST_AUTO_TEST_CASE(theme_output_inside_content_is_refused_before_writing) {
  ListRepo repo;
  theme_writing_to(repo, "README.md", "content/papers/pruning/evil.toml");

  RunResult r = run(papersite::test::papersite_binary() +
                        " build --content content --theme theme --out .",
                    repo.dir.path());
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(r.err ==
                 "papersite: error: the theme would write "
                 "'content/papers/pruning/evil.toml' into the content folder "
                 "'content'; change its path in theme.toml or pass another "
                 "--out\n",
             r.err);
  BOOST_TEST(!fs::exists(repo.dir / "content/papers/pruning/evil.toml"));
  BOOST_TEST(!fs::exists(repo.dir / "pruning.md"));
}

BOOST_AUTO_TEST_CASE(out_inside_content_is_a_usage_error) {
  ListRepo repo;
  RunResult r = run(papersite::test::papersite_binary() +
                        " build --content content --out content/sub",
                    repo.dir.path());
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err ==
             "papersite: error: --out 'content/sub' is inside the content "
             "folder 'content'\n");
  BOOST_TEST(!fs::exists(repo.dir / "content/sub"));
  BOOST_TEST(!fs::exists(repo.dir / "README.md"));
}

BOOST_AUTO_TEST_CASE(absolute_theme_output_path_is_refused) {
  ListRepo repo;
  std::string outside = (repo.dir / "outside.xml").string();
  theme_writing_to(repo, "feed.xml", outside);

  RunResult r = run(papersite::test::papersite_binary() +
                        " build --content content --theme theme --out out",
                    repo.dir.path());
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(r.err == "papersite: error: 'theme/theme.toml' line 17: path '" +
                          outside +
                          "' must be a relative path inside the output folder "
                          "without '..' or '.git'; only per-topic outputs use "
                          "{{slug}} or {{page}}\n");
  BOOST_TEST(!fs::exists(outside));
  BOOST_TEST(!fs::exists(repo.dir / "out"));
}

BOOST_AUTO_TEST_CASE(every_command_names_a_missing_content_folder) {
  TempDir dir;
  std::string binary = papersite::test::papersite_binary();
  for (std::string command :
       {"build --now 2024-06-01", "check", "dates", "new --topic pruning"}) {
    RunResult r =
        run(binary + " " + command.append(" --content nowhere"), dir.path());
    BOOST_TEST(r.exit_code == 3, command);
    BOOST_TEST(r.err ==
                   "papersite: error: content folder 'nowhere' does not "
                   "exist; pass --content DIR or run papersite from the "
                   "repository root\n",
               command);
  }
  BOOST_TEST(fs::is_empty(dir.path()));
}

BOOST_AUTO_TEST_SUITE_END()
