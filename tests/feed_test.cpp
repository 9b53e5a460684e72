// The feeds as a feed reader sees them: each rendered feed is checked by
// xmllint for well-formedness and read back with Python's feedparser
// (tests/feed/read_feed.py, Debian's python3-feedparser), and the tests
// assert on the data it reports.
#include <fmt/format.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <set>

#include "render.hpp"
#include "render_fixture.hpp"
#include "test_util.hpp"

using namespace papersite;
using namespace papersite::test;
namespace fs = std::filesystem;

namespace {

using Fields = std::map<std::string, std::string>;  // key → JSON value

struct ReadFeed {
  Fields channel;
  std::vector<Fields> items;
  std::string bytes;

  std::vector<std::string> all(const std::string& key) const {
    std::vector<std::string> values;
    for (const Fields& item : items)
      values.push_back(item.at(key));
    return values;
  }
};

std::string json_text(const std::string& text) {
  std::string out(1, '"');
  out.append(text);
  out.push_back('"');
  return out;
}

// Writes `path` of `files` to disk, checks it with xmllint and returns what
// feedparser read from it.
ReadFeed read_feed(const std::vector<RenderedFile>& files,
                   const std::string& path) {
  TempDir dir;
  ReadFeed feed;
  feed.bytes = file_of(files, path);
  BOOST_REQUIRE_MESSAGE(!feed.bytes.empty(), "no output " + path);
  write_file(dir / "feed.xml", feed.bytes);

  RunResult lint = run("xmllint --noout feed.xml", dir.path());
  BOOST_REQUIRE_MESSAGE(lint.exit_code == 0, path + " is not well-formed:\n" +
                                                 lint.err + feed.bytes);
  std::string script = (source_dir() / "tests/feed/read_feed.py").string();
  RunResult read =
      run("/usr/bin/python3 '" + script + "' feed.xml", dir.path());
  BOOST_REQUIRE_MESSAGE(read.exit_code == 0,
                        "read_feed.py failed (is python3-feedparser "
                        "installed?):\n" +
                            read.err);

  Fields* current = &feed.channel;
  std::size_t start = 0;
  while (start < read.out.size()) {
    std::size_t end = read.out.find('\n', start);
    std::string line = read.out.substr(start, end - start);
    start = end == std::string::npos ? read.out.size() : end + 1;
    if (line == "item:") {
      feed.items.emplace_back();
      current = &feed.items.back();
      continue;
    }
    std::size_t colon = line.find(": ");
    std::size_t indent = line.find_first_not_of(' ');
    (*current)[line.substr(indent, colon - indent)] = line.substr(colon + 2);
  }
  BOOST_TEST(feed.channel["bozo"] == "false");
  return feed;
}

std::vector<RenderedFile> render_list(const SampleList& list) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  return render_or_fail(theme, list.view());
}

