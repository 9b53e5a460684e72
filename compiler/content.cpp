// The content loader hands toml++ only text that content_file.cpp has read
// and screened (size, UTF-8, byte order mark, stray characters). Each
// file's problems are collected with the position toml++ recorded for the
// offending key or value; the cross-file rules (the same paper twice) run
// once every paper is read. Symbolic links are reported, never followed, so
// nothing outside the content folder is ever read.

#include "content.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <tuple>

#include "content_file.hpp"
#include "paper_id.hpp"
#include "parallel.hpp"
#include "strings.hpp"
#include "toml_parser.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------- reports

// 1-based; 0 when a problem concerns the whole file.
struct Position {
  int line = 0;
  int column = 0;
};

Position position_of(const toml::source_region& region) {
  return {static_cast<int>(region.begin.line),
          static_cast<int>(region.begin.column)};
}
Position position_of(const toml::node& node) {
  return position_of(node.source());
}
Position position_of(const toml::key& key) {
  return position_of(key.source());
}

// The diagnostics of one file, with its text for the source lines.
class FileReport {
 public:
  FileReport(std::string path, Diagnostics& sink)
      : path_(std::move(path)), sink_(sink) {}
  // lines_ views text_, so a report stays where it was made.
  FileReport(const FileReport&) = delete;
  FileReport& operator=(const FileReport&) = delete;

  void set_text(std::string text) {
    text_ = std::move(text);
    lines_.reset();
  }
  const std::string& path() const { return path_; }

  void error(Position at, std::string message) {
    sink_.error(path_, at.line, at.column, std::move(message), source_line(at));
  }
  void warning(Position at, std::string message) {
    sink_.warning(path_, at.line, at.column, std::move(message),
                  source_line(at));
  }
  std::string source_line(Position at) {
    if (at.line < 1)
      return {};
    if (!lines_)
      lines_.emplace(text_);
    return printable(lines_->line(at.line));
  }

 private:
  std::string path_;
  std::string text_;
  std::optional<LineIndex> lines_;  // of text_, made on the first diagnostic
  Diagnostics& sink_;
};

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names)
    out += (out.empty() ? "'" : ", '") + name + "'";
  return out;
}

// The text of `file`, screened for toml++, or nullopt after reporting why
// it cannot be parsed.
std::optional<std::string> read_text(const fs::path& file, FileReport& report) {
  FileText read = read_content_file(file, kMaxContentFileBytes);
  report.set_text(read.text);
  if (!read.problem.empty()) {
    report.error({read.line, read.column}, read.problem);
    return std::nullopt;
  }
  return std::move(read.text);
}

// toml++ says "Error while parsing key-value pair: cannot redefine ...";
// the diagnostic keeps what follows the colon.
std::string parse_error_message(std::string_view description) {
  std::string_view text = description;
  if (text.starts_with("Error while parsing")) {
    auto colon = text.find(": ");
    if (colon != std::string_view::npos)
      text.remove_prefix(colon + 2);
  }
  std::string message = "invalid TOML: " + std::string(text);
  if (text.starts_with("cannot redefine existing"))
    message += "; each key may appear only once";
  return message;
}

// A text parsed by toml++, or where and why it failed.
struct ParsedToml {
  std::optional<toml::table> table;
  Position at;
  std::string problem;
};

// Touches nothing shared, so files can be parsed on several threads.
ParsedToml parse_toml_text(const std::string& text, std::string_view path) {
  ParsedToml out;
  try {
    out.table = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    out.at = position_of(e.source());
    out.problem = parse_error_message(e.description());
  } catch (const std::exception& e) {
    out.problem = fmt::format("cannot parse the file: {}", e.what());
  }
  return out;
}

std::optional<toml::table> parse_toml(const std::string& text,
                                      FileReport& report) {
  ParsedToml parsed = parse_toml_text(text, report.path());
  if (!parsed.table)
    report.error(parsed.at, std::move(parsed.problem));
  return std::move(parsed.table);
}

// ---------------------------------------------------------- typed access

std::string_view type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::table:
      return "a table";
    case toml::node_type::array:
      return "an array";
    case toml::node_type::string:
      return "a string";
    case toml::node_type::integer:
      return "an integer";
    case toml::node_type::floating_point:
      return "a floating-point number";
    case toml::node_type::boolean:
      return "a boolean";
    case toml::node_type::date:
      return "a date";
    case toml::node_type::time:
      return "a time";
    case toml::node_type::date_time:
      return "a date-time";
    default:
      return "nothing";
  }
}

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c));
  });
}

// A string value with the node it came from, for positions.
struct Text {
  std::string value;
  const toml::node* node;
};

// The keys of one TOML table, read with their types checked; every problem
// goes to the file's report, and a value with a problem reads as absent.
class Fields {
 public:
  // `at` is where a missing key is reported: the table's header, or
  // nowhere for the root table.
  Fields(const toml::table& table, FileReport& report, Position at)
      : table_(table), report_(report), at_(at) {}

  FileReport& report() { return report_; }

  // Reports each key that is not in `known`, with a "did you mean".
  void check_keys(const std::vector<std::string>& known,
                  std::string_view what) {
    for (auto&& [key, node] : table_) {
      std::string name(key.str());
      if (std::find(known.begin(), known.end(), name) != known.end())
        continue;
      auto near = closest_name(name, known);
      if (near)
        misspelt_.insert(*near);
      report_.error(position_of(key),
                    near ? fmt::format("unknown key '{}'; did you mean '{}'?",
                                       name, *near)
                         : fmt::format("unknown key '{}'; {} may hold {}", name,
                                       what, quoted_list(known)));
    }
  }

  const toml::node* get(std::string_view key, bool required,
                        std::string_view example) {
    const toml::node* node = table_.get(key);
    // A misspelt key already has its "did you mean"; saying it is missing
    // too would report one mistake twice.
    if (node == nullptr && required && misspelt_.count(key) == 0)
      report_.error(at_, fmt::format("missing required key '{}'; add {} = {}",
                                     key, key, example));
    return node;
  }

