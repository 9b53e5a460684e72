// Optional fields are always present, as `false` when empty, so a section
// such as {{#code}} inside a paper never falls through to a name of an
// enclosing context; the deferred lists are present in the same sense.
#include "render_model.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <regex>

#include "escape.hpp"
#include "paper_id.hpp"
#include "strings.hpp"

namespace papersite {

namespace {

using kainjow::mustache::data;

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0)
      out += sep;
    out += parts[i];
  }
  return out;
}

// kainjow's set() and push_back() copy; these move, which matters when a
// list holds thousands of papers.
void put(data& object, const std::string& key, data value) {
  object[key] = std::move(value);
}
// list_value() is the list itself, only typed const.
kainjow::mustache::list& items_of(data& list) {
  return const_cast<kainjow::mustache::list&>(list.list_value());
}
void append(data& list, data item) {
  items_of(list).push_back(std::move(item));
}

data object() {
  return data(data::type::object);
}
data list() {
  return data(data::type::list);
}

data named_badge(const std::string& name) {
  data value = object();
  put(value, "name", name);
  put(value, "badge", escape_badge_text(name));
  return value;
}

data image_value(const Site& site, const Paper& paper) {
  if (!paper.image)
    return data(false);
  std::string url = absolute_url(site, *paper.image);
  if (url.empty())
    return data(false);
  data value = object();
  put(value, "url", url);
  put(value, "width", std::to_string(paper.image_width.value_or(1002)));
  return value;
}

data github_value(const Paper& paper) {
  std::optional<GithubRepo> repo =
      paper.code ? github_repo(*paper.code) : std::nullopt;
  if (!repo)
    return data(false);
  data value = object();
  put(value, "owner", repo->owner);
  put(value, "repo", repo->repo);
  put(value, "url", "https://github.com/" + repo->owner + "/" + repo->repo);
  return value;
}

data url_or_false(const Site& site, const std::optional<std::string>& url) {
  std::string safe = url ? absolute_url(site, *url) : std::string();
  return safe.empty() ? data(false) : data(safe);
}

// The topics a paper is listed under: its folder first, then `also`, each
// once and only when the topic exists.
std::vector<const Topic*> listed_under(
    const Paper& paper, const std::map<std::string, const Topic*>& topics) {
  std::vector<std::string> slugs = {paper.topic};
  slugs.insert(slugs.end(), paper.also.begin(), paper.also.end());
  std::vector<const Topic*> out;
  for (const std::string& slug : slugs) {
    auto it = topics.find(slug);
    if (it != topics.end() &&
        std::find(out.begin(), out.end(), it->second) == out.end())
      out.push_back(it->second);
  }
  return out;
}

data paper_value(const Site& site, const DatedPaper& dated,
                 const std::map<std::string, const Topic*>& topics) {
  const Paper& paper = *dated.paper;
  data value = object();
  // The content loader sets the id; a Paper made elsewhere still gets one.
  put(value, "id", paper.id.empty() ? paper_identifier(paper.paper) : paper.id);
  put(value, "title", paper.title);
  put(value, "authors", join(paper.authors, ", "));
  data authors = list();
  for (const std::string& name : paper.authors)
    append(authors, data("name", data(name)));
  put(value, "author_list", std::move(authors));

  put(value, "paper", absolute_url(site, paper.paper));
  put(value, "code", url_or_false(site, paper.code));
  put(value, "github", github_value(paper));
  put(value, "venue", paper.venue ? named_badge(*paper.venue) : data(false));
  data tags = list();
  for (const std::string& tag : paper.tags)
    append(tags, named_badge(tag));
  put(value, "tags", std::move(tags));
  put(value, "has_tags", data(!paper.tags.empty()));
  put(value, "tags_text", join(paper.tags, ", "));
  put(value, "recommended", data(paper.recommended));
  put(value, "image", image_value(site, paper));
  data links = list();
  for (const auto& [name, url] : paper.links) {
    std::string safe = absolute_url(site, url);
    if (safe.empty())
      continue;
    data link = object();
    put(link, "name", name);
    put(link, "url", safe);
    append(links, std::move(link));
  }
  put(value, "links", std::move(links));
  put(value, "summary", paper.summary ? data(*paper.summary) : data(false));

  put(value, "added", format_ymd(dated.dates.added));
  put(value, "added_iso", format_iso(dated.dates.added));
  put(value, "added_rfc822", format_rfc822(dated.dates.added));
  put(value, "updated", format_ymd(dated.dates.updated));
  put(value, "updated_iso", format_iso(dated.dates.updated));

  put(value, "topic", paper.topic);
  data listed = list();
  for (const Topic* topic : listed_under(paper, topics)) {
    data t = object();
    put(t, "slug", topic->slug);
    put(t, "title", topic->title);
    put(t, "page", topic->page);
    append(listed, std::move(t));
  }
  put(value, "topics", std::move(listed));
  return value;
}