// Three papers of two topics; "both" is listed under both.
SampleList small_list() {
  SampleList list;
  Paper a = sample_paper("pruning", "a", "2405.00001", "Paper A", "2024-05-20");
  a.code = "https://github.com/owner/repo-a";
  a.image = "content/figures/a.png";
  a.venue = "ICML'24";
  a.tags = {"Structural"};
  a.links = {{"Project", "https://example.org/a?x=1&y=2"}};
  a.summary = "Prunes layers.";
  Paper b =
      sample_paper("quantization", "b", "2405.00002", "Paper B", "2024-05-25");
  Paper both =
      sample_paper("quantization", "both", "2405.00003", "Both", "2024-05-28");
  both.also = {"pruning"};
  list.content.papers = {a, b, both};
  return list;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(feed)

BOOST_AUTO_TEST_CASE(main_feed_channel_has_every_element) {
  ReadFeed feed = read_feed(render_list(small_list()), "feed.xml");
  BOOST_TEST(feed.channel["version"] == json_text("rss20"));
  BOOST_TEST(feed.channel["encoding"] == json_text("utf-8"));
  BOOST_TEST(feed.channel["title"] == json_text("Sample List"));
  BOOST_TEST(feed.channel["link"] == json_text("https://example.org/list/"));
  BOOST_TEST(feed.channel["description"] ==
             json_text("A curated list for efficient models"));
  BOOST_TEST(feed.channel["language"] == json_text("en"));
  // The newest item's date, never the time of the build.
  BOOST_TEST(feed.channel["lastBuildDate"] ==
             json_text("Tue, 28 May 2024 00:00:00 +0000"));
  BOOST_TEST(feed.channel["self_links"] ==
             R"([["self", "https://example.org/list/feed.xml", )"
             R"("application/rss+xml"]])");
}

BOOST_AUTO_TEST_CASE(item_holds_link_guid_date_categories_and_creator) {
  ReadFeed feed = read_feed(render_list(small_list()), "feed.xml");
  BOOST_REQUIRE(feed.items.size() == 3u);
  Fields& a = feed.items[2];
  BOOST_TEST(a["title"] == json_text("Paper A"));
  BOOST_TEST(a["link"] == json_text("https://arxiv.org/abs/2405.00001"));
  BOOST_TEST(a["guid"] == json_text("arxiv:2405.00001"));
  BOOST_TEST(a["guid_attr"] == json_text("false"));
  BOOST_TEST(a["guid_is_permalink"] == "false");
  BOOST_TEST(a["pubDate"] == json_text("Mon, 20 May 2024 00:00:00 +0000"));
  BOOST_TEST(a["categories"] == R"(["Network Pruning"])");
  BOOST_TEST(a["creators"] == R"(["Ada Lovelace, Alan Turing"])");
  BOOST_TEST(a["description_tags"] == R"(["a", "img", "p"])");
  BOOST_TEST(a["description"] ==
             json_text("<p>Ada Lovelace, Alan Turing</p>\\n"
                       "<p>Venue: ICML&apos;24</p>\\n"
                       "<p>Tags: Structural</p>\\n"
                       "<p>Prunes layers.</p>\\n"
                       "<p><img src=\\\"https://example.org/list/content/"
                       "figures/a.png\\\" alt=\\\"overview figure\\\"></p>\\n"
                       "<p><a href=\\\"https://arxiv.org/abs/2405.00001\\\">"
                       "Paper</a> · <a href=\\\"https://github.com/owner/"
                       "repo-a\\\">Code</a> · <a href=\\\"https://example.org/"
                       "a?x=1&amp;y=2\\\">Project</a></p>"));
}

BOOST_AUTO_TEST_CASE(paper_under_two_topics_is_one_item_with_two_categories) {
  ReadFeed feed = read_feed(render_list(small_list()), "feed.xml");
  std::vector<std::string> guids = feed.all("guid");
  std::vector<std::string> expected = {json_text("arxiv:2405.00003"),
                                       json_text("arxiv:2405.00002"),
                                       json_text("arxiv:2405.00001")};
  BOOST_TEST(guids == expected, boost::test_tools::per_element());
  BOOST_TEST(feed.items[0]["categories"] ==
             R"(["Quantization", "Network Pruning"])");
}

BOOST_AUTO_TEST_CASE(topic_feed_holds_the_topics_papers_only) {
  auto files = render_list(small_list());
  ReadFeed pruning = read_feed(files, "feeds/pruning.xml");
  BOOST_TEST(pruning.channel["title"] ==
             json_text("Sample List: Network Pruning"));
  BOOST_TEST(pruning.channel["link"] ==
             json_text("https://example.org/list/pruning.md"));
  BOOST_TEST(pruning.channel["self_links"] ==
             R"([["self", "https://example.org/list/feeds/pruning.xml", )"
             R"("application/rss+xml"]])");
  std::vector<std::string> expected = {json_text("arxiv:2405.00003"),
                                       json_text("arxiv:2405.00001")};
  BOOST_TEST(pruning.all("guid") == expected, boost::test_tools::per_element());
  BOOST_TEST(pruning.channel["lastBuildDate"] ==
             json_text("Tue, 28 May 2024 00:00:00 +0000"));
}

BOOST_AUTO_TEST_CASE(empty_topic_feed_is_well_formed_and_has_no_items) {
  ReadFeed survey = read_feed(render_list(small_list()), "feeds/survey.xml");
  BOOST_TEST(survey.channel["items"] == "0");
  BOOST_TEST(survey.channel["title"] == json_text("Sample List: Survey"));
  // No item, no date to give: the element is left out.
  BOOST_TEST(survey.channel["lastBuildDate"] == "null");
}

BOOST_AUTO_TEST_CASE(items_are_the_newest_feed_items_ties_broken_by_id) {
  SampleList list;
  list.content.site.feed_items = 3;
  list.content.papers = {
      sample_paper("pruning", "p1", "2405.00005", "P1", "2024-05-01"),
      sample_paper("pruning", "p2", "2405.00009", "P2", "2024-05-10"),
      sample_paper("pruning", "p3", "2405.00007", "P3", "2024-05-10"),
      sample_paper("pruning", "p4", "2405.00001", "P4", "2024-04-01"),
      sample_paper("pruning", "p5", "2405.00008", "P5", "2024-05-10")};
  auto files = render_list(list);
  std::vector<std::string> expected = {json_text("arxiv:2405.00007"),
                                       json_text("arxiv:2405.00008"),
                                       json_text("arxiv:2405.00009")};
  BOOST_TEST(read_feed(files, "feed.xml").all("guid") == expected,
             boost::test_tools::per_element());
  BOOST_TEST(read_feed(files, "feeds/pruning.xml").all("guid") == expected,
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(dates_are_rfc822_with_english_names_and_weekday) {
  SampleList list;
  Paper p = sample_paper("pruning", "p", "2405.00001", "P", "2024-05-29");
  p.added = *parse_time("2024-05-29T05:50:14Z");
  list.content.papers = {p};
  ReadFeed feed = read_feed(render_list(list), "feed.xml");
  BOOST_TEST(feed.items[0]["pubDate"] ==
             json_text("Wed, 29 May 2024 05:50:14 +0000"));
  BOOST_TEST(feed.channel["lastBuildDate"] ==
             json_text("Wed, 29 May 2024 05:50:14 +0000"));
}

BOOST_AUTO_TEST_CASE(titles_with_special_characters_read_back_identical) {
  const std::vector<std::string> titles = {
      "Q&A for LLMs",  "x < y",         "p > q",
      "say \"hi\"",    "it's fine",     "all & < > \" ' at once",
      "{{x}} and ]]>", "Zürich 🚀 naïve"};
  SampleList list;
  for (std::size_t i = 0; i < titles.size(); ++i) {
    std::string n = std::to_string(i);
    Paper p = sample_paper("pruning", "p" + n, fmt::format("2405.0000{}", i),
                           titles[i], fmt::format("2024-05-{}", 10 + i));
    p.authors = {titles[i]};
    list.content.papers.push_back(p);
  }
  ReadFeed feed = read_feed(render_list(list), "feed.xml");
  BOOST_REQUIRE(feed.items.size() == titles.size());
  for (std::size_t i = 0; i < titles.size(); ++i) {
    std::string json;
    for (char c : titles[titles.size() - 1 - i])
      json += c == '"' ? std::string("\\\"") : std::string(1, c);
    BOOST_TEST(feed.items[i]["title"] == json_text(json));
    BOOST_TEST(feed.items[i]["creators"] ==
               fmt::format("[{}]", json_text(json)));
  }
  BOOST_TEST(feed.bytes.find("&amp;amp;") == std::string::npos);
  BOOST_TEST(feed.bytes.find("&amp;lt;") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(characters_illegal_in_xml_are_dropped_everywhere) {
  SampleList list;
  Paper p = sample_paper("pruning", "p", "2405.00001",
                         "a\x01"
                         "b\x0b"
                         "c\xEF\xBF\xBE"
                         "d",
                         "2024-05-20");
  p.authors = {"Ada\x1f Lovelace"};
  p.venue = "ICML\x02'24";
  p.links = {{"Pro\x7fject\x0c", "https://example.org/p"}};
  p.tags = {"Struc\x03tural\xEF\xBF\xBF"};
  p.summary = "Sum\x05mary\xEF\xBF\xBF ]]> ends";
  list.content.papers = {p};
  list.content.topics[0].title = "Network\x08 Pruning";
  list.content.site.title = "Sample\x1b List";
  auto files = render_list(list);
  for (const std::string path : {"feed.xml", "feeds/pruning.xml"}) {
    ReadFeed feed = read_feed(files, path);
    BOOST_TEST(feed.items[0]["title"] == json_text("abcd"));
    BOOST_TEST(feed.items[0]["creators"] == R"(["Ada Lovelace"])");
    BOOST_TEST(feed.items[0]["categories"] == R"(["Network Pruning"])");
    BOOST_TEST(feed.items[0]["description"].find("ICML&apos;24") !=
               std::string::npos);
    // DEL is legal XML 1.0; only the form feed goes.
    BOOST_TEST(feed.items[0]["description"].find("Pro\x7fject<") !=
               std::string::npos);
    BOOST_TEST(feed.items[0]["description"].find("Structural") !=
               std::string::npos);
    // The CDATA end inside the summary reads back as written.
    BOOST_TEST(feed.items[0]["description"].find("Summary ]]&gt; ends") !=
                   std::string::npos,
               feed.items[0]["description"]);
  }
}

BOOST_AUTO_TEST_CASE(every_url_in_the_feed_is_absolute) {
  SampleList list = small_list();
  list.paper("b").image = "./content/figures/b (1).png";
  list.paper("b").links = {{"Slides", "https://example.org/s?a=1&b=2"}};
  ReadFeed feed = read_feed(render_list(list), "feed.xml");
  for (const Fields& item : feed.items) {
    BOOST_TEST(item.at("link").rfind("\"https://", 0) == 0u);
    std::string urls = item.at("description_urls");
    // Each URL is a JSON string; every one must start with https://.
    std::size_t count = 0;
    for (std::size_t at = urls.find('"'); at != std::string::npos;
         at = urls.find('"', urls.find('"', at + 1) + 1)) {
      BOOST_TEST(urls.compare(at + 1, 8, "https://") == 0, urls);
      ++count;
    }
    BOOST_TEST(count >= 1u);
  }
  BOOST_TEST(feed.items[1]["description_urls"] ==
             R"(["https://example.org/list/content/figures/b%20%281%29.png", )"
             R"("https://arxiv.org/abs/2405.00002", )"
             R"("https://example.org/s?a=1&b=2"])");
}

BOOST_AUTO_TEST_CASE(no_markup_from_content_reaches_a_description) {
  SampleList list;
  Paper p = sample_paper("pruning", "p", "2405.00001",
                         "<script>alert(1)</script>", "2024-05-20");
  p.authors = {"<img src=x onerror=alert(1)>"};
  p.venue = "<iframe src=\"https://evil.example\"></iframe>";
  p.summary = "]]><script>alert(2)</script><![CDATA[";
  p.tags = {"\" onmouseover=\"alert(3)"};
  p.code = "https://github.com/o/r\" onclick=\"alert(4)";
  p.links = {{"<b>x</b>", "javascript:alert(5)"},
             {"ok", "https://example.org/\"><script>"}};
  p.image = "data:text/html,<script>alert(6)</script>";
  list.content.papers = {p};
  ReadFeed feed = read_feed(render_list(list), "feed.xml");
  Fields& item = feed.items[0];
  BOOST_TEST(item["description_tags"] == R"(["a", "p"])");
  BOOST_TEST(item["description_attrs"] == R"(["href"])");
  BOOST_TEST(item["description_urls"] ==
             R"(["https://arxiv.org/abs/2405.00001", )"
             R"("https://github.com/o/r%22%20onclick=%22alert%284%29", )"
             R"("https://example.org/%22%3E%3Cscript%3E"])");
  BOOST_TEST(item["title"] == json_text("<script>alert(1)</script>"));
}

BOOST_AUTO_TEST_CASE(same_list_renders_the_same_bytes) {
  auto first = render_list(small_list());
  auto second = render_list(small_list());
  BOOST_REQUIRE(first.size() == second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    BOOST_TEST(first[i].path == second[i].path);
    BOOST_TEST(first[i].bytes == second[i].bytes);
  }
}

// Issue 4: GUIDs do not change when a title is corrected, a venue added, a
// file moved to another topic, the site rebuilt or base_url switched from
// http to https; adding a paper adds exactly one item.
BOOST_AUTO_TEST_CASE(guids_survive_edits_moves_and_rebuilds) {
  SampleList list = small_list();
  list.content.site.base_url = "http://example.org/list/";
  ReadFeed before = read_feed(render_list(list), "feed.xml");

  list.paper("a").title = "Paper A, corrected";
  list.paper("b").venue = "NeurIPS'24";
  list.paper("b").topic = "pruning";  // moved; keeps its added date
  list.paper("b").file = "/list/content/papers/pruning/b.toml";
  list.content.site.base_url = "https://example.org/list/";
  auto files = render_list(list);
  ReadFeed after = read_feed(files, "feed.xml");
  BOOST_TEST(after.all("guid") == before.all("guid"),
             boost::test_tools::per_element());
  BOOST_TEST(after.items[1]["categories"] == R"(["Network Pruning"])");
  BOOST_TEST(after.items[2]["title"] == json_text("Paper A, corrected"));
  BOOST_TEST(read_feed(render_list(list), "feed.xml").bytes == after.bytes);

  list.content.papers.push_back(
      sample_paper("survey", "new", "2406.00001", "New", "2024-05-31"));
  ReadFeed added = read_feed(render_list(list), "feed.xml");
  std::set<std::string> old_guids;
  for (const std::string& guid : after.all("guid"))
    old_guids.insert(guid);
  std::vector<std::string> fresh;
  for (const std::string& guid : added.all("guid")) {
    if (old_guids.count(guid) == 0)
      fresh.push_back(guid);
  }
  BOOST_TEST(fresh == std::vector<std::string>{json_text("arxiv:2406.00001")},
             boost::test_tools::per_element());
  BOOST_TEST(added.items.size() == after.items.size() + 1);
  BOOST_TEST(added.items[0]["guid"] == json_text("arxiv:2406.00001"));
}

BOOST_AUTO_TEST_SUITE_END()