  void type_error(std::string_view key, const toml::node& node,
                  std::string_view expected) {
    report_.error(position_of(node), fmt::format("'{}' must be {}, not {}", key,
                                                 expected, type_name(node)));
  }

  std::optional<Text> string(std::string_view key, bool required,
                             std::string_view example = "\"...\"") {
    const toml::node* node = get(key, required, example);
    if (node == nullptr)
      return std::nullopt;
    return string_value(key, *node);
  }

  // `label` names the value in messages ("links.slides").
  std::optional<Text> string_value(std::string_view label,
                                   const toml::node& node) {
    if (!node.is_string()) {
      type_error(label, node, "a string");
      return std::nullopt;
    }
    return checked_text(label, node);
  }

  std::optional<Text> url(std::string_view key, bool required,
                          std::string_view example) {
    const toml::node* node = get(key, required, example);
    if (node == nullptr)
      return std::nullopt;
    return url_value(key, *node);
  }

  std::optional<Text> url_value(std::string_view label,
                                const toml::node& node) {
    auto text = string_value(label, node);
    if (text && !is_http_url(text->value)) {
      report_.error(position_of(node),
                    fmt::format("'{}' must be an http(s) URL", label));
      return std::nullopt;
    }
    return text;
  }

  // An array of non-empty strings; nullopt when absent or malformed.
  std::optional<std::vector<Text>> strings(std::string_view key, bool required,
                                           std::string_view example) {
    const toml::node* node = get(key, required, example);
    if (node == nullptr)
      return std::nullopt;
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      type_error(key, *node, "an array of strings");
      return std::nullopt;
    }
    std::vector<Text> out;
    bool ok = true;
    for (const toml::node& item : *array) {
      if (!item.is_string()) {
        report_.error(position_of(item),
                      fmt::format("'{}' must hold strings only, not {}", key,
                                  type_name(item)));
        ok = false;
      } else if (auto text = checked_text(key, item)) {
        out.push_back(*text);
      } else {
        ok = false;
      }
    }
    if (!ok)
      return std::nullopt;
    return out;
  }

  std::optional<std::int64_t> integer(std::string_view key, bool required,
                                      std::int64_t min, std::int64_t max,
                                      std::string_view example) {
    const toml::node* node = get(key, required, example);
    if (node == nullptr)
      return std::nullopt;
    if (!node->is_integer()) {
      type_error(key, *node, "an integer");
      return std::nullopt;
    }
    std::int64_t value = **node->as_integer();
    if (value < min || value > max) {
      report_.error(position_of(*node),
                    fmt::format("'{}' must be from {} to {}", key, min, max));
      return std::nullopt;
    }
    return value;
  }

  std::optional<bool> boolean(std::string_view key) {
    const toml::node* node = get(key, false, "");
    if (node == nullptr)
      return std::nullopt;
    if (!node->is_boolean()) {
      type_error(key, *node, "true or false");
      return std::nullopt;
    }
    return **node->as_boolean();
  }

  // A date (midnight UTC) or, as the importer writes them, an offset
  // date-time such as 2024-05-29T05:50:14Z that keeps the commit's time.
  std::optional<TimePoint> date(std::string_view key, bool required) {
    const toml::node* node = get(key, required, "2024-05-29");
    if (node == nullptr)
      return std::nullopt;
    if (node->is_date_time())
      return date_time(key, *node);
    if (!node->is_date()) {
      std::string_view hint = node->is_string() ? " (write it unquoted)" : "";
      report_.error(position_of(*node),
                    fmt::format("'{}' must be a date like 2024-05-29, not "
                                "{}{}",
                                key, type_name(*node), hint));
      return std::nullopt;
    }
    toml::date d = **node->as_date();
    auto t = make_date(d.year, d.month, d.day);
    if (!t)
      report_.error(position_of(*node),
                    fmt::format("'{}' is not a valid date", key));
    return t;
  }

  std::optional<TimePoint> date_time(std::string_view key,
                                     const toml::node& node) {
    toml::date_time dt = **node.as_date_time();
    if (!dt.offset) {
      report_.error(position_of(node),
                    fmt::format("'{}' has a time but no time zone; write it "
                                "in UTC like 2024-05-29T05:50:14Z, or as a "
                                "date like 2024-05-29",
                                key));
      return std::nullopt;
    }
    auto day = make_date(dt.date.year, dt.date.month, dt.date.day);
    if (!day) {
      report_.error(position_of(node),
                    fmt::format("'{}' is not a valid date", key));
      return std::nullopt;
    }
    return *day + std::chrono::hours{dt.time.hour} +
           std::chrono::minutes{dt.time.minute} +
           std::chrono::seconds{dt.time.second} -
           std::chrono::minutes{dt.offset->minutes};
  }

 private:
  std::optional<Text> checked_text(std::string_view key,
                                   const toml::node& node) {
    const std::string& value = **node.as_string();
    if (is_placeholder(value)) {
      report_.error(position_of(node),
                    fmt::format("'{}' still holds the placeholder of "
                                "'papersite new'; replace it with the real "
                                "value",
                                key));
      return std::nullopt;
    }
    if (is_skeleton_example(value)) {
      report_.error(position_of(node),
                    fmt::format("'{}' still holds the example of "
                                "'papersite new'; replace it with the real "
                                "value or delete the line",
                                key));
      return std::nullopt;
    }
    if (blank(value)) {
      report_.error(position_of(node),
                    fmt::format("'{}' is empty; give a value or remove the "
                                "line",
                                key));
      return std::nullopt;
    }
    return Text{value, &node};
  }

  const toml::table& table_;
  FileReport& report_;
  Position at_;
  std::set<std::string, std::less<>> misspelt_;
};

// The tables of an array of tables (`[[key]]`); reports other shapes.
std::vector<const toml::table*> tables_of(Fields& fields, std::string_view key,
                                          const toml::node* node) {
  std::vector<const toml::table*> out;
  if (node == nullptr)
    return out;
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    fields.report().error(position_of(*node),
                          fmt::format("'{}' must be an array of tables, each "
                                      "written as a [[{}]] section",
                                      key, key));
    return out;
  }
  for (const toml::node& item : *array)
    out.push_back(item.as_table());
  return out;
}

