#include "content.hpp"

#include <boost/test/unit_test.hpp>

#include "test_util.hpp"

using namespace papersite;
using papersite::test::TempDir;
using papersite::test::write_file;
namespace fs = std::filesystem;

namespace {

const char* const kSite = R"(title = "List"
tagline = "A **list**"
base_url = "https://example.org/list"
repository = "https://github.com/owner/list"
)";

const char* const kTopics = R"([[topic]]
slug = "pruning"
title = "Network Pruning"
page = "pruning.md"

[[topic]]
slug = "quantization"
title = "Quantization"
page = "quantization.md"
)";

const char* const kPaper = R"(title = "A Paper"
authors = ["Ada Lovelace"]
paper = "https://arxiv.org/abs/2405.00001"
)";

// A content folder in a temporary working directory, so that diagnostics
// show the short relative paths a contributor sees.
class ContentDir {
 public:
  ContentDir() : old_cwd_(fs::current_path()) {
    fs::current_path(dir_.path());
    write("site.toml", kSite);
    write("topics.toml", kTopics);
  }
  ~ContentDir() { fs::current_path(old_cwd_); }

  const fs::path& root() const { return dir_.path(); }
  void write(const std::string& rel, const std::string& text) {
    write_file(dir_ / ("content/" + rel), text);
  }
  void paper(const std::string& rel, const std::string& text) {
    write("papers/" + rel, text);
  }

  // Every diagnostic of a load, formatted as the CLI prints it.
  std::string load(LoadOptions options = {}) {
    options.content_dir = "content";
    Diagnostics diagnostics;
    content = load_content(options, diagnostics);
    std::string out;
    for (const Diagnostic& d : diagnostics.items())
      out += format_diagnostic(d);
    return out;
  }

  Content content;

 private:
  TempDir dir_;
  fs::path old_cwd_;
};

