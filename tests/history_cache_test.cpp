#include <boost/test/unit_test.hpp>

#include "git_fixture.hpp"
#include "history.hpp"
#include "test_util.hpp"

using namespace papersite;
using papersite::test::at;
using papersite::test::GitRepo;
using papersite::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::string paper(const std::string& name) {
  return "title = \"" + name + "\"\nauthors = [\"" + name +
         "\"]\npaper = \"https://arxiv.org/abs/" + name + "\"\n";
}

History walk(const GitRepo& repo, const fs::path& cache) {
  HistoryOptions options;
  options.content_dir = repo.root() / "content";
  options.cache_file = cache;
  auto h = read_history(options);
  BOOST_REQUIRE_MESSAGE(h.ok(), (h.ok() ? std::string() : h.error().message));
  return std::move(*h);
}

// Every file as "path added updated source", one per line.
std::string table(const History& h) {
  std::string out;
  for (const auto& [path, d] : h.files)
    out += path + " " + format_iso(d.added) + " " + format_iso(d.updated) +
           " " + to_string(d.source) + "\n";
  return out;
}

const std::string kA = "content/papers/t/a.toml";
const std::string kB = "content/papers/t/b.toml";

}  // namespace

BOOST_AUTO_TEST_SUITE(history_cache)

BOOST_AUTO_TEST_CASE(cache_is_extended_by_the_new_commits_only) {
  TempDir dir;
  GitRepo repo(dir / "repo");
  fs::path cache = dir / "build/history.cache";
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kB, paper("b"));
  repo.commit("add b", at("2024-01-02T10:00:00Z"));

  History cold = walk(repo, cache);
  BOOST_TEST(!cold.cache_used);
  BOOST_TEST(cold.commits_walked == 2);
  BOOST_TEST(fs::exists(cache));

  History same = walk(repo, cache);
  BOOST_TEST(same.cache_used);
  BOOST_TEST(same.commits_walked == 0);
  BOOST_TEST(table(same) == table(cold));

  repo.move(kA, "content/papers/u/a.toml");
  repo.commit("move a", at("2024-01-03T10:00:00Z"));
  repo.write(kB, paper("b") + "summary = \"s\"\n");
  repo.commit("edit b", at("2024-01-04T10:00:00Z"));
  History warm = walk(repo, cache);
  BOOST_TEST(warm.cache_used);
  BOOST_TEST(warm.commits_walked == 2);
  BOOST_TEST(table(warm) ==
             "content/papers/t/b.toml 2024-01-02T10:00:00Z "
             "2024-01-04T10:00:00Z git\n"
             "content/papers/u/a.toml 2024-01-01T10:00:00Z "
             "2024-01-01T10:00:00Z git\n");
  BOOST_TEST(format_iso(warm.now) == "2024-01-04T10:00:00Z");
  BOOST_TEST(table(warm) == table(walk(repo, {})));
}

BOOST_AUTO_TEST_CASE(rewritten_history_falls_back_to_a_full_walk) {
  TempDir dir;
  GitRepo repo(dir / "repo");
  fs::path cache = dir / "history.cache";
  repo.write(kA, paper("a"));
  std::string first = repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kB, paper("b"));
  repo.commit("add b", at("2024-01-02T10:00:00Z"));
  walk(repo, cache);

  // Amend "add b" away: the cached HEAD is no longer an ancestor.
  repo.reset_hard(first);
  repo.write(kB, paper("b, amended") + "x = 1\n");
  repo.commit("add b again", at("2024-01-05T10:00:00Z"));
  History h = walk(repo, cache);
  BOOST_TEST(!h.cache_used);
  BOOST_TEST(h.commits_walked == 2);
  BOOST_TEST(table(h) ==
             "content/papers/t/a.toml 2024-01-01T10:00:00Z "
             "2024-01-01T10:00:00Z git\n"
             "content/papers/t/b.toml 2024-01-05T10:00:00Z "
             "2024-01-05T10:00:00Z git\n");
  BOOST_REQUIRE(!h.notes.empty());
  BOOST_TEST(h.notes[0].find("history rewritten") != std::string::npos);

  History again = walk(repo, cache);
  BOOST_TEST(again.cache_used);
  BOOST_TEST(table(again) == table(h));
}

BOOST_AUTO_TEST_CASE(corrupt_cache_is_ignored_and_rewritten) {
  TempDir dir;
  GitRepo repo(dir / "repo");
  fs::path cache = dir / "history.cache";
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  History cold = walk(repo, cache);
  std::string good = papersite::test::read_file(cache);

  for (const std::string& bad :
       {std::string("garbage\n"), std::string("papersite-history 0\n"),
        good.substr(0, good.size() - 5), good + "extra line\n"}) {
    papersite::test::write_file(cache, bad);
    History h = walk(repo, cache);
    BOOST_TEST(!h.cache_used);
    BOOST_TEST(table(h) == table(cold));
    BOOST_TEST(papersite::test::read_file(cache) == good);
  }
}

BOOST_AUTO_TEST_CASE(changed_ignore_list_invalidates_the_cache) {
  TempDir dir;
  GitRepo repo(dir / "repo");
  fs::path cache = dir / "history.cache";
  repo.write(kA, paper("a"));
  repo.commit("add a", at("2024-01-01T10:00:00Z"));
  repo.write(kA, paper("a") + "y = 2\n");
  std::string edit = repo.commit("edit a", at("2024-01-02T10:00:00Z"));
  BOOST_TEST(table(walk(repo, cache)).find("2024-01-02") != std::string::npos);

  // Listing an old commit changes the dates without a new commit.
  repo.write(".git-blame-ignore-revs", edit + "\n");
  History h = walk(repo, cache);
  BOOST_TEST(!h.cache_used);
  BOOST_TEST(table(h) ==
             "content/papers/t/a.toml 2024-01-01T10:00:00Z "
             "2024-01-01T10:00:00Z git\n");
}

BOOST_AUTO_TEST_SUITE_END()