// A relative path that stays inside the repository: no root, no "..",
// nothing in ".git/". Returns the problem, empty when there is none.
std::string path_problem(std::string_view key, std::string_view value) {
  fs::path path(value);
  if (path.is_absolute() || value.starts_with('/') ||
      value.find('\\') != std::string_view::npos)
    return fmt::format("'{}' must be a relative path with '/' separators", key);
  for (const fs::path& part : path) {
    if (part == "..")
      return fmt::format("'{}' must not contain '..'", key);
  }
  fs::path normal = path.lexically_normal();
  if (normal.empty() || normal == ".")
    return fmt::format("'{}' must name a file", key);
  // Any '.git' part, in any case: a nested repository's, or ".GIT" on a
  // file system that ignores case.
  for (const fs::path& part : normal) {
    if (equals_nocase(part.string(), ".git"))
      return fmt::format("'{}' must not point into a '.git/' folder", key);
  }
  return {};
}

// ----------------------------------------------------------- paper keys

// A paper with what the cross-file rules need to report on it.
struct LoadedPaper {
  Paper paper;
  FileReport* report = nullptr;
  bool url_ok = false;  // `paper` passed its checks; its id is meaningful
  Position paper_at, title_at;
};

const std::vector<std::string>& paper_key_names() {
  static const std::vector<std::string> kNames = [] {
    std::vector<std::string> names;
    for (const PaperKey& key : paper_keys())
      names.emplace_back(key.name);
    return names;
  }();
  return kNames;
}

std::string_view paper_example(std::string_view name) {
  for (const PaperKey& key : paper_keys()) {
    if (key.name == name)
      return key.example;
  }
  return "\"...\"";
}

// "et al" as words: "Ada et al." or "et al", but not "Janet Alvarez".
bool mentions_et_al(std::string_view author) {
  std::string lower(author);
  for (char& c : lower)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto letter = [&](std::size_t i) {
    return i < lower.size() &&
           std::isalpha(static_cast<unsigned char>(lower[i]));
  };
  for (auto at = lower.find("et al"); at != std::string::npos;
       at = lower.find("et al", at + 1)) {
    if ((at == 0 || !letter(at - 1)) && !letter(at + 5))
      return true;
  }
  return false;
}

void read_authors(Fields& fields, Paper& paper) {
  auto authors = fields.strings("authors", true, paper_example("authors"));
  if (!authors)
    return;
  if (authors->empty())
    fields.report().error(position_of(*fields.get("authors", false, "")),
                          "'authors' must list at least one author");
  for (const Text& author : *authors) {
    if (mentions_et_al(author.value))
      fields.report().warning(position_of(*author.node),
                              "author list with \"et al.\"; name every "
                              "author");
    paper.authors.push_back(author.value);
  }
}

void read_paper_url(Fields& fields, LoadedPaper& loaded) {
  auto url = fields.url("paper", true, paper_example("paper"));
  if (!url)
    return;
  loaded.paper.paper = url->value;
  loaded.paper.id = paper_identifier(url->value);
  loaded.paper_at = position_of(*url->node);
  loaded.url_ok = true;
  if (normalise_url(url->value).starts_with("arxiv.org/") &&
      !arxiv_id(url->value)) {
    fields.report().error(loaded.paper_at,
                          "'paper' is an arXiv URL without a valid arXiv id; "
                          "link the abstract page, like "
                          "https://arxiv.org/abs/2405.18218");
    loaded.url_ok = false;
  }
}

bool is_ascii_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// NAME'YY with an optional " rest": [A-Za-z][A-Za-z0-9-]*'[0-9]{2}( \S.*)?
// (by hand: std::regex took a tenth of loading a large list).
bool is_venue_form(std::string_view v) {
  std::size_t i = 0;
  if (v.empty() || !is_ascii_letter(v[0]))
    return false;
  while (i < v.size() &&
         (is_ascii_letter(v[i]) || is_ascii_digit(v[i]) || v[i] == '-'))
    ++i;
  if (v.size() < i + 3 || v[i] != '\'' || !is_ascii_digit(v[i + 1]) ||
      !is_ascii_digit(v[i + 2]))
    return false;
  std::string_view rest = v.substr(i + 3);
  return rest.empty() ||
         (rest.size() >= 2 && rest[0] == ' ' &&
          std::isspace(static_cast<unsigned char>(rest[1])) == 0);
}

void read_venue(Fields& fields, Paper& paper) {
  auto venue = fields.string("venue", false);
  if (!venue)
    return;
  paper.venue = venue->value;
  if (!is_venue_form(venue->value))
    fields.report().warning(
        position_of(*venue->node),
        fmt::format("venue '{}' is not in the form NAME'YY, like NeurIPS'23 "
                    "or ACL'24 Findings, which the conference badge expects",
                    venue->value));
}

void read_links(Fields& fields, Paper& paper) {
  const toml::node* node = fields.get("links", false, "");
  if (node == nullptr)
    return;
  const toml::table* links = node->as_table();
  if (links == nullptr) {
    fields.type_error("links", *node, "a table of name = URL");
    return;
  }
  // toml++ keeps a table's keys sorted by name; the key positions give back
  // the order of the file.
  std::vector<std::pair<Position, std::pair<std::string, std::string>>> found;
  for (auto&& [key, value] : *links) {
    std::string name(key.str());
    if (blank(name)) {
      fields.report().error(position_of(key),
                            "a link needs a name, like slides = \"https://"
                            "...\"");
      continue;
    }
    if (auto url = fields.url_value("links." + name, value))
      found.push_back({position_of(key), {name, url->value}});
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first.line, a.first.column) <
           std::tie(b.first.line, b.first.column);
  });
  for (auto& link : found)
    paper.links.push_back(std::move(link.second));
}

void read_added(Fields& fields, Paper& paper, std::optional<TimePoint> now) {
  auto added = fields.date("added", false);
  if (!added)
    return;
  paper.added = added;
  if (now && *added > *now)
    fields.report().error(
        position_of(*fields.get("added", false, "")),
        fmt::format("'added' {} is later than the reference time {}; use the "
                    "date the paper joined the list",
                    format_ymd(*added), format_ymd(*now)));
}

