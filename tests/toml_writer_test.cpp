#include "toml_writer.hpp"

#include <boost/test/unit_test.hpp>
#include <sstream>

#include "toml_parser.hpp"

using namespace papersite;

BOOST_AUTO_TEST_SUITE(toml_writer)

BOOST_AUTO_TEST_CASE(strings_escape_quotes_backslashes_and_controls) {
  BOOST_TEST(toml_string("a \"b\" \\c") == "\"a \\\"b\\\" \\\\c\"");
  BOOST_TEST(toml_string("tab\tnl\ncr\r\x01\x7f") ==
             "\"tab\\tnl\\ncr\\r\\u0001\\u007F\"");
  BOOST_TEST(toml_string("Ré 中") == "\"Ré 中\"");
}

BOOST_AUTO_TEST_CASE(keys_are_bare_when_they_can_be) {
  BOOST_TEST(toml_key("Model-7B") == "Model-7B");
  BOOST_TEST(toml_key("Github 2") == "\"Github 2\"");
  BOOST_TEST(toml_key("Blog-中") == "\"Blog-中\"");
  BOOST_TEST(toml_key("") == "\"\"");
}

BOOST_AUTO_TEST_CASE(paper_keys_come_in_the_design_order) {
  Paper p;
  p.title = "T: \"quoted\"";
  p.authors = {"A B", "C D"};
  p.paper = "https://arxiv.org/abs/2401.00001";
  p.code = "https://github.com/o/r";
  p.venue = "ACL'24 Findings";
  p.tags = {"Structural"};
  p.image = "https://h/x.png";
  p.image_width = 1002;
  p.links = {{"Model", "https://hf.co/m"},
             {"Github 2", "https://github.com/o/s"}};
  p.recommended = true;
  p.also = {"quantization"};
  p.added = TimePoint{std::chrono::seconds{1716961814}};
  std::string text = paper_toml(p);
  BOOST_TEST(text ==
             "title = \"T: \\\"quoted\\\"\"\n"
             "authors = [\"A B\", \"C D\"]\n"
             "paper = \"https://arxiv.org/abs/2401.00001\"\n"
             "code = \"https://github.com/o/r\"\n"
             "venue = \"ACL'24 Findings\"\n"
             "tags = [\"Structural\"]\n"
             "image = \"https://h/x.png\"\n"
             "image_width = 1002\n"
             "links = { Model = \"https://hf.co/m\", \"Github 2\" = "
             "\"https://github.com/o/s\" }\n"
             "recommended = true\n"
             "also = [\"quantization\"]\n"
             "added = 2024-05-29T05:50:14Z\n");

  // What is written reads back as the same values.
  toml::table t = toml::parse(text);
  BOOST_TEST(*t["title"].value<std::string>() == p.title);
  BOOST_TEST(*t["links"]["Github 2"].value<std::string>() ==
             "https://github.com/o/s");
  BOOST_TEST(t["added"].as_date_time() != nullptr);
}

BOOST_AUTO_TEST_CASE(absent_optional_keys_are_left_out) {
  Paper p;
  p.title = "T";
  p.authors = {"A"};
  p.paper = "https://example.org/p";
  BOOST_TEST(paper_toml(p) ==
             "title = \"T\"\nauthors = [\"A\"]\npaper = "
             "\"https://example.org/p\"\n");
}

BOOST_AUTO_TEST_SUITE_END()
