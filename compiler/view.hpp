// View: the content arranged for the pages: papers with their dates, each
// topic's papers newest first, the recent set of the front page and the
// feed items.
#pragma once

#include <vector>

#include "content.hpp"
#include "history.hpp"

namespace papersite {

struct DatedPaper {
  const Paper* paper = nullptr;
  FileDates dates;  // with the `added` override applied
};

struct TopicView {
  const Topic* topic = nullptr;
  std::vector<const DatedPaper*> papers;  // newest first, ties by id
  std::vector<const DatedPaper*> recent;  // the part in the recent window
};

struct View {
  const Content* content = nullptr;
  TimePoint now;
  // Start of the front page's window: `recent_days` before `now`, or
  // earlier so that it holds at least `recent_min` papers.
  TimePoint recent_since;
  std::vector<DatedPaper> papers;         // same order as content.papers
  std::vector<TopicView> topics;          // display order, every topic
  std::vector<const DatedPaper*> newest;  // all papers, newest first
  std::vector<const DatedPaper*> feed;    // first `feed_items` of newest
};

// Newest first; ties broken by paper id so the order never depends on the
// file system.
bool newer_first(const DatedPaper& a, const DatedPaper& b);

// `content` and `history` must outlive the View.
View build_view(const Content& content, const History& history);

}  // namespace papersite