// ---------------------------------------------------------------- loader

const std::vector<std::string> kSiteKeys = {
    "title",         "tagline",     "base_url",     "repository",
    "language",      "recent_days", "recent_min",   "feed_items",
    "figure_budget", "update",      "contributing", "section"};
const std::vector<std::string> kUpdateKeys = {"date", "text"};
const std::vector<std::string> kSectionKeys = {"title", "file"};
const std::vector<std::string> kTopicKeys = {"slug", "title", "page"};

// A paper file the scan found.
struct FoundPaper {
  fs::path file;
  std::string topic;
  bool known_folder = false;
};

// A found paper read and parsed by a worker thread.
struct ReadPaper {
  std::string display;  // the path diagnostics show
  FileText read;
  ParsedToml parsed;
};

// Files are read and parsed this many at a time, then checked in order,
// so that a large list never holds all its parsed tables at once.
constexpr std::size_t kPaperBatch = 512;

class Loader {
 public:
  explicit Loader(const LoadOptions& options) : options_(options) {
    std::error_code ec;
    cwd_ = fs::current_path(ec);  // once: a path per file shown from it
    content_.dir = fs::absolute(options.content_dir).lexically_normal();
    if (content_.dir.filename().empty())  // a trailing '/'
      content_.dir = content_.dir.parent_path();
    root_ = content_.dir.parent_path();
  }

  // Reads everything, or topics.toml alone when `topics_only`.
  Content run(Diagnostics& diagnostics, bool topics_only = false);

 private:
  FileReport& report_for(const fs::path& file) {
    return report_for(display_path(file, cwd_));
  }
  FileReport& report_for(std::string display) {
    reports_.push_back(std::make_unique<FileReport>(std::move(display), all_));
    return *reports_.back();
  }
  void read_site();
  void read_topics();
  void read_update(const toml::table& table, FileReport& report);
  void scan_top_level();
  void scan_for_stray_papers(const fs::path& dir);
  void report_stray_paper(const fs::path& file);
  void scan_papers();
  void scan_topic_folder(const fs::path& folder);
  void read_papers();
  void read_paper(const FoundPaper& found, ReadPaper& read);
  void read_paper_fields(Fields& fields, LoadedPaper& loaded);
  void check_image(Fields& fields, const Text& image);
  // `path` from the repository root to a regular file reached without a
  // symbolic link; nullopt after reporting at `at`. `what` names the file
  // in messages, `home` where such files belong.
  std::optional<fs::path> repository_file(FileReport& report, Position at,
                                          const std::string& path,
                                          std::string_view what,
                                          std::string_view home);
  // The text of the markdown file `path` names, without its final line
  // break; nullopt after reporting.
  std::optional<std::string> markdown_file(Fields& fields, const Text& path);
  void read_section(const toml::table& table, FileReport& report);
  void check_also(Fields& fields, Paper& paper);
  void read_selected_files();
  void check_duplicates();
  void report_duplicate(const LoadedPaper& first, const LoadedPaper& second,
                        bool by_title);
  bool selected(const fs::path& file) const;
  // True when the scan has reported a problem of `file`.
  bool reported(const fs::path& file) const;
  std::vector<std::string> topic_slugs() const;
  void error_at(const fs::path& path, std::string message) {
    all_.error(display_path(path, cwd_), 0, 0, std::move(message));
  }
  std::optional<std::vector<fs::directory_entry>> list(const fs::path& dir);

  const LoadOptions& options_;
  Content content_;
  fs::path root_;  // the repository root: image paths start here
  fs::path cwd_;   // diagnostics name files relative to it; empty: absolute
  Diagnostics all_;
  std::vector<std::unique_ptr<FileReport>> reports_;
  std::vector<LoadedPaper> papers_;
  std::vector<FoundPaper> found_;  // by scan_topic_folder, for read_papers
  std::set<fs::path> selected_;
};

std::optional<std::vector<fs::directory_entry>> Loader::list(
    const fs::path& dir) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec))
    entries.push_back(*it);
  if (ec) {
    error_at(dir, fmt::format("cannot list the folder: {}", ec.message()));
    return std::nullopt;
  }
  content_.files_read.push_back(dir);
  // One folder, one prefix: comparing the strings orders as path's
  // component-wise comparison does, at a fraction of its cost.
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    return a.path().native() < b.path().native();
  });
  return entries;
}

