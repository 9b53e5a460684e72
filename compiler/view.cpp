#include "view.hpp"

#include <algorithm>
#include <map>

namespace papersite {

namespace {

using std::chrono::days;
using std::chrono::floor;

std::vector<const DatedPaper*> sorted_newest_first(
    const std::vector<DatedPaper>& papers) {
  std::vector<const DatedPaper*> out;
  out.reserve(papers.size());
  for (const DatedPaper& p : papers)
    out.push_back(&p);
  std::sort(out.begin(), out.end(),
            [](const DatedPaper* a, const DatedPaper* b) {
              return newer_first(*a, *b);
            });
  return out;
}

// `recent_days` back from now, reaching further back to the day of the
// `recent_min`-th newest paper when the window holds fewer.
TimePoint recent_start(const Site& site, TimePoint now,
                       const std::vector<const DatedPaper*>& newest) {
  TimePoint since = floor<days>(now - days{site.recent_days});
  auto in_window = std::count_if(
      newest.begin(), newest.end(),
      [&](const DatedPaper* p) { return p->dates.added >= since; });
  if (in_window >= site.recent_min || newest.empty())
    return since;
  std::size_t k = std::min<std::size_t>(
      static_cast<std::size_t>(std::max(site.recent_min, 1)), newest.size());
  return std::min(since, TimePoint{floor<days>(newest[k - 1]->dates.added)});
}

}  // namespace

bool newer_first(const DatedPaper& a, const DatedPaper& b) {
  if (a.dates.added != b.dates.added)
    return a.dates.added > b.dates.added;
  return a.paper->id < b.paper->id;
}

View build_view(const Content& content, const History& history) {
  View view;
  view.content = &content;
  view.now = history.now;

  view.papers.reserve(content.papers.size());
  for (const Paper& paper : content.papers) {
    FileDates dates = history.dates_of(paper.file);
    if (paper.added)
      dates = with_added_override(dates, *paper.added);
    view.papers.push_back({&paper, dates});
  }

  view.newest = sorted_newest_first(view.papers);
  auto feed_size = std::min<std::size_t>(
      view.newest.size(),
      static_cast<std::size_t>(std::max(content.site.feed_items, 0)));
  view.feed.assign(
      view.newest.begin(),
      view.newest.begin() + static_cast<std::ptrdiff_t>(feed_size));
  view.recent_since = recent_start(content.site, view.now, view.newest);

  std::map<std::string, std::size_t> topic_index;
  for (const Topic& topic : content.topics) {
    topic_index[topic.slug] = view.topics.size();
    view.topics.push_back({&topic, {}, {}});
  }
  for (const DatedPaper* p : view.newest) {
    std::vector<std::string> slugs = {p->paper->topic};
    slugs.insert(slugs.end(), p->paper->also.begin(), p->paper->also.end());
    for (const std::string& slug : slugs) {
      auto it = topic_index.find(slug);
      if (it == topic_index.end())
        continue;  // rejected by content checks
      TopicView& topic = view.topics[it->second];
      if (std::find(topic.papers.begin(), topic.papers.end(), p) !=
          topic.papers.end())
        continue;
      topic.papers.push_back(p);
      if (p->dates.added >= view.recent_since)
        topic.recent.push_back(p);
    }
  }
  return view;
}

}  // namespace papersite
