// Markdown import: parses the rows of hand-kept markdown lists (table rows
// and bullet items) into paper records, dates them from the history of the
// repository that kept the list, and plans one TOML file per paper.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content.hpp"
#include "diagnostics.hpp"
#include "result.hpp"
#include "time.hpp"

namespace papersite {

// One table row or bullet item of a page. Whatever could be read is filled
// in even when the row is unusable, because history dating needs only the
// paper link or the title.
struct ParsedRow {
  int line = 0;         // 1-based line in its page
  Paper paper;          // title, authors, paper, code, venue, tags, image,
                        // image_width, links, recommended
  std::string comment;  // a trailing "[//]: #MM/DD" comment, without "#"
  std::string problem;  // empty for a usable paper, else why it is not
};

// Parses one table row ("| badges <br> [Title](url) <br> Authors | figure |
// links |") or bullet item ("* badges [Title](url). Authors.
// [[Paper]](url)"). Never fails: an unusable row comes back with
// `problem` set.
ParsedRow parse_row(std::string_view line);

struct ParsedPage {
  std::string title;            // text of the first heading; empty if none
  std::vector<ParsedRow> rows;  // every paper-like row, usable or not
};

// Rows longer than this come back unparsed, with a problem.
inline constexpr std::size_t kMaxRowBytes = std::size_t{16} * 1024;

// Every table row (headers and separators excepted) and every bullet item
// that opens with a link to a URL with a scheme, outside code blocks and
// HTML comments. Other lines are prose and ignored; rows over kMaxRowBytes
// are not parsed.
ParsedPage parse_page(std::string_view text);

// `--map PAGE=TOPIC`. An empty topic ("README.md=") makes a context page:
// its rows date papers and lend them their recommended mark, but add none.
struct PageMapping {
  std::string page;   // path of the page in the source
  std::string topic;  // topic slug, or empty for a context page
};

// Parses "PAGE=TOPIC". Fails with kUsage when '=' is missing or the topic
// is not a slug ([a-z0-9-]+).
Result<PageMapping> parse_mapping(std::string_view text);

// The papers of a whole list: one per paper identifier.
struct SourceList {
  // In mapping order, then page order. Each has topic (the first page's),
  // also (the topics of the other pages), id, display_path ("page:line")
  // and, when read from git, added.
  std::vector<Paper> papers;
  std::vector<Diagnostic> skipped;  // warnings: page, line, why
  std::vector<Diagnostic> merged;   // rows folded into an earlier paper
  std::map<std::string, std::string> page_titles;  // page → first heading
  int commits = 0;                                 // commits walked
};

// Reads the mapped pages at `ref` of the repository at `repo` and dates each
// paper by the committer time of the first commit on ref's first-parent
// chain in which a row with its identifier or its title appeared on any
// mapped page. Fails with kEnvironment when the repository cannot be read
// and kUsage when `ref` or a mapped page does not exist there.
Result<SourceList> read_git_list(const std::filesystem::path& repo,
                                 const std::string& ref,
                                 const std::vector<PageMapping>& mappings);

// Reads plain markdown files, each mapped by its path as given or its file
// name; papers get no `added`. Fails with kUsage when a file has no mapping
// and kEnvironment when one cannot be read.
Result<SourceList> read_markdown_files(
    const std::vector<std::filesystem::path>& files,
    const std::vector<PageMapping>& mappings);

// A paper file already in the target content.
struct ExistingPaper {
  std::filesystem::path file;  // absolute
  std::string id;              // paper_identifier() of its `paper`
};

// The `paper` key of every <content>/papers/**/*.toml. A file that does not
// parse or has no `paper` string is returned with an empty id (its name is
// still taken). Fails with kEnvironment when the folder cannot be listed.
Result<std::vector<ExistingPaper>> read_existing_papers(
    const std::filesystem::path& content_dir);

// "sparsegpt" for "SparseGPT: Massive Language Models Can Be ...": the
// short name before ':' when it is short, else the first significant words;
// [a-z0-9-]+, never empty.
std::string slug_from_title(std::string_view title);

// A figure given as a repository path ("figures/x.png") under `base`
// (`--figures-base`); URLs and an empty base leave it unchanged.
std::string resolve_figure(std::string_view image, std::string_view base);

struct PlannedFile {
  std::filesystem::path path;  // relative to content: papers/<topic>/<slug>
  std::string text;            // the TOML file
  Paper paper;
};

struct ImportPlan {
  std::vector<PlannedFile> files;
  // Source papers whose identifier the content already has, with the file
  // that holds it.
  std::vector<std::pair<Paper, std::filesystem::path>> present;
  int repository_figures = 0;  // figures left as repository paths
};

// Gives each new paper a collision-free slug in its topic folder (names of
// `existing` files are taken) and its TOML text. Deterministic: the same
// inputs give the same plan.
ImportPlan plan_import(const SourceList& list,
                       const std::vector<ExistingPaper>& existing,
                       const std::filesystem::path& content_dir,
                       std::string_view figures_base);

}  // namespace papersite