void Loader::read_site() {
  fs::path file = content_.dir / "site.toml";
  FileReport& report = report_for(file);
  auto text = read_text(file, report);
  if (!text)
    return;
  content_.files_read.push_back(file);
  auto table = parse_toml(*text, report);
  if (!table)
    return;

  Site& site = content_.site;
  Fields fields(*table, report, {});
  fields.check_keys(kSiteKeys, "site.toml");
  if (auto v = fields.string("title", true))
    site.title = v->value;
  if (auto v = fields.string("tagline", true))
    site.tagline = v->value;
  if (auto v =
          fields.url("base_url", true, "\"https://owner.github.io/list/\""))
    site.base_url = v->value.ends_with('/') ? v->value : v->value + "/";
  if (auto v =
          fields.url("repository", true, "\"https://github.com/owner/list\""))
    site.repository = v->value;
  if (auto v = fields.string("language", false)) {
    static const std::regex kTag("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    if (std::regex_match(v->value, kTag))
      site.language = v->value;
    else
      report.error(position_of(*v->node),
                   "'language' must be a language tag like 'en' or 'en-US'");
  }
  if (auto v = fields.integer("recent_days", false, 0, 36500, "30"))
    site.recent_days = static_cast<int>(*v);
  if (auto v = fields.integer("recent_min", false, 0, 1000000, "10"))
    site.recent_min = static_cast<int>(*v);
  if (auto v = fields.integer("feed_items", false, 1, 1000000, "50"))
    site.feed_items = static_cast<int>(*v);
  if (auto v = fields.integer("figure_budget", false, 1, std::int64_t{1} << 40,
                              "1048576"))
    site.figure_budget = static_cast<std::uint64_t>(*v);
  for (const toml::table* update :
       tables_of(fields, "update", table->get("update")))
    read_update(*update, report);
  if (auto v = fields.string("contributing", false,
                             "\"content/readme/contributing.md\""))
    site.contributing = markdown_file(fields, *v);
  for (const toml::table* section :
       tables_of(fields, "section", table->get("section")))
    read_section(*section, report);
}

void Loader::read_section(const toml::table& table, FileReport& report) {
  Fields fields(table, report, position_of(table));
  fields.check_keys(kSectionKeys, "a [[section]]");
  auto title = fields.string("title", true);
  auto file = fields.string("file", true, "\"content/readme/building.md\"");
  std::optional<std::string> text;
  if (file)
    text = markdown_file(fields, *file);
  if (title && text)
    content_.site.sections.push_back({title->value, std::move(*text)});
}

void Loader::read_update(const toml::table& table, FileReport& report) {
  Fields fields(table, report, position_of(table));
  fields.check_keys(kUpdateKeys, "an [[update]]");
  auto date = fields.date("date", true);
  auto text = fields.string("text", true);
  if (date && text)
    content_.site.updates.push_back({*date, text->value});
}

void Loader::read_topics() {
  fs::path file = content_.dir / "topics.toml";
  FileReport& report = report_for(file);
  auto text = read_text(file, report);
  if (!text)
    return;
  content_.files_read.push_back(file);
  auto table = parse_toml(*text, report);
  if (!table)
    return;

  Fields root(*table, report, {});
  root.check_keys({"topic"}, "topics.toml");
  std::map<std::string, int> slug_lines;
  std::map<std::string, std::string> page_topics;
  std::string content_name = content_.dir.filename().string();
  for (const toml::table* entry :
       tables_of(root, "topic", table->get("topic"))) {
    Fields fields(*entry, report, position_of(*entry));
    fields.check_keys(kTopicKeys, "a [[topic]]");
    auto slug = fields.string("slug", true, "\"pruning\"");
    auto title = fields.string("title", true, "\"Network Pruning\"");
    auto page = fields.string("page", true, "\"pruning.md\"");
    bool ok = slug && title && page;

    if (slug && !is_slug(slug->value)) {
      report.error(position_of(*slug->node),
                   fmt::format("topic slug '{}' must be lower-case letters, "
                               "digits and '-', like 'kv-cache'",
                               slug->value));
      ok = false;
    } else if (slug && slug_lines.count(slug->value) > 0) {
      report.error(position_of(*slug->node),
                   fmt::format("topic '{}' is already defined at line {}; "
                               "remove one of the two",
                               slug->value, slug_lines[slug->value]));
      ok = false;
    } else if (slug) {
      slug_lines[slug->value] = position_of(*slug->node).line;
    }

    if (page) {
      std::string problem = path_problem("page", page->value);
      fs::path normal = fs::path(page->value).lexically_normal();
      if (problem.empty() &&
          (*normal.begin() == "content" || *normal.begin() == content_name))
        problem =
            "'page' must not point into the content folder; pages are "
            "generated beside it";
      if (problem.empty() && page_topics.count(normal.generic_string()) > 0)
        problem =
            fmt::format("page '{}' is already the page of topic '{}'",
                        page->value, page_topics[normal.generic_string()]);
      if (!problem.empty()) {
        report.error(position_of(*page->node), problem);
        ok = false;
      } else if (slug) {
        page_topics[normal.generic_string()] = slug->value;
      }
    }
    if (ok)
      content_.topics.push_back({slug->value, title->value, page->value});
  }
}

std::vector<std::string> Loader::topic_slugs() const {
  std::vector<std::string> slugs;
  for (const Topic& topic : content_.topics)
    slugs.push_back(topic.slug);
  return slugs;
}

// content/ holds site.toml, topics.toml, papers/ and figures/; a stray
// paper file there would be silently left out of the list.
void Loader::scan_top_level() {
  auto entries = list(content_.dir);
  if (!entries)
    return;
  for (const fs::directory_entry& entry : *entries) {
    std::string name = entry.path().filename().string();
    std::error_code ec;
    if (entry.is_symlink(ec)) {
      error_at(entry.path(),
               "symbolic link; papersite never follows links "
               "in the content folder, so put the file itself "
               "here");
    } else if (entry.is_directory(ec) && name != "papers") {
      scan_for_stray_papers(entry.path());
    } else if (entry.path().extension() == ".toml" && name != "site.toml" &&
               name != "topics.toml") {
      report_stray_paper(entry.path());
    }
  }
}

// Other folders (figures/, notes) may hold anything but paper files, which
// would be left out of the list without a word.
void Loader::scan_for_stray_papers(const fs::path& dir) {
  auto entries = list(dir);
  if (!entries)
    return;
  for (const fs::directory_entry& entry : *entries) {
    std::error_code ec;
    if (entry.is_symlink(ec))
      continue;  // never followed; figures report their own links
    if (entry.is_directory(ec))
      scan_for_stray_papers(entry.path());
    else if (entry.path().extension() == ".toml")
      report_stray_paper(entry.path());
  }
}

void Loader::report_stray_paper(const fs::path& file) {
  error_at(file,
           "file outside 'papers/<topic>/'; a paper file goes in the "
           "folder of its topic");
}

void Loader::scan_papers() {
  fs::path papers = content_.dir / "papers";
  std::error_code ec;
  fs::file_status status = fs::symlink_status(papers, ec);
  if (!fs::exists(status))
    return;  // a list without papers yet
  if (fs::is_symlink(status) || !fs::is_directory(status)) {
    error_at(papers,
             "must be a folder (not a link) holding one folder per "
             "topic");
    return;
  }
  auto entries = list(papers);
  if (!entries)
    return;
  for (const fs::directory_entry& entry : *entries) {
    if (entry.is_symlink(ec)) {
      error_at(entry.path(),
               "symbolic link; papersite never follows links "
               "in the content folder, so put the folder "
               "itself here");
    } else if (entry.is_directory(ec)) {
      scan_topic_folder(entry.path());
    } else {
      error_at(entry.path(),
               "file outside a topic folder; move it to "
               "'papers/<topic>/'");
    }
  }
  read_papers();
}

void Loader::scan_topic_folder(const fs::path& folder) {
  std::string topic = folder.filename().string();
  auto slugs = topic_slugs();
  bool known = std::find(slugs.begin(), slugs.end(), topic) != slugs.end();
  auto entries = list(folder);
  if (!entries)
    return;
  if (!known && entries->empty())
    error_at(folder, fmt::format("folder '{}' is not a topic of "
                                 "topics.toml; remove it",
                                 topic));
  for (const fs::directory_entry& entry : *entries) {
    std::string name = entry.path().filename().string();
    std::error_code ec;
    // Editors leave hidden swap files beside the file being edited.
    if (name.starts_with('.') && !name.ends_with(".toml"))
      continue;
    if (entry.is_symlink(ec)) {
      error_at(entry.path(),
               "symbolic link; papersite never follows links "
               "in the content folder, so put the file itself "
               "here");
      continue;
    }
    if (entry.is_directory(ec)) {
      error_at(entry.path(), fmt::format("folder inside the topic folder "
                                         "'{}'; paper files go directly in "
                                         "'papers/{}/'",
                                         topic, topic));
      continue;
    }
    bool toml_file = entry.path().extension() == ".toml";
    if (!toml_file || !is_slug(entry.path().stem().string())) {
      error_at(entry.path(),
               fmt::format("file name '{}' must be lower-case letters, "
                           "digits and '-' ending in '.toml', like "
                           "'finercut.toml'",
                           name));
      if (!toml_file)
        continue;
    }
    found_.push_back({entry.path(), topic, known});
  }
}

// Reading and parsing, most of a load's time, run on every core; the
// checks report into shared diagnostics and run in scan order.
void Loader::read_papers() {
  papers_.reserve(papers_.size() + found_.size());
  std::vector<ReadPaper> batch;
  for (std::size_t start = 0; start < found_.size(); start += kPaperBatch) {
    std::size_t count = std::min(kPaperBatch, found_.size() - start);
    batch.assign(count, ReadPaper());
    parallel_for(count, [&](std::size_t i) {
      const fs::path& file = found_[start + i].file;
      ReadPaper& r = batch[i];
      r.display = display_path(file, cwd_);
      r.read = read_content_file(file, kMaxContentFileBytes);
      if (r.read.problem.empty())
        r.parsed = parse_toml_text(r.read.text, r.display);
    });
    for (std::size_t i = 0; i < count; ++i)
      read_paper(found_[start + i], batch[i]);
  }
  found_.clear();
}

void Loader::read_paper(const FoundPaper& found, ReadPaper& read) {
  const fs::path& file = found.file;
  const std::string& topic = found.topic;
  FileReport& report = report_for(std::move(read.display));
  if (!found.known_folder) {
    auto near = closest_name(topic, topic_slugs());
    report.error({}, near ? fmt::format("folder '{}' is not a topic of "
                                        "topics.toml; did you mean '{}'?",
                                        topic, *near)
                          : fmt::format("folder '{}' is not a topic of "
                                        "topics.toml; move the file to the "
                                        "folder of its topic",
                                        topic));
  }
  report.set_text(std::move(read.read.text));
  if (!read.read.problem.empty()) {
    report.error({read.read.line, read.read.column}, read.read.problem);
    return;
  }
  content_.files_read.push_back(file);
  if (!read.parsed.table) {
    report.error(read.parsed.at, std::move(read.parsed.problem));
    return;
  }

  LoadedPaper loaded;
  loaded.report = &report;
  loaded.paper.file = file;
  loaded.paper.display_path = report.path();
  loaded.paper.topic = topic;
  loaded.paper.slug = file.stem().string();
  Fields fields(*read.parsed.table, report, {});
  read_paper_fields(fields, loaded);
  papers_.push_back(std::move(loaded));
}

void Loader::read_paper_fields(Fields& fields, LoadedPaper& loaded) {
  Paper& paper = loaded.paper;
  fields.check_keys(paper_key_names(), "a paper file");

  if (auto v = fields.string("title", true, paper_example("title"))) {
    paper.title = v->value;
    loaded.title_at = position_of(*v->node);
  }
  read_authors(fields, paper);
  read_paper_url(fields, loaded);
  if (auto v = fields.url("code", false, paper_example("code")))
    paper.code = v->value;
  read_venue(fields, paper);
  if (auto v = fields.strings("tags", false, "")) {
    for (const Text& tag : *v)
      paper.tags.push_back(tag.value);
  }
  if (auto v = fields.string("image", false)) {
    check_image(fields, *v);
    paper.image = v->value;
  }
  if (auto v = fields.integer("image_width", false, 1, 100000, "1002"))
    paper.image_width = static_cast<int>(*v);
  read_links(fields, paper);
  if (auto v = fields.boolean("recommended"))
    paper.recommended = *v;
  check_also(fields, paper);
  read_added(fields, paper, options_.now);
  if (auto v = fields.string("summary", false))
    paper.summary = v->value;
}

std::optional<fs::path> Loader::repository_file(FileReport& report, Position at,
                                                const std::string& path,
                                                std::string_view what,
                                                std::string_view home) {
  // One part at a time, so that no link is ever followed.
  fs::path file = root_;
  for (const fs::path& part : fs::path(path).lexically_normal()) {
    file /= part;
    std::error_code ec;
    fs::file_status status = fs::symlink_status(file, ec);
    if (!fs::exists(status)) {
      report.error(at, fmt::format("{} '{}' does not exist; add the file or "
                                   "fix the path",
                                   what, path));
      return std::nullopt;
    }
    if (fs::is_symlink(status)) {
      report.error(at, fmt::format("{} '{}' goes through a symbolic link; "
                                   "store the {} itself in {}",
                                   what, path, what, home));
      return std::nullopt;
    }
  }
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    report.error(at, fmt::format("{} '{}' is not a file", what, path));
    return std::nullopt;
  }
  return file;
}

