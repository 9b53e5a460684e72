#include "diagnostics.hpp"

#include <boost/test/unit_test.hpp>

using namespace papersite;

BOOST_AUTO_TEST_SUITE(diagnostics)

BOOST_AUTO_TEST_CASE(error_with_source_line_has_caret_under_column) {
  Diagnostic d{Severity::kError,
               "content/papers/pruning/x.toml",
               3,
               9,
               "'paper' must be an http(s) URL",
               "paper = \"ftp://x\""};
  BOOST_TEST(format_diagnostic(d) ==
             "content/papers/pruning/x.toml:3:9: error: 'paper' must be an "
             "http(s) URL\n"
             "paper = \"ftp://x\"\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(caret_counts_multibyte_characters_once) {
  Diagnostic d{Severity::kWarning, "a.toml", 1, 4, "m", "\xc3\xa9\xc3\xa9x"};
  BOOST_TEST(format_diagnostic(d) ==
             "a.toml:1:4: warning: m\n"
             "\xc3\xa9\xc3\xa9x\n"
             "   ^\n");
}

BOOST_AUTO_TEST_CASE(without_position_prints_path_only) {
  Diagnostic d{Severity::kError, "content/topics.toml", 0, 0, "missing", ""};
  BOOST_TEST(format_diagnostic(d) == "content/topics.toml: error: missing\n");
}

// A key holding a line break printed a second line that read as a
// diagnostic, which the problem matcher made an annotation on another file.
BOOST_AUTO_TEST_CASE(control_characters_cannot_start_another_line) {
  Diagnostic d{Severity::kError,
               "content/papers/x/a\nb.toml",
               1,
               1,
               "unknown key 'x\ncontent/y.toml:1:1: error: forged\r\x01'",
               ""};
  BOOST_TEST(format_diagnostic(d) ==
             "content/papers/x/a\\nb.toml:1:1: error: unknown key "
             "'x\\ncontent/y.toml:1:1: error: forged\\r\\x01'\n");
}

BOOST_AUTO_TEST_CASE(counts_and_sorts) {
  Diagnostics all;
  all.warning("b.toml", 1, 1, "w");
  all.error("a.toml", 2, 1, "e2");
  all.error("a.toml", 1, 5, "e1");
  BOOST_TEST(all.error_count() == 2);
  BOOST_TEST(all.warning_count() == 1);
  all.sort();
  BOOST_TEST(all.items()[0].message == "e1");
  BOOST_TEST(all.items()[2].path == "b.toml");
}

BOOST_AUTO_TEST_CASE(line_of_handles_crlf_and_range) {
  std::string text = "one\r\ntwo\nthree";
  BOOST_TEST(line_of(text, 1) == "one");
  BOOST_TEST(line_of(text, 3) == "three");
  BOOST_TEST(line_of(text, 4) == "");
  BOOST_TEST(line_of(text, 0) == "");
}

BOOST_AUTO_TEST_SUITE_END()
