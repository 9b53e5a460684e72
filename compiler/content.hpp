// Content: loads content/ (site.toml, topics.toml, papers/<topic>/*.toml)
// into plain structs and checks every rule of the design's content section,
// reporting each problem as a diagnostic with its position.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "diagnostics.hpp"
#include "paths.hpp"
#include "time.hpp"

namespace papersite {

struct Update {
  TimePoint date;
  std::string text;  // markdown
};

// A section of the list's own for the front page: markdown from a file.
struct Section {
  std::string title;
  std::string text;  // markdown
};

struct Site {
  std::string title;
  std::string tagline;     // markdown
  std::string base_url;    // absolute, ends with '/'
  std::string repository;  // URL
  std::string language = "en";
  int recent_days = 30;
  int recent_min = 10;
  int feed_items = 50;
  std::uint64_t figure_budget =
      std::uint64_t{1024} * 1024;  // bytes, for local figures
  std::vector<Update> updates;
  // The list's own contributing text (markdown), in place of the theme's.
  std::optional<std::string> contributing;
  std::vector<Section> sections;  // after the theme's sections
};

struct Topic {
  std::string slug;  // [a-z0-9-]+
  std::string title;
  std::string page;  // generated file, e.g. "pruning.md"
};

struct Paper {
  std::filesystem::path file;  // absolute path of the TOML file
  std::string display_path;    // as shown in diagnostics
  std::string topic;           // folder name: the primary topic slug
  std::string slug;            // file stem
  std::string id;              // normalised identifier (see paper_id.hpp)

  std::string title;
  std::vector<std::string> authors;
  std::string paper;                // URL
  std::optional<std::string> code;  // URL
  std::optional<std::string> venue;
  std::vector<std::string> tags;
  std::optional<std::string> image;  // repository path or URL
  std::optional<int> image_width;
  std::vector<std::pair<std::string, std::string>> links;  // name, URL
  bool recommended = false;
  std::vector<std::string> also;   // more topic slugs
  std::optional<TimePoint> added;  // override of the git date
  std::optional<std::string> summary;
};

struct Content {
  std::filesystem::path dir;  // absolute path of content/
  Site site;
  std::vector<Topic> topics;                      // display order
  std::vector<Paper> papers;                      // sorted by file path
  std::vector<std::filesystem::path> files_read;  // for the depfile
};

struct LoadOptions {
  std::filesystem::path content_dir;
  // When non-empty, only these paper files are validated on their own; the
  // cross-file rules (duplicates) still see every paper.
  std::vector<std::filesystem::path> only_files;
  // Reference time, for rules such as "added in the future".
  std::optional<TimePoint> now;
};

// Loads and validates everything. Problems go to `diagnostics`; the
// returned Content holds what could be read (callers must check
// diagnostics.has_errors() before using it to write anything).
Content load_content(const LoadOptions& options, Diagnostics& diagnostics);

// The topics of `content_dir`/topics.toml alone, checked as load_content
// checks them; problems go to `diagnostics` (for `papersite new`, which
// needs the topics and nothing else).
std::vector<Topic> load_topics(const std::filesystem::path& content_dir,
                               Diagnostics& diagnostics);

// Content files larger than this are refused before parsing.
inline constexpr std::uintmax_t kMaxContentFileBytes =
    std::uintmax_t{256} * 1024;

// Values that `papersite new` leaves for the contributor start with this
// mark; a value still holding it is an error until it is replaced.
inline constexpr std::string_view kPlaceholderMark = "TODO:";
bool is_placeholder(std::string_view value);
// True for a value copied unchanged from an example of the skeleton that no
// real paper has (the example author, code URL, link or summary).
bool is_skeleton_example(std::string_view value);

// True for `[a-z0-9-]+`: topic slugs and the stems of paper file names.
bool is_slug(std::string_view text);

// A title reduced for comparison: lower case, ASCII punctuation and spaces
// dropped; two papers with equal reduced titles are the same paper.
std::string comparable_title(std::string_view title);

// The candidate closest to `name` by edit distance (ignoring case), when it
// is near enough to be a likely typo; nullopt otherwise.
std::optional<std::string> closest_name(
    std::string_view name, const std::vector<std::string>& candidates);

// One key of a paper file: the validator's list of known keys and the
// skeleton `papersite new` writes, with a comment per key.
struct PaperKey {
  std::string_view name;
  bool required;
  std::string_view meaning;  // one line for the skeleton's comment
  std::string_view example;  // a TOML value
};
// Every key of a paper file, in the order the skeleton writes them.
const std::vector<PaperKey>& paper_keys();

}  // namespace papersite