std::optional<std::string> Loader::markdown_file(Fields& fields,
                                                 const Text& path) {
  FileReport& report = fields.report();
  Position at = position_of(*path.node);
  if (std::string problem = path_problem("file", path.value);
      !problem.empty()) {
    report.error(at, problem);
    return std::nullopt;
  }
  auto file = repository_file(report, at, path.value, "file", "content/");
  if (!file)
    return std::nullopt;
  content_.files_read.push_back(*file);
  FileText read = read_text_file(*file, kMaxContentFileBytes);
  if (!read.problem.empty()) {
    report.error(at, fmt::format("'{}': {}", path.value, read.problem));
    return std::nullopt;
  }
  std::string text = std::move(read.text);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
    text.pop_back();
  return text;
}

void Loader::check_image(Fields& fields, const Text& image) {
  FileReport& report = fields.report();
  Position at = position_of(*image.node);
  if (has_url_scheme(image.value)) {
    if (!is_http_url(image.value))
      report.error(at,
                   "'image' must be a repository path like "
                   "content/figures/x.png or an http(s) URL");
    return;
  }
  if (std::string problem = path_problem("image", image.value);
      !problem.empty()) {
    report.error(at, problem);
    return;
  }

  auto file =
      repository_file(report, at, image.value, "figure", "content/figures/");
  if (!file)
    return;
  std::error_code ec;
  content_.files_read.push_back(*file);
  std::uintmax_t size = fs::file_size(*file, ec);
  std::uint64_t budget = content_.site.figure_budget;
  if (!ec && size > budget)
    report.error(at, fmt::format("figure '{}' is {} bytes, over the budget "
                                 "of {} bytes (figure_budget in site.toml); "
                                 "shrink it or link it by URL",
                                 image.value, size, budget));
}

