#include "view.hpp"

#include <boost/test/unit_test.hpp>

using namespace papersite;

namespace {

TimePoint day(const char* ymd) {
  return *parse_time(ymd);
}

// A list whose papers are dated by the `added` override, so the view's
// rules can be checked without a repository.
struct Fixture {
  Content content;
  History history;

  Fixture() {
    content.topics = {{"pruning", "Network Pruning", "pruning.md"},
                      {"quantization", "Quantization", "quantization.md"},
                      {"survey", "Survey", "survey.md"}};
    history.now = day("2024-06-30");
  }

  void add(const std::string& id, const std::string& topic, const char* added,
           std::vector<std::string> also = {}) {
    Paper p;
    p.id = id;
    p.file = "/list/content/papers/" + topic + "/" + id + ".toml";
    p.topic = topic;
    p.added = day(added);
    p.also = std::move(also);
    content.papers.push_back(std::move(p));
  }

  static std::vector<std::string> ids(
      const std::vector<const DatedPaper*>& papers) {
    std::vector<std::string> out;
    for (const DatedPaper* p : papers)
      out.push_back(p->paper->id);
    return out;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(view)

BOOST_FIXTURE_TEST_CASE(topics_list_papers_newest_first_ties_by_id, Fixture) {
  add("b", "pruning", "2024-05-01");
  add("a", "pruning", "2024-05-01");
  add("c", "pruning", "2024-06-01");
  View v = build_view(content, history);
  BOOST_TEST(
      ids(v.topics[0].papers) == (std::vector<std::string>{"c", "a", "b"}),
      boost::test_tools::per_element());
  BOOST_TEST(v.topics[1].papers.empty());
}

BOOST_FIXTURE_TEST_CASE(also_lists_a_paper_under_more_topics_once, Fixture) {
  add("a", "pruning", "2024-05-01", {"quantization", "quantization"});
  View v = build_view(content, history);
  BOOST_TEST(v.topics[0].papers.size() == 1U);
  BOOST_TEST(v.topics[1].papers.size() == 1U);
  BOOST_TEST(v.newest.size() == 1U);
}

BOOST_FIXTURE_TEST_CASE(recent_window_is_recent_days_when_full_enough,
                        Fixture) {
  content.site.recent_days = 30;
  content.site.recent_min = 2;
  add("old", "pruning", "2024-01-01");
  add("n1", "pruning", "2024-06-10");
  add("n2", "survey", "2024-06-20");
  View v = build_view(content, history);
  BOOST_TEST(format_iso(v.recent_since) == "2024-05-31T00:00:00Z");
  BOOST_TEST(ids(v.topics[0].recent) == (std::vector<std::string>{"n1"}),
             boost::test_tools::per_element());
  BOOST_TEST(v.topics[2].recent.size() == 1U);
}

BOOST_FIXTURE_TEST_CASE(recent_window_reaches_back_to_recent_min_th_newest,
                        Fixture) {
  content.site.recent_days = 30;
  content.site.recent_min = 3;
  add("a", "pruning", "2024-01-01");
  add("b", "pruning", "2024-03-05");
  add("c", "pruning", "2024-03-05");
  add("d", "pruning", "2024-04-01");
  View v = build_view(content, history);
  // The third newest was added on 03/05: the window starts that day and
  // holds both papers of that day.
  BOOST_TEST(format_iso(v.recent_since) == "2024-03-05T00:00:00Z");
  BOOST_TEST(v.topics[0].recent.size() == 3U);
}

BOOST_FIXTURE_TEST_CASE(fewer_papers_than_recent_min_shows_all, Fixture) {
  content.site.recent_min = 10;
  add("a", "pruning", "2023-01-01");
  add("b", "survey", "2024-01-01");
  View v = build_view(content, history);
  BOOST_TEST(format_iso(v.recent_since) == "2023-01-01T00:00:00Z");
  BOOST_TEST(v.topics[0].recent.size() + v.topics[2].recent.size() == 2U);
}

BOOST_FIXTURE_TEST_CASE(feed_holds_feed_items_newest, Fixture) {
  content.site.feed_items = 2;
  add("a", "pruning", "2024-01-01");
  add("b", "pruning", "2024-02-01");
  add("c", "pruning", "2024-03-01");
  View v = build_view(content, history);
  BOOST_TEST(ids(v.feed) == (std::vector<std::string>{"c", "b"}),
             boost::test_tools::per_element());
}

BOOST_FIXTURE_TEST_CASE(override_wins_and_is_never_after_updated, Fixture) {
  add("a", "pruning", "2024-05-01");
  std::string key = "content/papers/pruning/a.toml";
  history.has_repository = true;
  history.repo_root = "/list";
  history.files[key] = {day("2024-06-01"), day("2024-04-01"), DateSource::kGit};
  View v = build_view(content, history);
  const FileDates& d = v.papers[0].dates;
  BOOST_TEST(format_ymd(d.added) == "2024-05-01");
  BOOST_TEST(format_iso(d.updated) >= format_iso(d.added));
  BOOST_TEST(to_string(d.source) == std::string("override"));
}

BOOST_AUTO_TEST_SUITE_END()