std::string paper_with(const std::string& extra) {
  return std::string(kPaper) + extra;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(content)

BOOST_AUTO_TEST_CASE(repository_content_loads_without_any_diagnostic) {
  Diagnostics diagnostics;
  Content c =
      load_content({test::source_dir() / "content", {}, {}}, diagnostics);
  for (const Diagnostic& d : diagnostics.items())
    BOOST_TEST_MESSAGE(format_diagnostic(d));
  // The imported upstream rows keep their "et al." and venue forms, which
  // are warnings only.
  BOOST_TEST(!diagnostics.has_errors());
  BOOST_TEST(c.topics.size() >= 16u);
  BOOST_TEST(c.topics[15].slug == "leaderboard");
  BOOST_TEST(c.papers.size() >= 18u);
  BOOST_TEST(c.site.title == "Awesome-PaperManager-ComLLMSys");
  BOOST_TEST(c.site.updates.size() == 4u);
  BOOST_TEST(std::is_sorted(
      c.papers.begin(), c.papers.end(),
      [](const Paper& a, const Paper& b) { return a.file < b.file; }));
}

BOOST_AUTO_TEST_CASE(minimal_paper_fills_every_field) {
  ContentDir dir;
  dir.paper("pruning/full.toml", R"(title = "Full"
authors = ["A", "B"]
paper = "https://arxiv.org/pdf/2405.18218v2"
code = "https://github.com/o/r"
venue = "ICML'24"
tags = ["Structural"]
image = "https://example.org/f.png"
image_width = 600
recommended = true
also = ["quantization"]
added = 2024-05-29
summary = "Short."
)");
  BOOST_TEST(dir.load() == "");
  BOOST_REQUIRE(dir.content.papers.size() == 1u);
  const Paper& p = dir.content.papers[0];
  BOOST_TEST(p.file == dir.root() / "content/papers/pruning/full.toml");
  BOOST_TEST(p.display_path == "content/papers/pruning/full.toml");
  BOOST_TEST(p.topic == "pruning");
  BOOST_TEST(p.slug == "full");
  BOOST_TEST(p.id == "arxiv:2405.18218");
  BOOST_TEST(p.authors == (std::vector<std::string>{"A", "B"}));
  BOOST_TEST(*p.code == "https://github.com/o/r");
  BOOST_TEST(*p.venue == "ICML'24");
  BOOST_TEST(p.tags == std::vector<std::string>{"Structural"});
  BOOST_TEST(*p.image == "https://example.org/f.png");
  BOOST_TEST(*p.image_width == 600);
  BOOST_TEST(p.recommended);
  BOOST_TEST(p.also == std::vector<std::string>{"quantization"});
  BOOST_TEST(format_ymd(*p.added) == "2024-05-29");
  BOOST_TEST(*p.summary == "Short.");
}

BOOST_AUTO_TEST_CASE(site_keys_and_updates_are_read) {
  ContentDir dir;
  dir.write("site.toml", std::string(kSite) + R"(language = "de"
recent_days = 7
recent_min = 3
feed_items = 20
figure_budget = 5000

[[update]]
date = 2023-09-27
text = "Second"

[[update]]
date = 2023-05-29
text = "First"
)");
  BOOST_TEST(dir.load() == "");
  const Site& s = dir.content.site;
  BOOST_TEST(s.base_url == "https://example.org/list/");
  BOOST_TEST(s.language == "de");
  BOOST_TEST(s.recent_days == 7);
  BOOST_TEST(s.recent_min == 3);
  BOOST_TEST(s.feed_items == 20);
  BOOST_TEST(s.figure_budget == 5000u);
  BOOST_REQUIRE(s.updates.size() == 2u);
  BOOST_TEST(s.updates[0].text == "Second");  // file order, not date order
  BOOST_TEST(format_ymd(s.updates[1].date) == "2023-05-29");
}

BOOST_AUTO_TEST_CASE(contributing_text_and_sections_come_from_files) {
  ContentDir dir;
  dir.write("readme/contributing.md", "Send *one* file.\n\n");
  dir.write("readme/build.md", "\xEF\xBB\xBFRun `make`. \xC3\xA9\n");
  dir.write("site.toml", std::string(kSite) +
                             R"(contributing = "content/readme/contributing.md"

[[section]]
title = "Building"
file = "content/readme/build.md"

[[section]]
title = "Again"
file = "./content/readme/build.md"
)");
  BOOST_TEST(dir.load() == "");
  const Site& s = dir.content.site;
  BOOST_TEST(s.contributing.value_or("") == "Send *one* file.");
  BOOST_REQUIRE(s.sections.size() == 2u);
  BOOST_TEST(s.sections[0].title == "Building");
  BOOST_TEST(s.sections[0].text == "Run `make`. \xC3\xA9");
  BOOST_TEST(s.sections[1].title == "Again");
  // Both files are inputs of the build: editing one reruns it.
  auto read = dir.content.files_read;
  BOOST_TEST(std::count(read.begin(), read.end(),
                        dir.root() / "content/readme/build.md") == 2);
}

BOOST_AUTO_TEST_CASE(contributing_and_section_files_are_checked) {
  ContentDir dir;
  TempDir outside;
  write_file(outside / "x.md", "theirs");
  fs::create_directories(dir.root() / "content/readme");
  fs::create_symlink(outside / "x.md", dir.root() / "content/readme/link.md");
  dir.write("readme/bad.md", "a\xFF\n");
  dir.write("site.toml", std::string(kSite) +
                             R"(contributing = "content/readme/missing.md"

[[section]]
title = "Up"
file = "../x.md"

[[section]]
title = "Link"
file = "content/readme/link.md"

[[section]]
file = "content/readme/bad.md"
)");
  BOOST_TEST(dir.load() ==
             "content/site.toml:5:16: error: file "
             "'content/readme/missing.md' does not exist; add the file or fix "
             "the path\n"
             "contributing = \"content/readme/missing.md\"\n"
             "               ^\n"
             "content/site.toml:9:8: error: 'file' must not contain '..'\n"
             "file = \"../x.md\"\n"
             "       ^\n"
             "content/site.toml:13:8: error: file 'content/readme/link.md' "
             "goes through a symbolic link; store the file itself in "
             "content/\n"
             "file = \"content/readme/link.md\"\n"
             "       ^\n"
             "content/site.toml:15:1: error: missing required key 'title'; add "
             "title = \"...\"\n"
             "[[section]]\n"
             "^\n"
             "content/site.toml:16:8: error: 'content/readme/bad.md': invalid "
             "UTF-8 (byte 0xFF); save the file as UTF-8\n"
             "file = \"content/readme/bad.md\"\n"
             "       ^\n");
}

BOOST_AUTO_TEST_CASE(papers_sorted_by_path_and_folders_recorded) {
  ContentDir dir;
  dir.paper("quantization/b.toml", paper_with(""));
  dir.paper("pruning/z.toml",
            R"(title = "Z"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00002"
)");
  BOOST_TEST(dir.load() == "");
  BOOST_REQUIRE(dir.content.papers.size() == 2u);
  BOOST_TEST(dir.content.papers[0].slug == "z");
  BOOST_TEST(dir.content.papers[1].slug == "b");
  fs::path c = dir.root() / "content";
  std::vector<fs::path> expected = {c,
                                    c / "site.toml",
                                    c / "topics.toml",
                                    c / "papers",
                                    c / "papers/pruning",
                                    c / "papers/quantization",
                                    c / "papers/pruning/z.toml",
                                    c / "papers/quantization/b.toml"};
  BOOST_TEST(dir.content.files_read == expected,
             boost::test_tools::per_element());
  BOOST_TEST(dir.content.dir == c);
}

BOOST_AUTO_TEST_CASE(links_keep_the_order_of_the_file) {
  ContentDir dir;
  dir.paper("pruning/x.toml", paper_with(R"(
[links]
slides = "https://example.org/s"
model = "https://example.org/m"
code2 = "https://example.org/c"
)"));
  BOOST_TEST(dir.load() == "");
  const auto& links = dir.content.papers.at(0).links;
  BOOST_REQUIRE(links.size() == 3u);
  BOOST_TEST(links[0].first == "slides");
  BOOST_TEST(links[1].first == "model");
  BOOST_TEST(links[2].second == "https://example.org/c");
}

BOOST_AUTO_TEST_CASE(unknown_key_suggests_the_near_name) {
  ContentDir dir;
  dir.paper("pruning/x.toml", paper_with("venu = \"ICML'24\"\n"));
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:4:1: error: unknown key 'venu'; "
             "did you mean 'venue'?\n"
             "venu = \"ICML'24\"\n"
             "^\n");
}

BOOST_AUTO_TEST_CASE(misspelt_required_key_is_reported_once) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"(titel = "A Paper"
authors = ["Ada Lovelace"]
paper = "https://arxiv.org/abs/2405.00001"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:1:1: error: unknown key 'titel'; "
             "did you mean 'title'?\n"
             "titel = \"A Paper\"\n"
             "^\n");
}