void Loader::check_also(Fields& fields, Paper& paper) {
  auto also = fields.strings("also", false, "");
  if (!also)
    return;
  auto slugs = topic_slugs();
  for (const Text& slug : *also) {
    Position at = position_of(*slug.node);
    if (std::find(slugs.begin(), slugs.end(), slug.value) == slugs.end()) {
      auto near = closest_name(slug.value, slugs);
      fields.report().error(
          at, near ? fmt::format("unknown topic '{}' in 'also'; did you mean "
                                 "'{}'?",
                                 slug.value, *near)
                   : fmt::format("unknown topic '{}' in 'also'; topics are "
                                 "the slugs of topics.toml",
                                 slug.value));
    } else if (slug.value == paper.topic) {
      fields.report().error(at, fmt::format("'also' repeats the paper's own "
                                            "topic '{}'; remove it",
                                            slug.value));
    } else if (std::find(paper.also.begin(), paper.also.end(), slug.value) !=
               paper.also.end()) {
      fields.report().error(at,
                            fmt::format("'also' lists '{}' twice", slug.value));
    } else {
      paper.also.push_back(slug.value);
    }
  }
}

// Files named on the command line must be paper files of this content
// folder; one elsewhere would never be rendered.
void Loader::read_selected_files() {
  if (options_.only_files.empty())
    return;
  std::set<fs::path> scanned;
  for (const LoadedPaper& p : papers_)
    scanned.insert(p.paper.file);
  fs::path papers = content_.dir / "papers";
  for (const fs::path& given : options_.only_files) {
    fs::path file = fs::absolute(given).lexically_normal();
    selected_.insert(file);
    // site.toml and topics.toml are checked on every run, and the scan has
    // already reported a misplaced file inside the content folder.
    if (scanned.count(file) > 0 || file == content_.dir / "site.toml" ||
        file == content_.dir / "topics.toml" || reported(file))
      continue;
    std::error_code ec;
    fs::file_status status = fs::symlink_status(file, ec);
    if (!fs::exists(status)) {
      error_at(file, "file does not exist");
      continue;
    }
    fs::path rel = file.lexically_relative(papers);
    bool in_topic = !rel.empty() && *rel.begin() != ".." &&
                    std::distance(rel.begin(), rel.end()) == 2;
    if (in_topic)
      continue;  // a symlink or bad name, reported by the scan
    error_at(file, fmt::format("file outside '{}/<topic>/'; a paper file "
                               "goes in the folder of its topic",
                               display_path(papers)));
    if (file.extension() == ".toml" && fs::is_regular_file(status)) {
      // Checked for its own problems too, but not part of the content.
      FileReport& report = report_for(file);
      auto text = read_text(file, report);
      if (!text)
        continue;
      content_.files_read.push_back(file);
      auto table = parse_toml(*text, report);
      if (!table)
        continue;
      LoadedPaper loose;
      loose.report = &report;
      loose.paper.topic = file.parent_path().filename().string();
      Fields fields(*table, report, {});
      read_paper_fields(fields, loose);
    }
  }
}

bool Loader::reported(const fs::path& file) const {
  std::string path = display_path(file, cwd_);
  return std::any_of(all_.items().begin(), all_.items().end(),
                     [&](const Diagnostic& d) { return d.path == path; });
}

bool Loader::selected(const fs::path& file) const {
  return options_.only_files.empty() || selected_.count(file) > 0;
}

void Loader::report_duplicate(const LoadedPaper& first,
                              const LoadedPaper& second, bool by_title) {
  // The later file gets the error, unless only the earlier one is checked.
  bool on_second = selected(second.paper.file) || !selected(first.paper.file);
  const LoadedPaper& at = on_second ? second : first;
  const LoadedPaper& other = on_second ? first : second;
  std::string message;
  if (by_title) {
    message = fmt::format(
        "'title' is the same as in '{}'; the same paper "
        "may be listed only once, so keep one of the two "
        "files",
        other.paper.display_path);
  } else {
    std::string_view id = at.paper.id;
    std::string why =
        id.starts_with("arxiv:")
            ? fmt::format("arXiv {}", id.substr(6))
            : fmt::format("both are {} once normalised", id.substr(4));
    message = fmt::format(
        "'paper' is the same paper as in '{}' ({}); keep "
        "one of the two files",
        other.paper.display_path, why);
  }
  at.report->error(by_title ? at.title_at : at.paper_at, message);
}

