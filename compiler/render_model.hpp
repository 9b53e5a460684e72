// The data model handed to templates: the View turned into mustache data,
// shared by every output, its lists of papers built per output on first
// use (TemplateData::member). themes/README.md documents
// every name; URLs in it are already safe to print (escape_url) and
// absolute wherever a reader outside the repository follows them.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render.hpp"

namespace papersite {

using TemplateValue = kainjow::mustache::data;

class TemplateData;

// The members of a TemplateData built while one output renders: kept until
// the output is done, then freed with this object.
class DeferredValues {
 private:
  friend class TemplateData;
  std::map<std::pair<const TemplateValue*, std::string>, TemplateValue,
           std::less<>>
      made_;
};

// The lists of papers (`papers` and `feed` of the root, `papers`, `recent`
// and `feed` of each topic) are built when a template first names them,
// for the output being rendered, and freed after it: a list of 10,000
// papers would otherwise be held, and copied, once per list that shows a
// paper. Every other value is built here, once.
class TemplateData {
 public:
  // `outputs` gives the `outputs` objects of the root and of each topic.
  // Expects every topic page path to have been checked
  // (topic_output_path).
  TemplateData(const View& view, const std::vector<ThemeOutput>& outputs);

  const TemplateValue& root() const { return root_; }
  // The value of view.topics[i] inside root's `topics`: a per-topic output
  // is rendered with it above the root.
  const TemplateValue& topic(std::size_t i) const;

  // The member `name` of `owner`, from owner itself or else built into
  // `made` on first use; nullptr when owner has no such member.
  const TemplateValue* member(const TemplateValue& owner,
                              const std::string& name,
                              DeferredValues& made) const;

 private:
  std::optional<TemplateValue> build(const TemplateValue& owner,
                                     std::string_view name) const;

  const View* view_;
  std::map<std::string, const Topic*> topics_by_slug_;
  TemplateValue root_;
};

// The small value rendered above everything else: `output.path`,
// `output.url` and `output.root` ("../" per folder level of the path).
TemplateValue output_value(const Site& site, const std::string& path);

// `pattern` with "{{slug}}" and "{{page}}" replaced by the topic's. Fails
// with ExitCode::kContent when the result is not a relative path inside the
// output folder ('..', absolute, empty part, backslash).
Result<std::string> topic_output_path(const std::string& pattern,
                                      const Topic& topic);

// True for a relative path with '/' separators, no empty, ".", ".." or
// ".git" part and no backslash.
bool is_safe_output_path(std::string_view path);

// An http(s) URL made safe (escape_url); a path in the repository
// ("content/figures/x.png") resolved against base_url first. Returns an
// empty string for any other scheme (javascript:, data:, ...), so such a
// link is dropped rather than printed.
std::string absolute_url(const Site& site, std::string_view path_or_url);

struct GithubRepo {
  std::string owner;
  std::string repo;
};

// OWNER and REPO of https://github.com/OWNER/REPO[/...] (".git" dropped);
// nullopt for any other URL.
std::optional<GithubRepo> github_repo(std::string_view url);

// Markdown reduced to its text, for places that show plain text (feed
// descriptions): links and images become their text, '*' and backticks
// are dropped.
std::string markdown_to_text(std::string_view markdown);

}  // namespace papersite