// The values of `papers` in their order, at most `limit`.
data paper_list(const Site& site, const std::vector<const DatedPaper*>& papers,
                const std::map<std::string, const Topic*>& topics,
                std::size_t limit = static_cast<std::size_t>(-1)) {
  data out = list();
  // kainjow's move constructor is not noexcept, so a growing vector would
  // copy every paper again on each reallocation.
  items_of(out).reserve(std::min(papers.size(), limit));
  for (std::size_t i = 0; i < papers.size() && i < limit; ++i)
    append(out, paper_value(site, *papers[i], topics));
  return out;
}

data feed_value(const Site& site, const std::vector<const DatedPaper*>& papers,
                const std::map<std::string, const Topic*>& topics) {
  auto limit = static_cast<std::size_t>(std::max(site.feed_items, 0));
  data feed = object();
  put(feed, "items", paper_list(site, papers, topics, limit));
  // The newest item's date, not the time of the build, so an unchanged
  // list renders the same bytes.
  bool has_items = !papers.empty() && limit > 0;
  put(feed, "last_build_date",
      has_items ? data(format_rfc822(papers.front()->dates.added))
                : data(false));
  return feed;
}

data link_value(const Site& site, const std::string& path) {
  data value = object();
  put(value, "path", escape_url(path));
  put(value, "url", absolute_url(site, path));
  return value;
}

data site_value(const Site& site) {
  data value = object();
  put(value, "title", site.title);
  put(value, "tagline", site.tagline);
  put(value, "tagline_text", markdown_to_text(site.tagline));
  put(value, "base_url", absolute_url(site, site.base_url));
  put(value, "repository", absolute_url(site, site.repository));
  put(value, "language", site.language);
  put(value, "recent_days", std::to_string(site.recent_days));
  put(value, "recent_min", std::to_string(site.recent_min));
  put(value, "feed_items", std::to_string(site.feed_items));
  put(value, "has_contributing", data(site.contributing.has_value()));
  put(value, "contributing", site.contributing.value_or(""));
  data sections = list();
  for (const Section& section : site.sections) {
    data s = object();
    put(s, "title", section.title);
    put(s, "text", section.text);
    append(sections, std::move(s));
  }
  put(value, "sections", std::move(sections));
  return value;
}

data updates_value(const Site& site) {
  data updates = list();
  for (const Update& update : site.updates) {
    data u = object();
    put(u, "date", format_long_date(update.date));
    put(u, "date_ymd", format_ymd(update.date));
    put(u, "text", update.text);
    append(updates, std::move(u));
  }
  return updates;
}

// Without its lists of papers, which TemplateData::build makes.
data topic_value(const Site& site, const TopicView& topic,
                 const std::vector<ThemeOutput>& outputs) {
  data value = object();
  put(value, "slug", topic.topic->slug);
  put(value, "title", topic.topic->title);
  put(value, "page", escape_url(topic.topic->page));
  put(value, "page_url", absolute_url(site, topic.topic->page));
  data links = object();
  for (const ThemeOutput& output : outputs) {
    if (!output.per_topic || output.name.empty())
      continue;
    Result<std::string> path = topic_output_path(output.path, *topic.topic);
    if (path.ok())
      put(links, output.name, link_value(site, *path));
  }
  put(value, "outputs", std::move(links));
  put(value, "has_papers", data(!topic.papers.empty()));
  put(value, "has_recent", data(!topic.recent.empty()));
  put(value, "paper_count", std::to_string(topic.papers.size()));
  put(value, "recent_count", std::to_string(topic.recent.size()));
  return value;
}

}  // namespace

TemplateData::TemplateData(const View& view,
                           const std::vector<ThemeOutput>& outputs)
    : view_(&view) {
  const Site& site = view.content->site;
  for (const TopicView& topic : view.topics)
    topics_by_slug_[topic.topic->slug] = topic.topic;

  data topics = list();
  items_of(topics).reserve(view.topics.size());
  for (const TopicView& topic : view.topics)
    append(topics, topic_value(site, topic, outputs));

  data links = object();
  for (const ThemeOutput& output : outputs) {
    if (!output.per_topic && !output.name.empty())
      put(links, output.name, link_value(site, output.path));
  }

  root_ = object();
  put(root_, "site", site_value(site));
  put(root_, "updates", updates_value(site));
  put(root_, "has_updates", data(!site.updates.empty()));
  put(root_, "now", format_ymd(view.now));
  put(root_, "now_iso", format_iso(view.now));
  put(root_, "recent_since", format_us_date(view.recent_since));
  put(root_, "recent_since_ymd", format_ymd(view.recent_since));
  put(root_, "topics", std::move(topics));
  put(root_, "outputs", std::move(links));
}

const TemplateValue& TemplateData::topic(std::size_t i) const {
  return root_.get("topics")->list_value().at(i);
}

