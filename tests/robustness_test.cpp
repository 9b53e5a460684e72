// Pages are whole whatever happens to a build: two builds at once on the
// same folder, and builds killed with SIGKILL at random moments, leave each
// page either as it was or as it is meant to be, never cut.

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "test_util.hpp"

namespace fs = std::filesystem;
using papersite::test::read_file;
using papersite::test::run;
using papersite::test::TempDir;
using papersite::test::write_file;

namespace {

// The e2e list, outside git (dates from the `added` keys and --now).
struct List {
  TempDir dir;
  fs::path paper = dir / "content/papers/pruning/sparse-thing.toml";
  std::string original;

  List() {
    fs::copy(papersite::test::source_dir() / "tests/data/e2e/content",
             dir / "content", fs::copy_options::recursive);
    original = read_file(paper);
  }

  // Two versions of the list that render different bytes on every page
  // that shows the paper.
  void set_version(int v) {
    write_file(paper, v == 0 ? original
                             : original + "summary = \"second version\"\n" +
                                   "links = { Slides = "
                                   "\"https://example.org/slides\" }\n");
  }

  std::vector<std::string> argv(const fs::path& out) const {
    return {papersite::test::papersite_binary(),
            "-q",
            "build",
            "--content",
            (dir / "content").string(),
            "--theme",
            (papersite::test::source_dir() / "themes/markdown").string(),
            "--out",
            out.string(),
            "--now",
            "2024-07-01"};
  }
};

pid_t spawn(const std::vector<std::string>& args) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> c_args;
    for (const std::string& a : args)
      c_args.push_back(const_cast<char*>(a.c_str()));
    c_args.push_back(nullptr);
    ::execv(c_args[0], c_args.data());
    ::_exit(127);
  }
  return pid;
}

int wait_for(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Every generated file below `root`, by relative path.
std::map<std::string, std::string> pages(const fs::path& root) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file())
      continue;
    std::string rel = fs::relative(e.path(), root).generic_string();
    if (rel.rfind("content/", 0) == 0)
      continue;
    out[rel] = read_file(e.path());
  }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(robustness)

BOOST_AUTO_TEST_CASE(two_builds_at_once_leave_whole_pages) {
  List list;
  TempDir out;
  for (int round = 0; round < 10; ++round) {
    list.set_version(round % 2);
    pid_t a = spawn(list.argv(out.path()));
    pid_t b = spawn(list.argv(out.path()));
    BOOST_TEST(wait_for(a) == 0);
    BOOST_TEST(wait_for(b) == 0);
  }
  TempDir fresh;
  BOOST_TEST_REQUIRE(wait_for(spawn(list.argv(fresh.path()))) == 0);
  BOOST_TEST((pages(out.path()) == pages(fresh.path())));
}

BOOST_AUTO_TEST_CASE(builds_killed_at_random_moments_leave_old_or_new_pages) {
  List list;
  TempDir expected[2];
  for (int v = 0; v < 2; ++v) {
    list.set_version(v);
    BOOST_TEST_REQUIRE(wait_for(spawn(list.argv(expected[v].path()))) == 0);
  }
  auto old_pages = pages(expected[0].path());
  auto new_pages = pages(expected[1].path());
  BOOST_TEST_REQUIRE(old_pages != new_pages);

  TempDir out;
  std::mt19937 random(20241203);  // fixed seed: the same moments every run
  std::uniform_int_distribution<int> delay_us(0, 20000);
  for (int round = 0; round < 60; ++round) {
    list.set_version(round % 2);
    pid_t pid = spawn(list.argv(out.path()));
    std::this_thread::sleep_for(std::chrono::microseconds(delay_us(random)));
    ::kill(pid, SIGKILL);
    wait_for(pid);
    for (const auto& [path, bytes] : pages(out.path())) {
      if (path.find(".papersite-tmp-") != std::string::npos)
        continue;
      bool whole = old_pages[path] == bytes || new_pages[path] == bytes;
      BOOST_TEST(whole, "round " << round << ": '" << path << "' is cut");
    }
  }
  // One whole build of the version last killed leaves no temporary file,
  // though it may have nothing to write.
  BOOST_TEST_REQUIRE(wait_for(spawn(list.argv(out.path()))) == 0);
  BOOST_TEST((pages(out.path()) == pages(expected[1].path())));
}

// Keys with tens of thousands of parts overflowed toml++'s stack (exit 139)
// in every file papersite parses; each is now an error at its line.
BOOST_AUTO_TEST_SUITE(hostile_input)

std::string deep_key() {
  std::string key = "a";
  for (int i = 1; i < 50000; ++i)
    key += ".a";
  return key + " = 1\n";
}

BOOST_AUTO_TEST_CASE(deep_keys_are_errors_in_every_toml_file) {
  const std::string binary = papersite::test::papersite_binary();
  const std::string error =
      "error: more than 127 '.' outside strings on one "
      "line; a key or table name has at most 128 parts";
  List list;
  write_file(list.dir / "content/papers/pruning/deep.toml", deep_key());
  auto check = run(binary + " check --content content", list.dir.path());
  BOOST_TEST(check.exit_code == 1);
  BOOST_TEST(check.err.find("content/papers/pruning/deep.toml:1:256: " +
                            error) != std::string::npos,
             check.err);

  // dates lists every file, a hostile one too.
  write_file(list.dir / "content/papers/pruning/deep.toml",
             "added = 2024-01-01\n[" + deep_key());
  auto dates = run(binary + " dates --content content --now 2024-07-01",
                   list.dir.path());
  BOOST_TEST(dates.exit_code == 0, dates.err);
  BOOST_TEST(dates.out.find("content/papers/pruning/deep.toml\t") !=
             std::string::npos);
  fs::remove(list.dir / "content/papers/pruning/deep.toml");

  std::string topics = read_file(list.dir / "content/topics.toml");
  write_file(list.dir / "content/topics.toml", topics + "[" + deep_key());
  check = run(binary + " check --content content", list.dir.path());
  BOOST_TEST(check.exit_code == 1);
  BOOST_TEST(check.err.find("content/topics.toml:") != std::string::npos,
             check.err);
  write_file(list.dir / "list.md", "# List\n");
  auto import = run(binary +
                        " import --from list.md --map list.md=pruning "
                        "--out content",
                    list.dir.path());
  BOOST_TEST(import.exit_code != 139);
  BOOST_TEST(import.err.find("at most 128 parts") != std::string::npos,
             import.err);
  write_file(list.dir / "content/topics.toml", topics);

  fs::path theme = list.dir / "theme";
  fs::copy(papersite::test::source_dir() / "themes/markdown", theme,
           fs::copy_options::recursive);
  write_file(theme / "theme.toml", deep_key());
  auto build = run(binary +
                       " build --content content --theme theme --out "
                       "out --now 2024-07-01",
                   list.dir.path());
  BOOST_TEST(build.exit_code == 3);
  BOOST_TEST(build.err.find("line 1, column 256: more than 127 '.'") !=
                 std::string::npos,
             build.err);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE_END()