void Loader::check_duplicates() {
  std::map<std::string, const LoadedPaper*> by_id;
  std::map<std::string, const LoadedPaper*> by_title;
  for (const LoadedPaper& p : papers_) {
    const LoadedPaper* same_id = nullptr;
    if (p.url_ok) {
      auto [it, fresh] = by_id.emplace(p.paper.id, &p);
      if (!fresh) {
        same_id = it->second;
        report_duplicate(*it->second, p, false);
      }
    }
    std::string title = comparable_title(p.paper.title);
    if (title.empty())
      continue;
    auto [it, fresh] = by_title.emplace(title, &p);
    if (!fresh && it->second != same_id)
      report_duplicate(*it->second, p, true);
  }
}

Content Loader::run(Diagnostics& diagnostics, bool topics_only) {
  std::error_code ec;
  fs::file_status status = fs::status(content_.dir, ec);
  if (!fs::is_directory(status)) {
    error_at(content_.dir,
             "content folder does not exist; pass --content "
             "DIR or run papersite from the repository root");
  } else if (topics_only) {
    read_topics();
  } else {
    scan_top_level();
    read_site();
    read_topics();
    scan_papers();
  }
  // The scan reads folders in sorted order, so this is a check, not a sort:
  // sorting 10,000 loaded papers by path took a third of the load.
  auto by_path = [](const auto& a, const auto& b) {
    return a.paper.file < b.paper.file;
  };
  if (!std::is_sorted(papers_.begin(), papers_.end(), by_path))
    std::sort(papers_.begin(), papers_.end(), by_path);
  read_selected_files();
  check_duplicates();

  // With files named, only their problems and those of the files every
  // paper depends on are shown.
  std::set<std::string> shown;
  for (const fs::path& file : selected_)
    shown.insert(display_path(file));
  shown.insert(display_path(content_.dir));
  shown.insert(display_path(content_.dir / "site.toml"));
  shown.insert(display_path(content_.dir / "topics.toml"));
  all_.sort();
  for (const Diagnostic& d : all_.items()) {
    if (options_.only_files.empty() || shown.count(d.path) > 0)
      diagnostics.add(d);
  }

  // Reserved, and the loaded papers freed at once: at 10,000 papers two
  // growing copies were a fifth of a load's memory.
  content_.papers.reserve(papers_.size());
  for (LoadedPaper& p : papers_)
    content_.papers.push_back(std::move(p.paper));
  papers_ = {};
  return std::move(content_);
}

}  // namespace

Content load_content(const LoadOptions& options, Diagnostics& diagnostics) {
  return Loader(options).run(diagnostics);
}

std::vector<Topic> load_topics(const fs::path& content_dir,
                               Diagnostics& diagnostics) {
  LoadOptions options;
  options.content_dir = content_dir;
  return Loader(options).run(diagnostics, true).topics;
}

std::string comparable_title(std::string_view title) {
  std::string out;
  for (char c : title) {
    auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u))
      out += static_cast<char>(std::tolower(u));
  }
  return out;
}

bool is_placeholder(std::string_view value) {
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value[0])))
    value.remove_prefix(1);
  return value.starts_with(kPlaceholderMark);
}

bool is_skeleton_example(std::string_view value) {
  // The values of paper_keys()'s examples that no real paper holds. The
  // other examples (a venue, a tag, a date) may well be a paper's own.
  static constexpr std::array<std::string_view, 6> kExamples = {
      "The Title of the Paper", "First Author",
      "Second Author",          "https://github.com/owner/repo",
      "https://example.org/",   "One sentence on what the paper does.",
  };
  return std::find(kExamples.begin(), kExamples.end(), value) !=
         kExamples.end();
}

bool is_slug(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::optional<std::string> closest_name(
    std::string_view name, const std::vector<std::string>& candidates) {
  auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  // Optimal string alignment distance: a swap of neighbours counts once.
  auto distance = [](const std::string& a, const std::string& b) {
    std::vector<std::vector<std::size_t>> d(
        a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i)
      d[i][0] = i;
    for (std::size_t j = 0; j <= b.size(); ++j)
      d[0][j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      for (std::size_t j = 1; j <= b.size(); ++j) {
        std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
        d[i][j] = std::min(
            {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
    return d[a.size()][b.size()];
  };
  std::string wanted = lower(name);
  std::size_t limit = wanted.size() <= 4 ? 1 : 2;
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    std::size_t d = distance(wanted, lower(candidate));
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

const std::vector<PaperKey>& paper_keys() {
  static const std::vector<PaperKey> kKeys = {
      {"title", true, "the paper's title, as the paper writes it",
       "\"The Title of the Paper\""},
      {"authors", true, "every author, in the paper's order",
       "[\"First Author\", \"Second Author\"]"},
      {"paper", true,
       "the paper's page: an arXiv abs page, OpenReview, ACL Anthology, ...",
       "\"https://arxiv.org/abs/2405.18218\""},
      {"code", false, "the code repository; a GitHub URL gives a star badge",
       "\"https://github.com/owner/repo\""},
      {"venue", false,
       "where it was published, as NAME'YY; gives a conference badge",
       "\"NeurIPS'23\""},
      {"tags", false, "type badges", "[\"Structural\"]"},
      {"image", false,
       "an overview figure: a repository path or an http(s) URL",
       "\"content/figures/finercut.png\""},
      {"image_width", false, "the figure's display width in pixels", "1002"},
      {"links", false, "extra links, name = URL: project page, slides, model",
       "{ project = \"https://example.org/\" }"},
      {"recommended", false, "marks a recommended paper", "true"},
      {"also", false, "more topics to list it under (slugs of topics.toml)",
       "[\"quantization\"]"},
      {"added", false,
       "the date it joined the list, when git's date is wrong (imports)",
       "2024-05-29"},
      {"summary", false, "a short description, used by the feeds",
       "\"One sentence on what the paper does.\""},
  };
  return kKeys;
}

}  // namespace papersite
