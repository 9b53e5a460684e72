#include "content_file.hpp"

#include <sys/stat.h>

#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace papersite;
using papersite::test::TempDir;
using papersite::test::write_file;
namespace fs = std::filesystem;

namespace {
constexpr auto kNone = std::string_view::npos;
}

BOOST_AUTO_TEST_SUITE(content_file)

BOOST_AUTO_TEST_CASE(utf8_validation_rejects_overlong_and_surrogates) {
  BOOST_TEST(first_invalid_utf8(
                 "plain \xc3\xa9 \xe2\x80\x9c \xf0\x9f\x9a\x80") == kNone);
  BOOST_TEST(first_invalid_utf8("ab\xc0\xaf") == 2u);        // overlong '/'
  BOOST_TEST(first_invalid_utf8("a\xed\xa0\x80") == 1u);     // surrogate
  BOOST_TEST(first_invalid_utf8("\xf4\x90\x80\x80") == 0u);  // > U+10FFFF
  BOOST_TEST(first_invalid_utf8("x\xe2\x80") == 1u);         // truncated
  BOOST_TEST(first_invalid_utf8("\x80") == 0u);  // lone continuation
}

BOOST_AUTO_TEST_CASE(printable_replaces_each_invalid_byte) {
  BOOST_TEST(printable("a\xff\xfe\xc3\xa9") ==
             "a\xef\xbf\xbd\xef\xbf\xbd\xc3\xa9");
}

BOOST_AUTO_TEST_CASE(non_ascii_inside_strings_and_comments_is_fine) {
  BOOST_TEST(stray_non_ascii("t = \"J\xc3\xa9r\xc3\xb4me\" # caf\xc3\xa9\n") ==
             kNone);
  BOOST_TEST(stray_non_ascii("t = 'J\xc3\xa9'\n") == kNone);
  BOOST_TEST(stray_non_ascii("t = \"\"\"\n\xc3\xa9\n\"\"\"\n") == kNone);
  BOOST_TEST(stray_non_ascii("t = '''\n\xc3\xa9'''\n") == kNone);
  BOOST_TEST(stray_non_ascii("\"k\xc3\xa9y\" = 1\n") == kNone);
  BOOST_TEST(stray_non_ascii("t = \"a\\\"\xc3\xa9\"\n") == kNone);
}

BOOST_AUTO_TEST_CASE(non_ascii_outside_strings_is_found) {
  BOOST_TEST(stray_non_ascii("\xef\xbb\xa1 = 1\n") == 0u);
  BOOST_TEST(stray_non_ascii("t = \"\" \xc3\xa9\n") == 7u);
  // Quotes before the closing three belong to the string.
  BOOST_TEST(stray_non_ascii("t = \"\"\"a\"\"\"\"\" \xc3\xa9\n") == 14u);
  // A comment ends at the line end.
  BOOST_TEST(stray_non_ascii("# x\n\xc3\xa9 = 1\n") == 4u);
  // A single-line string does not run past its line.
  BOOST_TEST(stray_non_ascii("t = \"open\n\xc3\xa9 = 1\n") == 10u);
}

// Found by fuzz_paper once toml++ was built with UBSan: toml++ reads a bare
// value through any quote up to a space or ',' and asks of each character
// whether it is whitespace, which for U+0393 (and U+00A1 to U+0499, most of
// U+2D6E to U+3167 and U+FB06 to U+FEFE) reaches an unreachable point.
BOOST_AUTO_TEST_CASE(quotes_inside_a_bare_value_open_no_string) {
  BOOST_TEST(stray_non_ascii("p =0\"x\xce\x93\"\n") == 6u);
  BOOST_TEST(stray_non_ascii("w = 1.\"\xc3\xa9\"\n") == 7u);
  BOOST_TEST(stray_non_ascii("a = [1, 2\"\xc3\xa9\"]\n") == 10u);
  BOOST_TEST(stray_non_ascii("t = { d = 2024-01-01'\xe3\x82\xa2' }\n") == 21u);
  BOOST_TEST(stray_non_ascii("b = true\"\xc3\xa9\"\n") == 9u);
  // Where a value or a key starts, a quote opens a string as before.
  BOOST_TEST(stray_non_ascii("a = [1, \"\xc3\xa9\", '\xc3\xa9']\n") == kNone);
  BOOST_TEST(stray_non_ascii("l = { \"\xc3\xa9\" = \"x\", k = 1 }\n") == kNone);
  BOOST_TEST(stray_non_ascii("a.\"\xc3\xa9\" = 1\n[t.\"\xc3\xa9\"]\n") ==
             kNone);
  BOOST_TEST(stray_non_ascii("a = [\n  1,\n  \"\xc3\xa9\",\n]\n") == kNone);
  BOOST_TEST(stray_non_ascii("d = 2024-01-01 # \xc3\xa9\n") == kNone);
}

