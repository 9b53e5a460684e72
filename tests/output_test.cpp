#include "output.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace papersite;
using papersite::test::read_file;
using papersite::test::TempDir;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(output)

BOOST_AUTO_TEST_CASE(writes_new_files_and_creates_folders) {
  TempDir dir;
  auto report =
      write_outputs(dir.path(), {{"README.md", "a"}, {"feeds/x.xml", "b"}});
  BOOST_REQUIRE(report.ok());
  BOOST_TEST(report->written == 2);
  BOOST_TEST(read_file(dir / "feeds/x.xml") == "b");
}

BOOST_AUTO_TEST_CASE(unchanged_file_is_not_rewritten) {
  TempDir dir;
  BOOST_REQUIRE(write_outputs(dir.path(), {{"README.md", "same"}}).ok());
  struct stat before {};
  ::stat((dir / "README.md").c_str(), &before);
  auto report = write_outputs(dir.path(), {{"README.md", "same"}});
  struct stat after {};
  ::stat((dir / "README.md").c_str(), &after);
  BOOST_TEST(report->written == 0);
  BOOST_TEST(report->unchanged == 1);
  // A rewrite would give the file a new inode through the rename.
  BOOST_TEST(before.st_ino == after.st_ino);
}

BOOST_AUTO_TEST_CASE(changed_file_is_replaced_without_leftovers) {
  TempDir dir;
  BOOST_REQUIRE(write_outputs(dir.path(), {{"a.md", "old"}}).ok());
  BOOST_REQUIRE(write_outputs(dir.path(), {{"a.md", "new"}}).ok());
  BOOST_TEST(read_file(dir / "a.md") == "new");
  int entries = 0;
  for ([[maybe_unused]] auto& e : fs::directory_iterator(dir.path()))
    ++entries;
  BOOST_TEST(entries == 1);
}

BOOST_AUTO_TEST_CASE(unwritable_folder_is_an_environment_error) {
  TempDir dir;
  papersite::test::write_file(dir / "blocker", "file, not folder");
  auto report = write_outputs(dir / "blocker", {{"a.md", "x"}});
  BOOST_REQUIRE(!report.ok());
  BOOST_TEST(static_cast<int>(report.error().kind) == 3);
  BOOST_TEST(report.error().message.find("blocker") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(depfile_lists_sorted_unique_escaped_inputs) {
  TempDir dir;
  fs::path d = dir / "site.d";
  BOOST_REQUIRE(write_depfile(d, "/b/site.stamp",
                              {"/c/z.toml", "/c/a b.toml", "/c/z.toml"})
                    .ok());
  BOOST_TEST(read_file(d) ==
             "/b/site.stamp: \\\n  /c/a\\ b.toml \\\n"
             "  /c/z.toml\n");
}

BOOST_AUTO_TEST_CASE(folder_in_the_way_fails_before_anything_is_written) {
  TempDir dir;
  fs::create_directories(dir / "b.md");
  auto report = write_outputs(dir.path(), {{"a.md", "A"}, {"b.md", "B"}});
  BOOST_REQUIRE(!report.ok());
  BOOST_TEST(report.error().message ==
             "cannot write '" + (dir / "b.md").string() +
                 "': a folder of that name is in the way; move it or rename "
                 "the page");
  BOOST_TEST(!fs::exists(dir / "a.md"));
}

BOOST_AUTO_TEST_CASE(symbolic_link_below_out_is_never_written_through) {
  TempDir dir;
  TempDir elsewhere;
  fs::create_directories(dir / "out");
  fs::create_directory_symlink(elsewhere.path(), dir / "out/feeds");
  papersite::test::write_file(elsewhere / "README.md", "theirs");
  fs::create_symlink(elsewhere / "README.md", dir / "out/README.md");
  for (const char* page : {"feeds/a.xml", "README.md"}) {
    auto report = write_outputs(dir / "out", {{page, "mine"}});
    BOOST_REQUIRE(!report.ok());
    std::string link = page[0] == 'f' ? "feeds" : "README.md";
    BOOST_TEST(report.error().message ==
               "cannot write '" + (dir / "out" / page).string() + "': '" +
                   (dir / "out" / link).string() +
                   "' is a symbolic link; pages are written into real "
                   "folders only");
  }
  BOOST_TEST(!fs::exists(elsewhere / "a.xml"));
  BOOST_TEST(papersite::test::read_file(elsewhere / "README.md") == "theirs");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(output_leftovers)

BOOST_AUTO_TEST_CASE(temp_file_of_a_dead_writer_is_removed) {
  TempDir dir;
  // PID 2^22 + 1 is above Linux's pid_max limit, so no process has it.
  fs::path dead = dir / ".README.md.papersite-tmp-4194305-0";
  papersite::test::write_file(dead, "cut in half");
  fs::path live =
      dir / (".README.md.papersite-tmp-" + std::to_string(::getpid()) + "-99");
  papersite::test::write_file(live, "being written");
  BOOST_REQUIRE(write_outputs(dir.path(), {{"README.md", "whole"}}).ok());
  BOOST_TEST(!fs::exists(dead));
  BOOST_TEST(fs::exists(live));
}

// A killed build's leftover stayed for good when the next build had
// nothing new to write into its folder.
BOOST_AUTO_TEST_CASE(leftover_beside_unchanged_pages_is_removed) {
  TempDir dir;
  papersite::test::write_file(dir / "README.md", "whole");
  papersite::test::write_file(dir / "feeds/a.xml", "<a/>");
  fs::path dead = dir / ".README.md.papersite-tmp-4194305-0";
  fs::path dead_feed = dir / "feeds/.a.xml.papersite-tmp-4194305-1";
  papersite::test::write_file(dead, "cut");
  papersite::test::write_file(dead_feed, "cut");
  auto report = write_outputs(
      dir.path(), {{"README.md", "whole"}, {"feeds/a.xml", "<a/>"}});
  BOOST_REQUIRE(report.ok());
  BOOST_TEST(report->written == 0);
  BOOST_TEST(!fs::exists(dead));
  BOOST_TEST(!fs::exists(dead_feed));
}

BOOST_AUTO_TEST_SUITE_END()
