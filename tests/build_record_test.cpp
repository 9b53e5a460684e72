#include "build_record.hpp"

#include <boost/test/unit_test.hpp>
#include <chrono>

#include "test_util.hpp"

using namespace papersite;
using papersite::test::TempDir;
using papersite::test::write_file;
namespace fs = std::filesystem;

namespace {

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// A start time late enough that files written just now count as older
// than the build, as they would after a pause of a few seconds.
std::int64_t later_ns() {
  return now_ns() + 5'000'000'000;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(build_record)

BOOST_AUTO_TEST_CASE(a_record_reads_back_as_written) {
  TempDir dir;
  write_file(dir / "in.toml", "title = \"A\"\n");
  write_file(dir / "out with space.md", "page\n");
  auto record = record_build("settings a=1", "2024-06-01T10:00:00Z", 12, 3,
                             {dir / "in.toml", dir.path()},
                             {dir / "out with space.md"}, {}, later_ns());
  BOOST_REQUIRE(record.has_value());
  BOOST_TEST(record->files.size() == 3u);
  Diagnostic warning;
  warning.severity = Severity::kWarning;
  warning.path = "content/papers/a b.toml";
  warning.line = 3;
  warning.column = 12;
  warning.message = "a \\ message\twith \"tabs\"";
  warning.source_line = "authors = [\"X et al.\"]\r";
  record->warnings = {warning};
  record->notices = {"one\nnotice"};
  // Elsewhere: writing it into `dir` would change the folder it records.
  TempDir keep;
  BOOST_REQUIRE(write_build_record(keep / "record", *record).ok());

  auto read = read_build_record(keep / "record");
  BOOST_REQUIRE(read.has_value());
  BOOST_TEST(read->settings == "settings a=1");
  BOOST_TEST(read->now == "2024-06-01T10:00:00Z");
  BOOST_TEST(read->papers == 12u);
  BOOST_TEST(read->topics == 3u);
  BOOST_TEST((read->files == record->files));
  BOOST_REQUIRE(read->warnings.size() == 1u);
  const Diagnostic& back = read->warnings[0];
  BOOST_TEST((back.severity == Severity::kWarning));
  BOOST_TEST(back.path == warning.path);
  BOOST_TEST(back.line == 3);
  BOOST_TEST(back.column == 12);
  BOOST_TEST(back.message == warning.message);
  BOOST_TEST(back.source_line == warning.source_line);
  BOOST_TEST((read->notices == record->notices));
  BOOST_TEST(files_unchanged(*read));
}

BOOST_AUTO_TEST_CASE(an_input_changed_since_the_start_is_never_recorded) {
  TempDir dir;
  write_file(dir / "in.toml", "x\n");
  // Written after the build started: what the build read may be older.
  BOOST_TEST(!record_build("s", "t", 0, 0, {dir / "in.toml"}, {}, {},
                           now_ns() - 100'000)
                  .has_value());
  // An output is the build's own and always recent.
  BOOST_TEST(record_build("s", "t", 0, 0, {}, {dir / "in.toml"}, {}, now_ns())
                 .has_value());
  BOOST_TEST(
      !record_build("s", "t", 0, 0, {dir / "missing"}, {}, {}, later_ns())
           .has_value());
}

BOOST_AUTO_TEST_CASE(tabs_and_line_breaks_are_not_recorded) {
  TempDir dir;
  write_file(dir / "tab\there", "x\n");
  BOOST_TEST(
      !record_build("s", "t", 0, 0, {dir / "tab\there"}, {}, {}, later_ns())
           .has_value());
  BOOST_TEST(!record_build("s\nfile\t1", "t", 0, 0, {}, {}, {}, later_ns())
                  .has_value());
}

BOOST_AUTO_TEST_CASE(any_change_of_a_file_is_seen) {
  TempDir dir;
  write_file(dir / "a", "one\n");
  write_file(dir / "b", "two\n");
  write_file(dir / "c", "three\n");
  auto record = record_build("s", "t", 0, 0, {dir / "a", dir / "b", dir / "c"},
                             {}, {}, later_ns());
  BOOST_REQUIRE(record.has_value());
  BOOST_TEST(files_unchanged(*record));

  // Same size, same modification time set back: the change time differs.
  auto a = file_status(dir / "a");
  write_file(dir / "a", "ONE\n");
  fs::last_write_time(
      dir / "a", fs::file_time_type(std::chrono::nanoseconds(a->mtime_ns)));
  BOOST_TEST(!files_unchanged(*record));

  auto again =
      record_build("s", "t", 0, 0, {dir / "b", dir / "c"}, {}, {}, later_ns());
  BOOST_REQUIRE(again.has_value());
  fs::remove(dir / "b");
  BOOST_TEST(!files_unchanged(*again));

  auto third = record_build("s", "t", 0, 0, {dir / "c"}, {}, {}, later_ns());
  BOOST_REQUIRE(third.has_value());
  fs::rename(dir / "a", dir / "c");  // another file in its place
  BOOST_TEST(!files_unchanged(*third));
}

BOOST_AUTO_TEST_CASE(a_watched_file_appearing_or_going_is_a_change) {
  TempDir dir;
  write_file(dir / "present", "x\n");
  auto record = record_build("s", "t", 0, 0, {}, {},
                             {dir / "present", dir / "absent"}, later_ns());
  BOOST_REQUIRE(record.has_value());
  BOOST_TEST(files_unchanged(*record));
  write_file(dir / "absent", "now here\n");
  BOOST_TEST(!files_unchanged(*record));
  fs::remove(dir / "absent");
  BOOST_TEST(files_unchanged(*record));
  fs::remove(dir / "present");
  BOOST_TEST(!files_unchanged(*record));
}

BOOST_AUTO_TEST_CASE(a_damaged_record_reads_as_none) {
  TempDir dir;
  BOOST_TEST(!read_build_record(dir / "none").has_value());
  const std::string good =
      "papersite build record 1\nsettings\ts\nnow\tt\ncounts\t1\t2\n"
      "file\t1\t2\t3\t4\t5\t6\t/x\n";
  write_file(dir / "good", good);
  BOOST_TEST(read_build_record(dir / "good").has_value());
  for (const std::string& bad :
       {std::string("papersite build record 2\n") + good.substr(25),
        good + "file\t1\t2\t3\t4\t5\tsix\t/y\n", good + "garbage\n",
        good + "warning\tbad \\q escape\n", good + "diagnostic\t1\t2\tp\n",
        std::string("papersite build record 1\nsettings\ts\n")}) {
    write_file(dir / "bad", bad);
    BOOST_TEST(!read_build_record(dir / "bad").has_value(), bad);
  }
}

BOOST_AUTO_TEST_SUITE_END()