BOOST_AUTO_TEST_CASE(unknown_key_without_near_name_lists_the_keys) {
  ContentDir dir;
  dir.paper("pruning/x.toml", paper_with("abstract = \"x\"\n"));
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:4:1: error: unknown key "
             "'abstract'; a paper file may hold 'title', 'authors', 'paper', "
             "'code', 'venue', 'tags', 'image', 'image_width', 'links', "
             "'recommended', 'also', 'added', 'summary'\n"
             "abstract = \"x\"\n"
             "^\n");
}

BOOST_AUTO_TEST_CASE(table_where_a_string_is_expected) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"(title = { text = "A Paper" }
authors = ["Ada Lovelace", 3]
paper = "https://arxiv.org/abs/2405.00001"
image_width = "600"
recommended = "yes"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:1:9: error: 'title' must be a "
             "string, not a table\n"
             "title = { text = \"A Paper\" }\n"
             "        ^\n"
             "content/papers/pruning/x.toml:2:28: error: 'authors' must hold "
             "strings only, not an integer\n"
             "authors = [\"Ada Lovelace\", 3]\n"
             "                           ^\n"
             "content/papers/pruning/x.toml:4:15: error: 'image_width' must "
             "be an integer, not a string\n"
             "image_width = \"600\"\n"
             "              ^\n"
             "content/papers/pruning/x.toml:5:15: error: 'recommended' must "
             "be true or false, not a string\n"
             "recommended = \"yes\"\n"
             "              ^\n");
}

BOOST_AUTO_TEST_CASE(empty_file_reports_each_missing_key) {
  ContentDir dir;
  dir.paper("pruning/x.toml", "");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml: error: missing required key "
             "'title'; add title = \"The Title of the Paper\"\n"
             "content/papers/pruning/x.toml: error: missing required key "
             "'authors'; add authors = [\"First Author\", \"Second "
             "Author\"]\n"
             "content/papers/pruning/x.toml: error: missing required key "
             "'paper'; add paper = \"https://arxiv.org/abs/2405.18218\"\n");
}

BOOST_AUTO_TEST_CASE(empty_authors_and_empty_strings) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"(title = " "
authors = []
paper = "https://arxiv.org/abs/2405.00001"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:1:9: error: 'title' is empty; "
             "give a value or remove the line\n"
             "title = \" \"\n"
             "        ^\n"
             "content/papers/pruning/x.toml:2:11: error: 'authors' must list "
             "at least one author\n"
             "authors = []\n"
             "          ^\n");
}

BOOST_AUTO_TEST_CASE(urls_must_be_http_or_https) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"toml(title = "A Paper"
authors = ["Ada Lovelace"]
paper = "javascript:alert(1)"
code = "file:///etc/passwd"
image = "data:image/png;base64,AAAA"
links = { slides = "ftp://example.org/s", "" = "https://example.org/" }
)toml");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:3:9: error: 'paper' must be an "
             "http(s) URL\n"
             "paper = \"javascript:alert(1)\"\n"
             "        ^\n"
             "content/papers/pruning/x.toml:4:8: error: 'code' must be an "
             "http(s) URL\n"
             "code = \"file:///etc/passwd\"\n"
             "       ^\n"
             "content/papers/pruning/x.toml:5:9: error: 'image' must be a "
             "repository path like content/figures/x.png or an http(s) URL\n"
             "image = \"data:image/png;base64,AAAA\"\n"
             "        ^\n"
             "content/papers/pruning/x.toml:6:20: error: 'links.slides' must "
             "be an http(s) URL\n"
             "links = { slides = \"ftp://example.org/s\", \"\" = "
             "\"https://example.org/\" }\n"
             "                   ^\n"
             "content/papers/pruning/x.toml:6:43: error: a link needs a name, "
             "like slides = \"https://...\"\n"
             "links = { slides = \"ftp://example.org/s\", \"\" = "
             "\"https://example.org/\" }\n"
             "                                          ^\n");
}

BOOST_AUTO_TEST_CASE(arxiv_url_without_a_valid_id) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"(title = "A Paper"
authors = ["Ada Lovelace"]
paper = "https://arxiv.org/abs/2405.1"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:3:9: error: 'paper' is an arXiv "
             "URL without a valid arXiv id; link the abstract page, like "
             "https://arxiv.org/abs/2405.18218\n"
             "paper = \"https://arxiv.org/abs/2405.1\"\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(unknown_topic_folder_suggests_the_near_topic) {
  ContentDir dir;
  dir.paper("prunning/x.toml", kPaper);
  BOOST_TEST(dir.load() ==
             "content/papers/prunning/x.toml: error: folder 'prunning' is not "
             "a topic of topics.toml; did you mean 'pruning'?\n");
}

