// End-to-end: the `papersite dates` command on real repositories.
#include <fmt/format.h>

#include <boost/test/unit_test.hpp>

#include "git_fixture.hpp"
#include "test_util.hpp"

using papersite::test::at;
using papersite::test::GitRepo;
using papersite::test::run;
using papersite::test::TempDir;

namespace {

std::string dates_command(const std::string& flags) {
  return fmt::format("'{}' dates {}", papersite::test::papersite_binary(),
                     flags);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(history_dates)

BOOST_AUTO_TEST_CASE(prints_every_paper_file_sorted_with_its_source) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write("content/papers/pruning/b.toml", "title = \"b\"\n");
  repo.write("content/papers/pruning/a.toml",
             "title = \"a\"\nadded = 2023-05-01\n");
  // Names and contents `check` would reject are still listed.
  repo.write("content/papers/Bad Topic/deep/x y.txt", "not toml = = \n");
  repo.commit("add", at("2024-01-01T10:00:00Z"));
  repo.write("content/papers/pruning/b.toml", "title = \"b2\"\n");
  repo.commit("edit b", at("2024-01-02T10:00:00Z"));
  repo.write("content/papers/pruning/new.toml",
             "title = \"n\"\nadded = 2024-05-01\n");

  auto r = run(dates_command("--content content"), dir.path());
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.err == "");
  BOOST_TEST(r.out ==
             "content/papers/Bad Topic/deep/x y.txt\t2024-01-01T10:00:00Z\t"
             "2024-01-01T10:00:00Z\tgit\n"
             "content/papers/pruning/a.toml\t2023-05-01T00:00:00Z\t"
             "2024-01-01T10:00:00Z\toverride\n"
             "content/papers/pruning/b.toml\t2024-01-01T10:00:00Z\t"
             "2024-01-02T10:00:00Z\tgit\n"
             "content/papers/pruning/new.toml\t2024-05-01T00:00:00Z\t"
             "2024-05-01T00:00:00Z\toverride\n");
}

BOOST_AUTO_TEST_CASE(now_dates_the_uncommitted_files) {
  TempDir dir;
  GitRepo repo(dir.path());
  repo.write("content/papers/t/a.toml", "title = \"a\"\n");
  repo.commit("add", at("2024-01-01T10:00:00Z"));
  repo.write("content/papers/t/u.toml", "title = \"u\"\n");

  auto r = run(dates_command("--content content --now 2024-02-03"), dir.path());
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out ==
             "content/papers/t/a.toml\t2024-01-01T10:00:00Z\t"
             "2024-01-01T10:00:00Z\tgit\n"
             "content/papers/t/u.toml\t2024-02-03T00:00:00Z\t"
             "2024-02-03T00:00:00Z\tuncommitted\n");
}

BOOST_AUTO_TEST_CASE(no_repository_warns_once) {
  TempDir dir;
  papersite::test::write_file(dir / "content/papers/t/a.toml", "x = 1\n");
  auto r = run(dates_command("--content content --now 2024-02-03"), dir.path());
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out ==
             "content/papers/t/a.toml\t2024-02-03T00:00:00Z\t"
             "2024-02-03T00:00:00Z\tno-repository\n");
  BOOST_TEST(r.err ==
             "papersite: warning: '" + (dir / "content").string() +
                 "' is not inside a git repository; every paper is dated at "
                 "the reference time 2024-02-03T00:00:00Z (commit the list to "
                 "date papers by their history)\n");
}

BOOST_AUTO_TEST_CASE(shallow_clone_exits_3_unless_allowed) {
  TempDir dir;
  GitRepo repo(dir / "origin");
  repo.write("content/papers/t/a.toml", "title = \"a\"\n");
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write("content/papers/t/b.toml", "title = \"b\"\n");
  repo.commit("add b", at("2024-01-02T10:00:00Z"));
  auto cloned = run(
      "git clone -q --depth 1 file://" + (dir / "origin").string() + " clone",
      dir.path());
  BOOST_REQUIRE_MESSAGE(cloned.exit_code == 0, cloned.err);

  auto refused = run(dates_command("--content content"), dir / "clone");
  BOOST_TEST(refused.exit_code == 3);
  BOOST_TEST(refused.out == "");
  BOOST_TEST(refused.err ==
             "papersite: error: the repository at '" +
                 (dir / "clone").string() +
                 "' is a shallow clone, so the dates papers were added are "
                 "unknown; run 'git fetch --unshallow' (in GitHub Actions, "
                 "checkout with 'fetch-depth: 0'), or pass --allow-shallow "
                 "to accept approximate dates\n");

  auto allowed =
      run(dates_command("--content content --allow-shallow"), dir / "clone");
  BOOST_TEST(allowed.exit_code == 0);
  BOOST_TEST(allowed.out ==
             "content/papers/t/a.toml\t2024-01-02T10:00:00Z\t"
             "2024-01-02T10:00:00Z\tapproximate\n"
             "content/papers/t/b.toml\t2024-01-02T10:00:00Z\t"
             "2024-01-02T10:00:00Z\tapproximate\n");
  BOOST_TEST(allowed.err ==
             "papersite: warning: this is a shallow clone: 2 paper(s) "
             "present at its oldest commit have approximate dates; run 'git "
             "fetch --unshallow' (in GitHub Actions, checkout with "
             "'fetch-depth: 0') for exact dates\n");
}

BOOST_AUTO_TEST_SUITE_END()