BOOST_AUTO_TEST_CASE(key_parts_are_counted_per_line_outside_strings) {
  std::string dots(kMaxKeyParts - 1, '.');
  BOOST_TEST(too_many_key_parts(dots) == kNone);
  BOOST_TEST(too_many_key_parts(dots + ".") == kMaxKeyParts - 1);
  // A new line starts the count again; dots in strings and comments and a
  // comment's line end do not count.
  BOOST_TEST(too_many_key_parts(dots + "\n" + dots) == kNone);
  BOOST_TEST(too_many_key_parts(dots + "# .\n" + dots) == kNone);
  BOOST_TEST(too_many_key_parts("t = \"" + dots + "..\"\n") == kNone);
  BOOST_TEST(too_many_key_parts("t = '" + dots + "..'\n") == kNone);
  BOOST_TEST(too_many_key_parts("[" + dots + ".]\n") == kMaxKeyParts);
}

BOOST_AUTO_TEST_CASE(screening_a_deep_key_names_its_line_and_column) {
  std::string key = "a";
  for (std::size_t i = 1; i < 50000; ++i)
    key += ".a";
  FileText t = screen_toml_text("title = \"x\"\n" + key + " = 1\n");
  BOOST_TEST(t.problem ==
             "more than 127 '.' outside strings on one line; a key or table "
             "name has at most 128 parts");
  BOOST_TEST(t.line == 2);
  BOOST_TEST(t.column == 256);
  BOOST_TEST(screen_toml_text("a.b.c = 1\n").problem == "");
}

BOOST_AUTO_TEST_CASE(read_strips_the_byte_order_mark_only_at_the_start) {
  TempDir dir;
  write_file(dir / "a.toml", "\xef\xbb\xbfk = 1\n");
  FileText a = read_content_file(dir / "a.toml", 100);
  BOOST_TEST(a.problem == "");
  BOOST_TEST(a.text == "k = 1\n");

  write_file(dir / "b.toml", "k = 1\n\xef\xbb\xbfj = 2\n");
  FileText b = read_content_file(dir / "b.toml", 100);
  BOOST_TEST(b.problem ==
             "unexpected character U+FEFF outside a string; keys are ASCII "
             "and text goes in quotes");
  BOOST_TEST(b.line == 2);
  BOOST_TEST(b.column == 1);
}

BOOST_AUTO_TEST_CASE(read_refuses_files_over_the_limit) {
  TempDir dir;
  write_file(dir / "a.toml", std::string(101, 'x'));
  write_file(dir / "b.toml", std::string(100, 'x'));
  BOOST_TEST(read_content_file(dir / "a.toml", 100).problem ==
             "file is 101 bytes, over the limit of 100 bytes for a content "
             "file; it was not read (a paper file needs a few hundred "
             "bytes)");
  BOOST_TEST(read_content_file(dir / "b.toml", 100).problem == "");
}

BOOST_AUTO_TEST_CASE(read_never_follows_links_or_reads_devices) {
  TempDir dir;
  write_file(dir / "target.toml", "k = 1\n");
  fs::create_symlink(dir / "target.toml", dir / "link.toml");
  BOOST_TEST(read_content_file(dir / "link.toml", 100).problem ==
             "symbolic link; papersite never follows links in the content "
             "folder, so put the file itself here");
  BOOST_TEST(read_content_file("/dev/zero", 100).problem ==
             "not a regular file; remove it");
  BOOST_TEST(read_content_file(dir / "none.toml", 100).problem ==
             "file does not exist");
  BOOST_TEST(read_content_file(dir.path(), 100).problem ==
             "not a regular file; remove it");
  // Opening a named pipe for reading waits for a writer unless told not
  // to: the read must answer at once.
  BOOST_REQUIRE(::mkfifo((dir / "pipe.toml").c_str(), 0600) == 0);
  BOOST_TEST(read_content_file(dir / "pipe.toml", 100).problem ==
             "not a regular file; remove it");
}

BOOST_AUTO_TEST_SUITE_END()