BOOST_AUTO_TEST_CASE(unknown_also_slug_and_own_topic) {
  ContentDir dir;
  dir.paper("pruning/x.toml",
            paper_with("also = [\"quantisation\", \"pruning\", \"misc\"]\n"));
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:4:9: error: unknown topic "
             "'quantisation' in 'also'; did you mean 'quantization'?\n"
             "also = [\"quantisation\", \"pruning\", \"misc\"]\n"
             "        ^\n"
             "content/papers/pruning/x.toml:4:25: error: 'also' repeats the "
             "paper's own topic 'pruning'; remove it\n"
             "also = [\"quantisation\", \"pruning\", \"misc\"]\n"
             "                        ^\n"
             "content/papers/pruning/x.toml:4:36: error: unknown topic 'misc' "
             "in 'also'; topics are the slugs of topics.toml\n"
             "also = [\"quantisation\", \"pruning\", \"misc\"]\n"
             "                                   ^\n");
}

BOOST_AUTO_TEST_CASE(same_arxiv_paper_twice_names_both_files) {
  ContentDir dir;
  dir.paper("pruning/a.toml", kPaper);
  dir.paper("quantization/b.toml", R"(title = "Another Title"
authors = ["Ada Lovelace"]
paper = "http://arxiv.org/pdf/2405.00001v2.pdf"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/quantization/b.toml:3:9: error: 'paper' is the "
             "same paper as in 'content/papers/pruning/a.toml' (arXiv "
             "2405.00001); keep one of the two files\n"
             "paper = \"http://arxiv.org/pdf/2405.00001v2.pdf\"\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(same_normalised_url_twice) {
  ContentDir dir;
  dir.paper("pruning/a.toml", R"(title = "One"
authors = ["A"]
paper = "https://openreview.net/forum?id=xyz"
)");
  dir.paper("pruning/b.toml", R"(title = "Two"
authors = ["A"]
paper = "http://www.openreview.net/pdf?id=xyz#top"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/b.toml:3:9: error: 'paper' is the same "
             "paper as in 'content/papers/pruning/a.toml' (both are "
             "openreview.net/forum?id=xyz once normalised); keep one of the "
             "two files\n"
             "paper = \"http://www.openreview.net/pdf?id=xyz#top\"\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(same_title_ignoring_case_and_punctuation) {
  ContentDir dir;
  dir.paper("pruning/a.toml", R"(title = "SpinQuant: LLM Quantization"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00001"
)");
  dir.paper("quantization/b.toml", R"(title = "spinquant -- LLM quantization"
authors = ["A"]
paper = "https://openreview.net/forum?id=x"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/quantization/b.toml:1:9: error: 'title' is the "
             "same as in 'content/papers/pruning/a.toml'; the same paper may "
             "be listed only once, so keep one of the two files\n"
             "title = \"spinquant -- LLM quantization\"\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(topic_rules) {
  ContentDir dir;
  dir.write("topics.toml", R"([[topic]]
slug = "Pruning"
title = "P"
page = "p.md"

[[topic]]
slug = "q"
title = "Q"
page = "/q.md"

[[topic]]
slug = "q"
title = "Q2"
page = "../q.md"

[[topic]]
slug = "g"
title = "G"
page = ".git/hooks/pre-commit"

[[topic]]
slug = "c"
title = "C"
page = "content/c.md"

[[topic]]
slug = "d"
title = "D"
page = "./p.md"
colour = "red"
)");
  BOOST_TEST(dir.load() ==
             "content/topics.toml:2:8: error: topic slug 'Pruning' must be "
             "lower-case letters, digits and '-', like 'kv-cache'\n"
             "slug = \"Pruning\"\n"
             "       ^\n"
             "content/topics.toml:9:8: error: 'page' must be a relative path "
             "with '/' separators\n"
             "page = \"/q.md\"\n"
             "       ^\n"
             "content/topics.toml:12:8: error: topic 'q' is already defined "
             "at line 7; remove one of the two\n"
             "slug = \"q\"\n"
             "       ^\n"
             "content/topics.toml:14:8: error: 'page' must not contain '..'\n"
             "page = \"../q.md\"\n"
             "       ^\n"
             "content/topics.toml:19:8: error: 'page' must not point into a "
             "'.git/' folder\n"
             "page = \".git/hooks/pre-commit\"\n"
             "       ^\n"
             "content/topics.toml:24:8: error: 'page' must not point into the "
             "content folder; pages are generated beside it\n"
             "page = \"content/c.md\"\n"
             "       ^\n"
             "content/topics.toml:29:8: error: page './p.md' is already the "
             "page of topic 'Pruning'\n"
             "page = \"./p.md\"\n"
             "       ^\n"
             "content/topics.toml:30:1: error: unknown key 'colour'; a "
             "[[topic]] may hold 'slug', 'title', 'page'\n"
             "colour = \"red\"\n"
             "^\n");
  BOOST_TEST(dir.content.topics.empty());
}

BOOST_AUTO_TEST_CASE(image_paths_stay_in_the_repository) {
  ContentDir dir;
  dir.paper("pruning/a.toml", paper_with("image = \"/etc/passwd\"\n"));
  dir.paper("pruning/b.toml",
            R"(title = "B"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00002"
image = "content/../../x.png"
)");
  dir.paper("pruning/c.toml",
            R"(title = "C"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00003"
image = "x/.GIT/config"
)");
  dir.paper("pruning/d.toml",
            R"(title = "D"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00004"
image = "content/figures/missing.png"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/a.toml:4:9: error: 'image' must be a "
             "relative path with '/' separators\n"
             "image = \"/etc/passwd\"\n"
             "        ^\n"
             "content/papers/pruning/b.toml:4:9: error: 'image' must not "
             "contain '..'\n"
             "image = \"content/../../x.png\"\n"
             "        ^\n"
             "content/papers/pruning/c.toml:4:9: error: 'image' must not "
             "point into a '.git/' folder\n"
             "image = \"x/.GIT/config\"\n"
             "        ^\n"
             "content/papers/pruning/d.toml:4:9: error: figure "
             "'content/figures/missing.png' does not exist; add the file or "
             "fix the path\n"
             "image = \"content/figures/missing.png\"\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(figure_over_the_budget_and_through_a_link) {
  ContentDir dir;
  dir.write("site.toml", std::string(kSite) + "figure_budget = 10\n");
  dir.write("figures/small.png", "0123456789");
  dir.write("figures/big.png", "0123456789a");
  fs::create_directory_symlink(dir.root() / "content/figures",
                               dir.root() / "content/linked");
  dir.paper("pruning/a.toml",
            paper_with("image = \"content/figures/small.png\"\n"));
  dir.paper("pruning/b.toml", R"(title = "B"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00002"
image = "content/figures/big.png"
)");
  dir.paper("pruning/c.toml", R"(title = "C"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00003"
image = "content/linked/small.png"
)");
  BOOST_TEST(dir.load() ==
             "content/linked: error: symbolic link; papersite never follows "
             "links in the content folder, so put the file itself here\n"
             "content/papers/pruning/b.toml:4:9: error: figure "
             "'content/figures/big.png' is 11 bytes, over the budget of 10 "
             "bytes (figure_budget in site.toml); shrink it or link it by "
             "URL\n"
             "image = \"content/figures/big.png\"\n"
             "        ^\n"
             "content/papers/pruning/c.toml:4:9: error: figure "
             "'content/linked/small.png' goes through a symbolic link; store "
             "the figure itself in content/figures/\n"
             "image = \"content/linked/small.png\"\n"
             "        ^\n");
  auto& read = dir.content.files_read;
  BOOST_TEST(std::count(read.begin(), read.end(),
                        dir.root() / "content/figures/small.png") == 1);
}

BOOST_AUTO_TEST_CASE(symlink_out_of_content_is_reported_not_followed) {
  ContentDir dir;
  TempDir outside;
  write_file(outside / "secret.toml", kPaper);
  fs::create_directories(dir.root() / "content/papers/pruning");
  fs::create_symlink(outside / "secret.toml",
                     dir.root() / "content/papers/pruning/link.toml");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/link.toml: error: symbolic link; "
             "papersite never follows links in the content folder, so put "
             "the file itself here\n");
  BOOST_TEST(dir.content.papers.empty());
  for (const fs::path& p : dir.content.files_read)
    BOOST_TEST(p.string().find(outside.path().string()) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(symlinked_topic_folder_is_reported) {
  ContentDir dir;
  TempDir outside;
  write_file(outside / "x.toml", kPaper);
  fs::create_directories(dir.root() / "content/papers");
  fs::create_directory_symlink(outside.path(),
                               dir.root() / "content/papers/pruning");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning: error: symbolic link; papersite never "
             "follows links in the content folder, so put the folder itself "
             "here\n");
}

BOOST_AUTO_TEST_CASE(ten_megabyte_file_is_refused_before_parsing) {
  ContentDir dir;
  dir.paper("pruning/big.toml", std::string(10 * 1024 * 1024, '#'));
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/big.toml: error: file is 10485760 bytes, "
             "over the limit of 262144 bytes for a content file; it was not "
             "read (a paper file needs a few hundred bytes)\n");
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_reported_at_its_line_and_column) {
  ContentDir dir;
  dir.paper("pruning/x.toml",
            "title = \"A Paper\"\n"
            "authors = [\"J\xc3\xa9r\xf4me\"]\n");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:2:16: error: invalid UTF-8 (byte "
             "0xF4); save the file as UTF-8\n"
             "authors = [\"J\xc3\xa9r\xef\xbf\xbdme\"]\n"
             "               ^\n");
}

BOOST_AUTO_TEST_CASE(byte_order_mark_and_crlf_are_accepted) {
  ContentDir dir;
  dir.paper("pruning/x.toml",
            "\xEF\xBB\xBFtitle = \"A Paper\"\r\n"
            "authors = [\"Ada Lovelace\"]\r\n"
            "paper = \"ftp://x\"\r\n");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:3:9: error: 'paper' must be an "
             "http(s) URL\n"
             "paper = \"ftp://x\"\n"
             "        ^\n");
  BOOST_TEST(dir.content.papers.at(0).title == "A Paper");
}

BOOST_AUTO_TEST_CASE(malformed_toml_gives_its_position_not_an_abort) {
  ContentDir dir;
  dir.paper("pruning/a.toml", "[/\n");
  dir.paper("pruning/b.toml", "\xEF\xBB\xA1 = 1\n");
  dir.paper("pruning/c.toml", paper_with("title = \"Again\"\n"));
  dir.paper("pruning/d.toml",
            "title = \xE2\x80\x9C"
            "A\xE2\x80\x9D\n");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/a.toml:1:2: error: invalid TOML: "
             "expected bare key starting character or string delimiter, saw "
             "'/'\n"
             "[/\n"
             " ^\n"
             "content/papers/pruning/b.toml:1:1: error: unexpected character "
             "U+FEE1 outside a string; keys are ASCII and text goes in "
             "quotes\n"
             "\xEF\xBB\xA1 = 1\n"
             "^\n"
             "content/papers/pruning/c.toml:4:9: error: invalid TOML: cannot "
             "redefine existing string 'title'; each key may appear only "
             "once\n"
             "title = \"Again\"\n"
             "        ^\n"
             "content/papers/pruning/d.toml:1:9: error: typographic quote "
             "U+201C outside a string; TOML strings use straight quotes "
             "\"...\"\n"
             "title = \xE2\x80\x9C"
             "A\xE2\x80\x9D\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(placeholders_of_the_skeleton_are_errors) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"(title = "TODO: the paper's title"
authors = ["TODO: every author"]
paper = "TODO: https://arxiv.org/abs/..."
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:1:9: error: 'title' still holds "
             "the placeholder of 'papersite new'; replace it with the real "
             "value\n"
             "title = \"TODO: the paper's title\"\n"
             "        ^\n"
             "content/papers/pruning/x.toml:2:12: error: 'authors' still "
             "holds the placeholder of 'papersite new'; replace it with the "
             "real value\n"
             "authors = [\"TODO: every author\"]\n"
             "           ^\n"
             "content/papers/pruning/x.toml:3:9: error: 'paper' still holds "
             "the placeholder of 'papersite new'; replace it with the real "
             "value\n"
             "paper = \"TODO: https://arxiv.org/abs/...\"\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(examples_of_the_skeleton_left_unchanged_are_errors) {
  ContentDir dir;
  dir.paper("pruning/x.toml",
            paper_with(R"(code = "https://github.com/owner/repo"
links = { project = "https://example.org/" }
summary = "One sentence on what the paper does."
)"));
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:4:8: error: 'code' still holds "
             "the example of 'papersite new'; replace it with the real value "
             "or delete the line\n"
             "code = \"https://github.com/owner/repo\"\n"
             "       ^\n"
             "content/papers/pruning/x.toml:5:21: error: 'links.project' "
             "still holds the example of 'papersite new'; replace it with the "
             "real value or delete the line\n"
             "links = { project = \"https://example.org/\" }\n"
             "                    ^\n"
             "content/papers/pruning/x.toml:6:11: error: 'summary' still "
             "holds the example of 'papersite new'; replace it with the real "
             "value or delete the line\n"
             "summary = \"One sentence on what the paper does.\"\n"
             "          ^\n");
}

BOOST_AUTO_TEST_CASE(venue_form_and_et_al_are_warnings) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"(title = "A Paper"
authors = ["Ada Lovelace", "et al."]
paper = "https://arxiv.org/abs/2405.00001"
venue = "SOSP 2023"
)");
  // "et al" inside a name is not the abbreviation.
  dir.paper("pruning/y.toml", R"(title = "B"
authors = ["Janet Alvarez", "Bo Chen et al"]
paper = "https://arxiv.org/abs/2405.00002"
venue = "ACL'24 Findings"
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:2:28: warning: author list with "
             "\"et al.\"; name every author\n"
             "authors = [\"Ada Lovelace\", \"et al.\"]\n"
             "                           ^\n"
             "content/papers/pruning/x.toml:4:9: warning: venue 'SOSP 2023' "
             "is not in the form NAME'YY, like NeurIPS'23 or ACL'24 Findings, "
             "which the conference badge expects\n"
             "venue = \"SOSP 2023\"\n"
             "        ^\n"
             "content/papers/pruning/y.toml:2:29: warning: author list with "
             "\"et al.\"; name every author\n"
             "authors = [\"Janet Alvarez\", \"Bo Chen et al\"]\n"
             "                            ^\n");
  BOOST_TEST(dir.content.papers.size() == 2u);
}

BOOST_AUTO_TEST_CASE(added_in_the_future_is_an_error_when_now_is_known) {
  ContentDir dir;
  dir.paper("pruning/x.toml", paper_with("added = 2024-06-02\n"));
  BOOST_TEST(dir.load() == "");
  BOOST_TEST(dir.load({"", {}, make_date(2024, 6, 2)}) == "");
  BOOST_TEST(dir.load({"", {}, make_date(2024, 6, 1)}) ==
             "content/papers/pruning/x.toml:4:9: error: 'added' 2024-06-02 "
             "is later than the reference time 2024-06-01; use the date the "
             "paper joined the list\n"
             "added = 2024-06-02\n"
             "        ^\n");
}

BOOST_AUTO_TEST_CASE(added_is_a_date_or_a_date_time_with_a_zone) {
  ContentDir dir;
  dir.paper("pruning/x.toml", paper_with("added = \"2024-06-02\"\n"));
  dir.paper("pruning/y.toml", R"(title = "B"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00002"
added = 2024-06-02T10:00:00
)");
  BOOST_TEST(dir.load() ==
             "content/papers/pruning/x.toml:4:9: error: 'added' must be a "
             "date like 2024-05-29, not a string (write it unquoted)\n"
             "added = \"2024-06-02\"\n"
             "        ^\n"
             "content/papers/pruning/y.toml:4:9: error: 'added' has a time "
             "but no time zone; write it in UTC like 2024-05-29T05:50:14Z, "
             "or as a date like 2024-05-29\n"
             "added = 2024-06-02T10:00:00\n"
             "        ^\n");
}

// The importer keeps the commit time of the day a paper joined.
BOOST_AUTO_TEST_CASE(added_date_time_is_converted_to_utc) {
  ContentDir dir;
  dir.paper("pruning/x.toml",
            paper_with("added = 2024-06-02T01:30:00+02:00\n"));
  BOOST_TEST(dir.load() == "");
  BOOST_REQUIRE(dir.content.papers.size() == 1u);
  BOOST_TEST(format_iso(*dir.content.papers[0].added) ==
             "2024-06-01T23:30:00Z");
}

BOOST_AUTO_TEST_CASE(file_names_and_places) {
  ContentDir dir;
  dir.paper("pruning/Bad_Name.toml", kPaper);
  dir.paper("pruning/notes.md", "x");
  dir.paper("pruning/sub/x.toml", kPaper);
  dir.paper("loose.toml", kPaper);
  dir.write("extra.toml", kPaper);
  dir.write("notes/deep/lost.toml", kPaper);
  dir.write("figures/x.png", "not a paper");
  dir.paper("pruning/.x.toml.swp", "editor state");
  BOOST_TEST(dir.load() ==
             "content/extra.toml: error: file outside 'papers/<topic>/'; a "
             "paper file goes in the folder of its topic\n"
             "content/notes/deep/lost.toml: error: file outside "
             "'papers/<topic>/'; a paper file goes in the folder of its "
             "topic\n"
             "content/papers/loose.toml: error: file outside a topic folder; "
             "move it to 'papers/<topic>/'\n"
             "content/papers/pruning/Bad_Name.toml: error: file name "
             "'Bad_Name.toml' must be lower-case letters, digits and '-' "
             "ending in '.toml', like 'finercut.toml'\n"
             "content/papers/pruning/notes.md: error: file name 'notes.md' "
             "must be lower-case letters, digits and '-' ending in '.toml', "
             "like 'finercut.toml'\n"
             "content/papers/pruning/sub: error: folder inside the topic "
             "folder 'pruning'; paper files go directly in "
             "'papers/pruning/'\n");
}

BOOST_AUTO_TEST_CASE(several_problems_of_one_file_are_all_reported) {
  ContentDir dir;
  dir.paper("pruning/x.toml", R"(title = 1
authors = "Ada"
paper = "ftp://x"
code = "javascript:x"
tagz = ["a"]
)");
  std::string out = dir.load();
  BOOST_TEST(out.find(":1:9: error: 'title' must be a string") !=
             std::string::npos);
  BOOST_TEST(out.find(":2:11: error: 'authors' must be an array") !=
             std::string::npos);
  BOOST_TEST(out.find(":3:9: error: 'paper' must be") != std::string::npos);
  BOOST_TEST(out.find(":4:8: error: 'code' must be") != std::string::npos);
  BOOST_TEST(out.find(":5:1: error: unknown key 'tagz'; did you mean "
                      "'tags'?") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(only_files_shows_their_problems_and_cross_file_ones) {
  ContentDir dir;
  dir.paper("pruning/a.toml", kPaper);
  dir.paper("pruning/broken.toml", "title = 1\n");
  dir.paper("quantization/b.toml", R"(title = "B"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00001v3"
)");
  BOOST_TEST(dir.load({"", {"content/papers/pruning/a.toml"}, {}}) ==
             "content/papers/pruning/a.toml:3:9: error: 'paper' is the same "
             "paper as in 'content/papers/quantization/b.toml' (arXiv "
             "2405.00001); keep one of the two files\n"
             "paper = \"https://arxiv.org/abs/2405.00001\"\n"
             "        ^\n");
  // Papers with problems are still returned; callers check diagnostics.
  BOOST_TEST(dir.content.papers.size() == 3u);
}

BOOST_AUTO_TEST_CASE(only_files_outside_the_topic_folders) {
  ContentDir dir;
  write_file(dir.root() / "elsewhere/x.toml", "title = 2\n");
  BOOST_TEST(
      dir.load({"", {"elsewhere/x.toml", "content/papers/no.toml"}, {}}) ==
      "content/papers/no.toml: error: file does not exist\n"
      "elsewhere/x.toml: error: file outside 'content/papers/<topic>/'; "
      "a paper file goes in the folder of its topic\n"
      "elsewhere/x.toml: error: missing required key 'authors'; add "
      "authors = [\"First Author\", \"Second Author\"]\n"
      "elsewhere/x.toml: error: missing required key 'paper'; add "
      "paper = \"https://arxiv.org/abs/2405.18218\"\n"
      "elsewhere/x.toml:1:9: error: 'title' must be a string, not an "
      "integer\n"
      "title = 2\n"
      "        ^\n");
}

BOOST_AUTO_TEST_CASE(site_rules) {
  ContentDir dir;
  dir.write("site.toml", R"(title = "List"
base_url = "javascript:x"
repository = "https://github.com/owner/list"
recent_days = -1
languge = "en"
update = { date = 2024-01-01, text = "x" }
)");
  BOOST_TEST(dir.load() ==
             "content/site.toml: error: missing required key 'tagline'; add "
             "tagline = \"...\"\n"
             "content/site.toml:2:12: error: 'base_url' must be an http(s) "
             "URL\n"
             "base_url = \"javascript:x\"\n"
             "           ^\n"
             "content/site.toml:4:15: error: 'recent_days' must be from 0 to "
             "36500\n"
             "recent_days = -1\n"
             "              ^\n"
             "content/site.toml:5:1: error: unknown key 'languge'; did you "
             "mean 'language'?\n"
             "languge = \"en\"\n"
             "^\n"
             "content/site.toml:6:10: error: 'update' must be an array of "
             "tables, each written as a [[update]] section\n"
             "update = { date = 2024-01-01, text = \"x\" }\n"
             "         ^\n");
}

BOOST_AUTO_TEST_CASE(update_needs_date_and_text) {
  ContentDir dir;
  dir.write("site.toml", std::string(kSite) + R"(
[[update]]
date = "May 2023"
)");
  BOOST_TEST(dir.load() ==
             "content/site.toml:6:1: error: missing required key 'text'; add "
             "text = \"...\"\n"
             "[[update]]\n"
             "^\n"
             "content/site.toml:7:8: error: 'date' must be a date like "
             "2024-05-29, not a string (write it unquoted)\n"
             "date = \"May 2023\"\n"
             "       ^\n");
}

BOOST_AUTO_TEST_CASE(missing_content_folder_and_files) {
  ContentDir dir;
  fs::remove(dir.root() / "content/site.toml");
  BOOST_TEST(dir.load() == "content/site.toml: error: file does not exist\n");
  Diagnostics diagnostics;
  load_content({dir.root() / "nowhere", {}, {}}, diagnostics);
  BOOST_REQUIRE(diagnostics.items().size() == 1u);
  BOOST_TEST(diagnostics.items()[0].message ==
             "content folder does not exist; pass --content DIR or run "
             "papersite from the repository root");
}

BOOST_AUTO_TEST_CASE(load_topics_reads_topics_only) {
  ContentDir dir;
  dir.paper("pruning/x.toml", "broken = \n");
  Diagnostics diagnostics;
  auto topics = load_topics("content", diagnostics);
  BOOST_TEST(diagnostics.items().empty());
  BOOST_REQUIRE(topics.size() == 2u);
  BOOST_TEST(topics[1].page == "quantization.md");
}

BOOST_AUTO_TEST_CASE(display_path_is_relative_inside_the_working_dir) {
  ContentDir dir;
  BOOST_TEST(display_path(dir.root() / "content/x.toml") == "content/x.toml");
  BOOST_TEST(display_path("content/./a/../x.toml") == "content/x.toml");
  BOOST_TEST(display_path("/elsewhere/x.toml") == "/elsewhere/x.toml");
}

BOOST_AUTO_TEST_CASE(closest_name_and_slugs) {
  std::vector<std::string> names = {"title", "authors", "tags", "image_width"};
  BOOST_TEST(*closest_name("titel", names) == "title");
  BOOST_TEST(*closest_name("Author", names) == "authors");
  BOOST_TEST(*closest_name("image-width", names) == "image_width");
  BOOST_TEST(!closest_name("url", names));
  BOOST_TEST(!closest_name("abstract", names));
  BOOST_TEST(is_slug("kv-cache-2"));
  BOOST_TEST(!is_slug("KV"));
  BOOST_TEST(!is_slug("a_b"));
  BOOST_TEST(!is_slug(""));
  BOOST_TEST(is_placeholder("  TODO: x"));
  BOOST_TEST(!is_placeholder("TODO list"));
}

BOOST_AUTO_TEST_SUITE_END()
