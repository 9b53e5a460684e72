#include "escape.hpp"

#include <boost/test/unit_test.hpp>

using namespace papersite;

BOOST_AUTO_TEST_SUITE(escaping)

BOOST_AUTO_TEST_CASE(markdown_escapes_cell_and_link_breakers) {
  BOOST_TEST(escape_markdown("a|b") == "a\\|b");
  BOOST_TEST(escape_markdown("[x](y)") == "\\[x\\](y)");
  BOOST_TEST(escape_markdown("a\\b`c`") == "a\\\\b\\`c\\`");
  BOOST_TEST(escape_markdown("<script>") == "&lt;script&gt;");
  BOOST_TEST(escape_markdown("Q&A \"x\"") == "Q&amp;A &quot;x&quot;");
}

BOOST_AUTO_TEST_CASE(markdown_turns_each_line_break_into_one_space) {
  BOOST_TEST(escape_markdown("a\nb\r\nc\rd") == "a b c d");
}

BOOST_AUTO_TEST_CASE(markdown_leaves_urls_and_mustache_tags_alone) {
  BOOST_TEST(escape_markdown("https://x.org/a_b*c?d=1#e%20f:g") ==
             "https://x.org/a_b*c?d=1#e%20f:g");
  BOOST_TEST(escape_markdown("https://x.org/?a=1&b=2") ==
             "https://x.org/?a=1&amp;b=2");
  BOOST_TEST(escape_markdown("{{x}} {{{y}}}") == "{{x}} {{{y}}}");
  BOOST_TEST(escape_markdown("Zürich 🚀") == "Zürich 🚀");
}

BOOST_AUTO_TEST_CASE(xml_escapes_the_five_special_characters_once) {
  BOOST_TEST(escape_xml("& < > \" '") == "&amp; &lt; &gt; &quot; &apos;");
  BOOST_TEST(escape_xml("&amp;") == "&amp;amp;");  // text, not markup
  BOOST_TEST(escape_xml("Zürich 🚀") == "Zürich 🚀");
}

BOOST_AUTO_TEST_CASE(xml_drops_characters_illegal_in_xml_1_0) {
  std::string text = std::string("a\x01") + "b\x1f" + "\t\n\r" +
                     std::string(1, '\0') + "c\xEF\xBF\xBE" + "d\xEF\xBF\xBF" +
                     "e\xEF\xBF\xBD";  // U+FFFD stays
  BOOST_TEST(strip_xml_illegal(text) == "ab\t\n\rcde\xEF\xBF\xBD");
  BOOST_TEST(escape_xml(std::string("x\x0by<")) == "xy&lt;");
}

BOOST_AUTO_TEST_CASE(xml_drops_invalid_utf8_so_output_stays_well_formed) {
  BOOST_TEST(strip_xml_illegal("a\xC3(b\xFF") == "a(b");
}

BOOST_AUTO_TEST_CASE(utf8_validation_reports_first_bad_offset) {
  std::size_t offset = 99;
  BOOST_TEST(is_valid_utf8("plain ascii"));
  BOOST_TEST(is_valid_utf8("Zürich 🚀 \xEF\xBF\xBF"));
  BOOST_TEST(!is_valid_utf8("ab\xC3", &offset));
  BOOST_TEST(offset == 2u);
  BOOST_TEST(!is_valid_utf8("a\xC0\xAF", &offset));  // overlong '/'
  BOOST_TEST(offset == 1u);
  BOOST_TEST(!is_valid_utf8("\xED\xA0\x80", &offset));  // surrogate
  BOOST_TEST(offset == 0u);
  BOOST_TEST(!is_valid_utf8("x\xF4\x90\x80\x80", &offset));  // > U+10FFFF
  BOOST_TEST(offset == 1u);
  BOOST_TEST(!is_valid_utf8("\x80", &offset));
}

BOOST_AUTO_TEST_CASE(escape_dispatches_on_mode) {
  BOOST_TEST(escape(EscapeMode::kMarkdown, "a|<") == "a\\|&lt;");
  BOOST_TEST(escape(EscapeMode::kXml, "a|<") == "a|&lt;");
  BOOST_TEST(escape(EscapeMode::kNone, "a|<") == "a|<");
}

BOOST_AUTO_TEST_CASE(url_escape_encodes_only_what_breaks_markdown_or_html) {
  BOOST_TEST(escape_url("https://x.org/a b(c)<d>\"e\"|f`g[h]{i}\\^") ==
             "https://x.org/a%20b%28c%29%3Cd%3E%22e%22%7Cf%60g%5Bh%5D%7Bi%7D%"
             "5C%5E");
  BOOST_TEST(escape_url("https://x.org/p_q*r?s=1&t=%20#u") ==
             "https://x.org/p_q*r?s=1&t=%20#u");
  BOOST_TEST(escape_url("https://x.org/Zü") == "https://x.org/Z%C3%BC");
  // Nothing the markdown escape changes is left, except '&'.
  std::string url = escape_url("https://x.org/[a]|`b`\\ <c>");
  BOOST_TEST(escape_markdown(url) == url);
}

BOOST_AUTO_TEST_CASE(badge_text_follows_shields_io_rules) {
  BOOST_TEST(escape_badge_text("NeurIPS'23") == "NeurIPS'23");
  BOOST_TEST(escape_badge_text("ICML'24 Oral") == "ICML'24%20Oral");
  BOOST_TEST(escape_badge_text("Semi-Structured_2") == "Semi--Structured__2");
  BOOST_TEST(escape_badge_text("a/b?c#d%e&f(g)") ==
             "a%2Fb%3Fc%23d%25e%26f%28g%29");
}

BOOST_AUTO_TEST_SUITE_END()