std::optional<TemplateValue> TemplateData::build(const TemplateValue& owner,
                                                 std::string_view name) const {
  const Site& site = view_->content->site;
  if (&owner == &root_) {
    if (name == "papers")
      return paper_list(site, view_->newest, topics_by_slug_);
    if (name == "feed")
      return feed_value(site, view_->newest, topics_by_slug_);
    return std::nullopt;
  }
  const kainjow::mustache::list& topics = root_.get("topics")->list_value();
  // std::less orders any two pointers, even into different objects.
  std::less<const TemplateValue*> before;
  if (topics.empty() || before(&owner, topics.data()) ||
      !before(&owner, topics.data() + topics.size()))
    return std::nullopt;
  const TopicView& topic =
      view_->topics[static_cast<std::size_t>(&owner - topics.data())];
  if (name == "papers")
    return paper_list(site, topic.papers, topics_by_slug_);
  if (name == "recent")
    return paper_list(site, topic.recent, topics_by_slug_);
  if (name == "feed")
    return feed_value(site, topic.papers, topics_by_slug_);
  return std::nullopt;
}

const TemplateValue* TemplateData::member(const TemplateValue& owner,
                                          const std::string& name,
                                          DeferredValues& made) const {
  if (const TemplateValue* value = owner.get(name))
    return value;
  // Most names that miss are looked up further down the stack: they must
  // cost no more than the miss.
  if (name != "papers" && name != "recent" && name != "feed")
    return nullptr;
  auto key = std::make_pair(&owner, name);
  auto it = made.made_.find(key);
  if (it == made.made_.end()) {
    std::optional<TemplateValue> value = build(owner, name);
    if (!value)
      return nullptr;
    it = made.made_.emplace(std::move(key), std::move(*value)).first;
  }
  return &it->second;
}

TemplateValue output_value(const Site& site, const std::string& path) {
  std::string up;
  for (char c : path) {
    if (c == '/')
      up += "../";
  }
  data output = object();
  output.set("path", escape_url(path));
  output.set("url", absolute_url(site, path));
  output.set("root", up);
  return data("output", output);
}

bool is_safe_output_path(std::string_view path) {
  if (path.empty() || path.front() == '/' ||
      path.find('\\') != std::string_view::npos)
    return false;
  for (std::string_view part : split(path, '/')) {
    if (part.empty() || part == "." || part == ".." ||
        equals_nocase(part, ".git"))
      return false;
  }
  return true;
}

Result<std::string> topic_output_path(const std::string& pattern,
                                      const Topic& topic) {
  std::string path;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern.compare(i, 8, "{{slug}}") == 0) {
      path += topic.slug;
      i += 8;
    } else if (pattern.compare(i, 8, "{{page}}") == 0) {
      path += topic.page;
      i += 8;
    } else {
      path += pattern[i++];
    }
  }
  if (!is_safe_output_path(path))
    return Error{ExitCode::kContent,
                 "topic '" + topic.slug + "' would be written to '" + path +
                     "', outside the output folder; give its 'page' in "
                     "topics.toml a relative path such as '" +
                     topic.slug + ".md'"};
  return path;
}

std::string absolute_url(const Site& site, std::string_view path_or_url) {
  if (starts_with_nocase(path_or_url, "http://") ||
      starts_with_nocase(path_or_url, "https://"))
    return escape_url(path_or_url);
  // Anything else with a scheme (or protocol-relative) is not a path in
  // the repository and must not become a link.
  std::size_t colon = path_or_url.find(':');
  if ((colon != std::string_view::npos && colon < path_or_url.find('/')) ||
      path_or_url.substr(0, 2) == "//" || path_or_url.empty())
    return {};
  while (path_or_url.substr(0, 2) == "./")
    path_or_url.remove_prefix(2);
  while (!path_or_url.empty() && path_or_url.front() == '/')
    path_or_url.remove_prefix(1);
  std::string base = site.base_url;
  if (!starts_with_nocase(base, "http://") &&
      !starts_with_nocase(base, "https://"))
    return escape_url(path_or_url);  // Limitation: relative without base_url
  if (base.back() != '/')
    base += '/';
  return escape_url(base) + escape_url(path_or_url);
}

std::optional<GithubRepo> github_repo(std::string_view url) {
  std::string_view rest;
  for (std::string_view prefix :
       {"https://github.com/", "http://github.com/", "https://www.github.com/",
        "http://www.github.com/"}) {
    if (starts_with_nocase(url, prefix)) {
      rest = url.substr(prefix.size());
      break;
    }
  }
  std::size_t slash = rest.find('/');
  if (slash == std::string_view::npos)
    return std::nullopt;
  std::string_view owner = rest.substr(0, slash);
  std::string_view repo = rest.substr(slash + 1);
  repo = repo.substr(0, repo.find_first_of("/?#"));
  if (repo.size() > 4 && repo.substr(repo.size() - 4) == ".git")
    repo.remove_suffix(4);
  auto valid = [](std::string_view part) {
    return !part.empty() && part != "." && part != ".." &&
           std::all_of(part.begin(), part.end(), [](char c) {
             return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
           });
  };
  if (!valid(owner) || !valid(repo))
    return std::nullopt;
  return GithubRepo{std::string(owner), std::string(repo)};
}

std::string markdown_to_text(std::string_view markdown) {
  static const std::regex kLink(R"(!?\[([^\]]*)\]\([^)]*\))");
  std::string text =
      std::regex_replace(std::string(markdown), kLink, std::string("$1"));
  text.erase(std::remove_if(text.begin(), text.end(),
                            [](char c) { return c == '*' || c == '`'; }),
             text.end());
  return text;
}

}  // namespace papersite
