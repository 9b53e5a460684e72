#include "render.hpp"

#include <fmt/format.h>

#include <boost/test/unit_test.hpp>

#include "render_fixture.hpp"
#include "render_model.hpp"
#include "test_util.hpp"

using namespace papersite;
using namespace papersite::test;
namespace fs = std::filesystem;

namespace {

// The list of the expected README: every kind of row the seed shows, and
// one row whose title holds each character a cell must escape.
SampleList rich_list() {
  SampleList list;
  auto& papers = list.content.papers;

  Paper finercut =
      sample_paper("pruning", "finercut", "2405.18218",
                   "FinerCut: Finer-grained Layer Pruning", "2024-05-29");
  finercut.image = "https://arxiv.org/html/2405.18218v1/x1.png";
  finercut.image_width = 1002;
  papers.push_back(finercut);

  Paper slope = sample_paper("pruning", "slope", "2405.16325",
                             "SLoPe: Double-Pruned Sparse Plus Lazy Low-Rank",
                             "2024-05-29");
  slope.code = "https://github.com/Mohammad-Mozaffari/slope";
  slope.image = "https://arxiv.org/html/2405.16325v1/x1.png";
  papers.push_back(slope);

  Paper old = sample_paper("pruning", "old-prune", "2301.00001",
                           "An Old Pruning Paper", "2023-01-10");
  old.venue = "NeurIPS'23";
  old.tags = {"Structural", "Semi_Structured 2-4"};
  papers.push_back(old);

  Paper pv = sample_paper("quantization", "pv-tuning", "2405.14852",
                          "PV-Tuning: Beyond Straight-Through Estimation",
                          "2024-05-31");
  pv.code = "https://github.com/Vahe1994/AQLM/tree/pv-tuning";
  pv.venue = "ICML'24 Oral";
  pv.image = "content/figures/pv tuning.png";
  pv.image_width = 800;
  pv.links = {{"Project", "https://example.org/pv?a=1&b=2"},
              {"Slides", "https://example.org/slides (v2).pdf"}};
  pv.recommended = true;
  papers.push_back(pv);

  Paper tricky = sample_paper(
      "quantization", "tricky", "2405.10000",
      "A | B <c> & \"q\" {{x}} [d] `e` \\ end\r\nline two", "2024-05-30");
  tricky.authors = {"O'Neil | Q", "R. <Roe>"};
  tricky.also = {"pruning"};
  papers.push_back(tricky);
  return list;
}

// Counts the '|' of a markdown line that are not escaped by a backslash.
int unescaped_pipes(const std::string& line) {
  int pipes = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\')
      ++i;  // the escaped character
    else if (line[i] == '|')
      ++pipes;
  }
  return pipes;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos)
      end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// A theme of one template per escaping mode, all rendering `text`.
fs::path write_escape_theme(const fs::path& dir, const std::string& text) {
  fs::path theme = dir / "escapes";
  write_file(theme / "theme.toml", R"(
[[output]]
name = "md"
template = "t.mustache"
path = "out.md"
escape = "markdown"

[[output]]
name = "xml"
template = "t.mustache"
path = "out.xml"
escape = "xml"

[[output]]
name = "raw"
template = "t.mustache"
path = "out.txt"
escape = "none"
)");
  write_file(theme / "t.mustache", text);
  return theme;
}

std::string load_error(const fs::path& theme) {
  auto loaded = load_theme(theme);
  BOOST_REQUIRE(!loaded.ok());
  BOOST_TEST(static_cast<int>(loaded.error().kind) ==
             static_cast<int>(ExitCode::kEnvironment));
  return loaded.error().message;
}

// A theme whose only output is `template_text`; `toml` replaces the
// theme.toml when given.
fs::path one_template_theme(const fs::path& dir,
                            const std::string& template_text,
                            const std::string& toml = "") {
  fs::path theme = dir / "one";
  write_file(theme / "theme.toml",
             toml.empty() ? "[[output]]\nname = \"page\"\ntemplate = "
                            "\"page.mustache\"\npath = \"page.md\"\n"
                            "escape = \"markdown\"\n"
                          : toml);
  write_file(theme / "page.mustache", template_text);
  return theme;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render)

BOOST_AUTO_TEST_CASE(renders_every_output_of_the_markdown_theme) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  SampleList list = rich_list();
  auto files = render_or_fail(theme, list.view());
  std::vector<std::string> paths;
  for (const RenderedFile& f : files)
    paths.push_back(f.path);
  std::vector<std::string> expected = {"README.md",
                                       "pruning.md",
                                       "quantization.md",
                                       "survey.md",
                                       "feed.xml",
                                       "feeds/pruning.xml",
                                       "feeds/quantization.xml",
                                       "feeds/survey.xml"};
  BOOST_TEST(paths == expected, boost::test_tools::per_element());
}

// The theme as committed, with the partials other components wrote.
BOOST_AUTO_TEST_CASE(committed_markdown_theme_loads_and_renders) {
  auto files =
      render_or_fail(source_dir() / "themes/markdown", rich_list().view());
  BOOST_TEST(files.size() == 8u);
  std::string readme = file_of(files, "README.md");
  for (const char* heading : {"\n## Full List\n", "\n#### 🚀 Updates\n",
                              "\n## Paper from ", "\n#### 💮 Contributing\n",
                              "\n##### How dates work\n", "\n#### 📡 Feeds\n"})
    BOOST_TEST(readme.find(heading) != std::string::npos, heading);
  // Another list's README shows no text of papersite's own project.
  for (const char* own :
       {"build/papersite", "ctest", "apt-get", ".ci/run", "Use the compiler"})
    BOOST_TEST(readme.find(own) == std::string::npos, own);
  BOOST_TEST(readme.find("one\n   of `pruning` `quantization` `survey`:") !=
             std::string::npos);
}

// A list's own Contributing text replaces the theme's; its sections follow
// the theme's, in order, printed as the markdown they are.
BOOST_AUTO_TEST_CASE(list_contributing_text_and_sections_from_site_toml) {
  SampleList list = rich_list();
  list.content.site.contributing = "Send a *postcard*. {{site.title}}";
  list.content.site.sections = {{"Build | it", "Run `make`."},
                                {"Thanks", "To **all**."}};
  auto files = render_or_fail(source_dir() / "themes/markdown", list.view());
  std::string readme = file_of(files, "README.md");
  BOOST_TEST(readme.find("#### 💮 Contributing\n\nSend a *postcard*. "
                         "{{site.title}}\n\n##### How dates work") !=
             std::string::npos);
  BOOST_TEST(readme.find("papersite new") == std::string::npos);
  auto tail = readme.substr(readme.find("#### 📡 Feeds"));
  BOOST_TEST(tail.find("\n\n#### Build \\| it\n\nRun `make`.\n\n#### Thanks"
                       "\n\nTo **all**.\n") != std::string::npos,
             tail);
  BOOST_TEST(tail.ends_with("To **all**.\n"));
}

BOOST_AUTO_TEST_CASE(no_updates_heading_for_a_list_without_updates) {
  SampleList list = rich_list();
  BOOST_REQUIRE(!list.content.site.updates.empty());
  list.content.site.updates.clear();
  auto files = render_or_fail(source_dir() / "themes/markdown", list.view());
  std::string readme = file_of(files, "README.md");
  BOOST_TEST(readme.find("Updates") == std::string::npos);
  BOOST_TEST(readme.find("days.\n\n## Paper from ") != std::string::npos);
}

// The expected pages were reviewed by hand against the seed README.
BOOST_AUTO_TEST_CASE(readme_and_topic_pages_match_reviewed_files) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  auto files = render_or_fail(theme, rich_list().view());
  fs::path expected = source_dir() / "tests/data/render";
  for (const char* page : {"README.md", "pruning.md", "survey.md"}) {
    std::string want = read_file(expected / page);
    BOOST_REQUIRE_MESSAGE(!want.empty(), page);
    BOOST_TEST(file_of(files, page) == want, page);
  }
}

BOOST_AUTO_TEST_CASE(every_table_row_has_exactly_three_cells) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  auto files = render_or_fail(theme, rich_list().view());
  int rows = 0;
  for (const char* page : {"README.md", "pruning.md", "quantization.md"}) {
    for (const std::string& line : lines_of(file_of(files, page))) {
      if (line.empty() || line.front() != '|')
        continue;
      ++rows;
      BOOST_TEST(unescaped_pipes(line) == 4, page << ": " << line);
    }
  }
  // README: header 2, topics 2, papers 5; pruning: 2 + 4; quantization: 2 + 2
  BOOST_TEST(rows == 9 + 6 + 4);
}

BOOST_AUTO_TEST_CASE(cell_escapes_pipe_angle_ampersand_and_mustache_tags) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  std::string readme =
      file_of(render_or_fail(theme, rich_list().view()), "README.md");
  BOOST_TEST(readme.find("|[A \\| B &lt;c&gt; &amp; &quot;q&quot; {{x}} "
                         "\\[d\\] \\`e\\` \\\\ end line two]"
                         "(https://arxiv.org/abs/2405.10000) <br> "
                         "O'Neil \\| Q, R. &lt;Roe&gt; |") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(content_is_printed_never_expanded_as_a_template) {
  TempDir dir;
  fs::path theme = write_escape_theme(
      dir.path(), "{{#papers}}{{title}}|{{{title}}}{{/papers}}");
  write_file(theme / "partials" / "x.mustache", "PARTIAL");
  SampleList list;
  list.content.papers = {sample_paper(
      "pruning", "p", "2405.00001",
      "{{site.title}} {{> x}} {{#papers}}loop{{/papers}} {{=<% %>=}}",
      "2024-05-20")};
  auto files = render_or_fail(theme, list.view());
  std::string title =
      "{{site.title}} {{> x}} {{#papers}}loop{{/papers}} {{=<% %>=}}";
  BOOST_TEST(file_of(files, "out.md") ==
             "{{site.title}} {{&gt; x}} {{#papers}}loop{{/papers}} "
             "{{=&lt;% %&gt;=}}|" +
                 title);
  BOOST_TEST(file_of(files, "out.txt") == title + "|" + title);
}

BOOST_AUTO_TEST_CASE(each_output_escapes_for_its_own_mode) {
  TempDir dir;
  fs::path theme = write_escape_theme(dir.path(), "{{site.title}}");
  SampleList list;
  list.content.site.title = "A|B <C> & 'D'";
  auto files = render_or_fail(theme, list.view());
  BOOST_TEST(file_of(files, "out.md") == "A\\|B &lt;C&gt; &amp; 'D'");
  BOOST_TEST(file_of(files, "out.xml") == "A|B &lt;C&gt; &amp; &apos;D&apos;");
  BOOST_TEST(file_of(files, "out.txt") == "A|B <C> & 'D'");
}

BOOST_AUTO_TEST_CASE(a_value_named_like_a_partial_is_not_rendered_as_one) {
  TempDir dir;
  // kainjow looks partials up among the values; ours come from partials/.
  Theme theme;
  theme.dir = dir.path();
  theme.outputs = {{"page", "t", "page.md", false, EscapeMode::kNone}};
  theme.templates["t"] = "{{#papers}}[{{> title}}]{{/papers}}";
  SampleList list;
  list.content.papers = {sample_paper("pruning", "p", "2405.00001",
                                      "{{site.title}}", "2024-05-20")};
  View view = list.view();
  auto files = render_site(theme, view);
  BOOST_REQUIRE(!files.ok());
  BOOST_TEST(files.error().message ==
             "'" + (dir / "t").string() + "' includes partial 'title', but '" +
                 (dir / "partials/title.mustache").string() +
                 "' does not exist");

  // Other delimiters, which would hide the include, are refused.
  theme.templates["t"] = "{{=<% %>=}}<%#papers%>[<%> title%>]<%/papers%>";
  files = render_site(theme, view);
  BOOST_REQUIRE(!files.ok());
  BOOST_TEST(files.error().message ==
             "template '" + (dir / "t").string() +
                 "' changes the tag delimiters (line 1, column 1); papersite "
                 "themes write every tag with {{ }}");
}

BOOST_AUTO_TEST_CASE(template_that_does_not_compile_names_file_and_reason) {
  TempDir dir;
  fs::path theme = one_template_theme(dir.path(), "# x\n{{#papers}}\n");
  BOOST_TEST(load_error(theme) ==
             "template '" + (theme / "page.mustache").string() +
                 "' does not compile: Unclosed section \"papers\" at 4 "
                 "(line 2, column 1)");

  Theme by_hand;
  by_hand.dir = dir.path();
  by_hand.outputs = {{"page", "t", "page.md", false, EscapeMode::kNone}};
  by_hand.templates["t"] = "{{/papers}}";
  SampleList list;
  View view = list.view();
  auto files = render_site(by_hand, view);
  BOOST_REQUIRE(!files.ok());
  BOOST_TEST(files.error().message ==
             "template '" + (dir / "t").string() +
                 "' does not compile: Unopened section \"papers\" at 0 "
                 "(line 1, column 1)");
}

BOOST_AUTO_TEST_CASE(partial_that_does_not_compile_names_its_file) {
  TempDir dir;
  fs::path theme = one_template_theme(dir.path(), "{{> row}}\n");
  write_file(theme / "partials/row.mustache", "a\n{{x\n");
  BOOST_TEST(load_error(theme) ==
             "template '" + (theme / "partials/row.mustache").string() +
                 "' does not compile: Unclosed tag at 2 (line 2, column 1)");
}

BOOST_AUTO_TEST_CASE(missing_theme_folder_or_toml_is_an_environment_error) {
  TempDir dir;
  BOOST_TEST(load_error(dir / "nope") ==
             "theme folder '" + (dir / "nope").string() +
                 "' does not exist or is not a folder; pass --theme with a "
                 "folder holding theme.toml");
  fs::create_directories(dir / "empty");
  BOOST_TEST(load_error(dir / "empty") ==
             "cannot read '" + (dir / "empty/theme.toml").string() +
                 "': no such file");
}

BOOST_AUTO_TEST_CASE(theme_toml_mistakes_name_the_file_and_line) {
  TempDir dir;
  auto error_for = [&](const std::string& toml) {
    fs::path theme = one_template_theme(dir.path(), "x", toml);
    return load_error(theme);
  };
  std::string file = "'" + (dir / "one/theme.toml").string() + "'";
  std::string head =
      "[[output]]\nname = \"page\"\ntemplate = \"page.mustache\"\n";
  BOOST_TEST(error_for(head + "path = \"a.md\"\nescape = \"markdown\"\n"
                              "tempalte = 1\n") ==
             file +
                 " line 6: unknown key 'tempalte' in [[output]]; expected "
                 "name, template, path, per_topic or escape");
  BOOST_TEST(error_for(head + "path = \"a.md\"\nescape = \"html\"\n") ==
             file +
                 " line 5: escape 'html' must be 'markdown', 'xml' or "
                 "'none'");
  BOOST_TEST(error_for(head + "escape = \"none\"\n") ==
             file + " line 1: [[output]] needs 'path'");
  BOOST_TEST(error_for(head + "path = \"../a.md\"\nescape = \"none\"\n") ==
             file +
                 " line 1: path '../a.md' must be a relative path inside "
                 "the output folder without '..' or '.git'; only per-topic "
                 "outputs use {{slug}} or {{page}}");
  BOOST_TEST(error_for(head + "path = \".git/hooks/post-checkout\"\n"
                              "escape = \"none\"\n") ==
             file +
                 " line 1: path '.git/hooks/post-checkout' must be a "
                 "relative path inside the output folder without '..' or "
                 "'.git'; only per-topic outputs use {{slug}} or {{page}}");
  BOOST_TEST(error_for(head + "path = \"docs/.GIT/config\"\n"
                              "escape = \"none\"\n") != "");
  BOOST_TEST(error_for(head + "path = \"a.md\"\nescape = \"none\"\n"
                              "per_topic = true\n") ==
             file +
                 " line 1: per-topic path 'a.md' must name the topic with "
                 "{{slug}} or {{page}} and stay inside the output folder");
  BOOST_TEST(error_for("[[output]]\nname = \"page\"\ntemplate = "
                       "\"../page.mustache\"\npath = \"a.md\"\n"
                       "escape = \"none\"\n") ==
             file +
                 " line 1: template '../page.mustache' must be a file name "
                 "inside the theme folder");
  BOOST_TEST(error_for("[[output\n") ==
             "cannot parse " + file +
                 " line 1, column 9: Error while parsing table header: "
                 "expected ']', saw '\\n'");
  BOOST_TEST(error_for("title = 1\n") ==
             file +
                 " line 1: unknown key 'title'; a theme.toml holds "
                 "[[output]] tables");
}

BOOST_AUTO_TEST_CASE(partials_are_files_of_the_theme_only) {
  TempDir dir;
  fs::path theme = one_template_theme(dir.path(), "{{> ../secret}}\n");
  BOOST_TEST(load_error(theme) ==
             "'" + (theme / "page.mustache").string() +
                 "' includes partial '../secret'; a partial is named by its "
                 "file in partials/, without '/' or '..'");

  write_file(theme / "page.mustache", "{{> nope}}\n");
  BOOST_TEST(load_error(theme) ==
             "'" + (theme / "page.mustache").string() +
                 "' includes partial 'nope', but '" +
                 (theme / "partials/nope.mustache").string() +
                 "' does not exist");

  write_file(dir / "outside.mustache", "secret\n");
  fs::create_directories(theme / "partials");
  fs::create_symlink(dir / "outside.mustache",
                     theme / "partials/nope.mustache");
  BOOST_TEST(load_error(theme) ==
             "'" + (theme / "partials/nope.mustache").string() +
                 "' is a symbolic link; themes are read without following "
                 "links, copy the file into the theme");
}

BOOST_AUTO_TEST_CASE(partial_including_itself_is_refused) {
  TempDir dir;
  fs::path theme = one_template_theme(dir.path(), "{{> a}}\n");
  write_file(theme / "partials/a.mustache", "{{> b}}");
  write_file(theme / "partials/b.mustache", "{{> a}}");
  BOOST_TEST(load_error(theme) ==
             "partial 'a' includes itself through 'b'; a partial cannot "
             "recurse");
}

// Issue 8: sections nested tens of thousands deep ran the render out of
// memory; the depth is bounded.
BOOST_AUTO_TEST_CASE(sections_nested_too_deep_are_refused) {
  TempDir dir;
  auto nested = [](int depth) {
    std::string text;
    for (int i = 0; i < depth; ++i)
      text += "{{#site}}";
    for (int i = 0; i < depth; ++i)
      text += "{{/site}}";
    return text;
  };
  fs::path ok = one_template_theme(dir / "ok", nested(64) + "\n");
  BOOST_TEST(load_theme(ok).ok());
  fs::path deep = one_template_theme(dir / "deep", "x\n" + nested(65) + "\n");
  BOOST_TEST(load_error(deep) ==
             "template '" + (deep / "page.mustache").string() +
                 "' nests sections more than 64 deep (line 2, column 577); a "
                 "page needs a few levels");
}

// A partial including itself under other delimiters overflowed the stack.
BOOST_AUTO_TEST_CASE(changed_delimiters_are_refused) {
  TempDir dir;
  fs::path theme = one_template_theme(dir.path(), "{{> a}}\n");
  write_file(theme / "partials/a.mustache", "x\n  {{=<% %>=}}<%> a%>");
  BOOST_TEST(load_error(theme) ==
             "template '" + (theme / "partials/a.mustache").string() +
                 "' changes the tag delimiters (line 2, column 3); papersite "
                 "themes write every tag with {{ }}");
}

BOOST_AUTO_TEST_CASE(theme_files_and_inlined_partials_are_bounded) {
  TempDir dir;
  fs::path big = one_template_theme(dir / "big", std::string(300000, 'x'));
  BOOST_TEST(load_error(big) == "'" + (big / "page.mustache").string() +
                                    "' is 300000 bytes, over the limit of "
                                    "262144 for a theme file");
  // Each partial includes the next twice: 2^30 copies of the last one.
  fs::path chain = one_template_theme(dir / "chain", "{{> p0}}\n");
  for (int i = 0; i < 30; ++i)
    write_file(chain / fmt::format("partials/p{}.mustache", i),
               fmt::format("{{{{> p{0}}}}}{{{{> p{0}}}}}", i + 1));
  write_file(chain / "partials/p30.mustache", "text");
  BOOST_TEST(load_error(chain) ==
             "template '" + (chain / "page.mustache").string() +
                 "' with its partials inlined is over 8388608 bytes; include "
                 "each partial a few times, not in a chain that multiplies "
                 "them");
}

BOOST_AUTO_TEST_CASE(partial_alone_on_a_line_gives_its_lines_once) {
  TempDir dir;
  fs::path theme = one_template_theme(
      dir.path(),
      "top\n{{#papers}}\n{{> row}}\n{{/papers}}\n{{! note}}\nend\n");
  write_file(theme / "partials/row.mustache", "- {{title}}\n");
  SampleList list;
  list.content.papers = {
      sample_paper("pruning", "a", "2405.00001", "A", "2024-05-20"),
      sample_paper("pruning", "b", "2405.00002", "B", "2024-05-21")};
  auto files = render_or_fail(theme, list.view());
  BOOST_TEST(file_of(files, "page.md") == "top\n- B\n- A\nend\n");
}

// kainjow keeps the line of a false section and, once lines were joined,
// dropped the blank line after a list; both broke the README's headings.
BOOST_AUTO_TEST_CASE(standalone_tag_lines_vanish_and_blank_lines_stay) {
  TempDir dir;
  fs::path theme = one_template_theme(dir.path(),
                                      "a\n"
                                      "{{#papers}}\n"
                                      "- {{title}}\n"
                                      "{{/papers}}\n"
                                      "\n"
                                      "b\n"
                                      "  {{#site.nothing}}\n"
                                      "hidden\n"
                                      "{{/site.nothing}}  \n"
                                      "\n"
                                      "{{^papers}}\n"
                                      "none\n"
                                      "{{/papers}}\n"
                                      "{{! a comment }}\n"
                                      "c\n");
  SampleList list;
  list.content.papers = {
      sample_paper("pruning", "a", "2405.00001", "A", "2024-05-20")};
  auto files = render_or_fail(theme, list.view());
  BOOST_TEST(file_of(files, "page.md") == "a\n- A\n\nb\n\nc\n");
}

BOOST_AUTO_TEST_CASE(files_read_lists_every_theme_file_and_folder) {
  TempDir dir;
  fs::path theme = one_template_theme(dir.path(), "{{> a}}\n");
  write_file(theme / "partials/a.mustache", "a");
  write_file(theme / "partials/notes.txt", "not a partial");
  auto loaded = load_theme(theme);
  BOOST_REQUIRE(loaded.ok());
  std::vector<fs::path> expected = {theme, theme / "theme.toml",
                                    theme / "page.mustache", theme / "partials",
                                    theme / "partials/a.mustache"};
  BOOST_TEST(loaded->files_read == expected, boost::test_tools::per_element());
}

// The lists of papers are built only when a template names them; they
// must read the same from wherever they are named: at the top, through a
// dotted name, inside a topic, inside a paper, and from a per-topic output.
BOOST_AUTO_TEST_CASE(lists_of_papers_read_the_same_wherever_they_are_named) {
  TempDir dir;
  fs::path theme = one_template_theme(
      dir.path(),
      "all:{{#papers}}{{id}} {{/papers}}|"
      "feed:{{#feed.items}}{{id}} {{/feed.items}}{{feed.last_build_date}}|"
      "{{#topics}}{{slug}}=[{{#papers}}{{id}} {{/papers}}/"
      "{{#recent}}{{id}} {{/recent}}/"
      "{{#feed}}{{#items}}{{id}} {{/items}}{{/feed}}]{{/topics}}|"
      "nested:{{#papers}}{{#papers}}.{{/papers}}{{/papers}}|"
      "{{^topics}}none{{/topics}}",
      "[[output]]\nname = \"all\"\ntemplate = \"page.mustache\"\n"
      "path = \"all.txt\"\nescape = \"none\"\n"
      "[[output]]\nname = \"topic\"\ntemplate = \"topic.mustache\"\n"
      "path = \"{{slug}}.txt\"\nper_topic = true\nescape = \"none\"\n");
  write_file(theme / "topic.mustache",
             "{{slug}}:{{#papers}}{{id}} {{/papers}}"
             "{{#site}}{{#papers}}+{{/papers}}{{/site}}"
             "{{^papers}}empty{{/papers}}");
  SampleList list;
  list.content.site.feed_items = 2;
  Paper b = sample_paper("quantization", "b", "2405.00002", "B", "2024-05-31");
  b.also = {"pruning"};
  list.content.papers = {
      sample_paper("pruning", "a", "2405.00001", "A", "2024-05-30"), b,
      sample_paper("pruning", "c", "2301.00003", "C", "2023-01-10")};

  auto files = render_or_fail(theme, list.view());
  BOOST_REQUIRE(files.size() == 4u);
  const std::string a_ = "arxiv:2405.00001 ";
  const std::string b_ = "arxiv:2405.00002 ";
  const std::string c_ = "arxiv:2301.00003 ";
  BOOST_TEST(files[0].bytes ==
             "all:" + b_ + a_ + c_ + "|feed:" + b_ + a_ +
                 "Fri, 31 May 2024 00:00:00 +0000|" + "pruning=[" + b_ + a_ +
                 c_ + "/" + b_ + a_ + "/" + b_ + a_ + "]quantization=[" + b_ +
                 "/" + b_ + "/" + b_ + "]survey=[//]|nested:.........|");
  BOOST_TEST(files[1].bytes == "pruning:" + b_ + a_ + c_ + "+++");
  BOOST_TEST(files[2].bytes == "quantization:" + b_ + "+");
  BOOST_TEST(files[3].bytes == "survey:empty");
}

BOOST_AUTO_TEST_CASE(per_topic_output_paths_come_from_page_or_slug) {
  TempDir dir;
  fs::path theme = one_template_theme(
      dir.path(), "{{title}} {{output.path}} {{output.root}}|",
      "[[output]]\nname = \"p\"\ntemplate = \"page.mustache\"\n"
      "path = \"{{page}}\"\nper_topic = true\nescape = \"none\"\n"
      "[[output]]\nname = \"f\"\ntemplate = \"page.mustache\"\n"
      "path = \"x/{{slug}}.xml\"\nper_topic = true\nescape = \"none\"\n");
  SampleList list;
  list.content.topics[1].page = "topics/quantization.md";
  auto files = render_or_fail(theme, list.view());
  BOOST_REQUIRE(files.size() == 6u);
  BOOST_TEST(files[0].path == "pruning.md");
  BOOST_TEST(files[0].bytes == "Network Pruning pruning.md |");
  BOOST_TEST(files[1].path == "topics/quantization.md");
  BOOST_TEST(files[1].bytes == "Quantization topics/quantization.md ../|");
  BOOST_TEST(files[5].path == "x/survey.xml");
  BOOST_TEST(files[5].bytes == "Survey x/survey.xml ../|");
}

BOOST_AUTO_TEST_CASE(topic_page_outside_the_output_folder_is_refused) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  SampleList list;
  list.content.topics[0].page = "../escape.md";
  auto loaded = load_theme(theme);
  BOOST_REQUIRE(loaded.ok());
  View view = list.view();
  auto files = render_site(*loaded, view);
  BOOST_REQUIRE(!files.ok());
  BOOST_TEST(static_cast<int>(files.error().kind) ==
             static_cast<int>(ExitCode::kContent));
  BOOST_TEST(files.error().message ==
             "topic 'pruning' would be written to '../escape.md', outside the "
             "output folder; give its 'page' in topics.toml a relative path "
             "such as 'pruning.md'");
}

BOOST_AUTO_TEST_CASE(two_outputs_writing_one_path_are_refused) {
  TempDir dir;
  SampleList list;
  list.content.topics[1].page = "README.md";
  auto loaded = load_theme(copy_markdown_theme(dir.path()));
  BOOST_REQUIRE(loaded.ok());
  View view = list.view();
  auto files = render_site(*loaded, view);
  BOOST_REQUIRE(!files.ok());
  BOOST_TEST(files.error().message ==
             "templates 'README.md.mustache' and 'topic.md.mustache' both "
             "write 'README.md'; give each output its own path");
}

// A topic page named "feeds" was written, then the feeds failed to go in
// a folder of that name with exit 3, half the pages replaced.
BOOST_AUTO_TEST_CASE(page_named_like_another_outputs_folder_is_refused) {
  TempDir dir;
  SampleList list;
  list.content.topics[1].page = "feeds";
  auto loaded = load_theme(copy_markdown_theme(dir.path()));
  BOOST_REQUIRE(loaded.ok());
  View view = list.view();
  auto files = render_site(*loaded, view);
  BOOST_REQUIRE(!files.ok());
  BOOST_TEST(files.error().message ==
             "template 'topic.md.mustache' writes 'feeds', which template "
             "'topic_feed.xml.mustache' needs as the folder of "
             "'feeds/pruning.xml'; rename one of them");
}

BOOST_AUTO_TEST_CASE(readme_leaves_out_topics_without_recent_papers) {
  TempDir dir;
  fs::path theme = copy_markdown_theme(dir.path());
  SampleList list;
  list.content.papers = {
      sample_paper("pruning", "old", "2301.00001", "Old", "2023-01-01"),
      sample_paper("quantization", "new", "2405.00001", "New", "2024-05-30"),
      sample_paper("quantization", "newer", "2405.00002", "Newer",
                   "2024-05-31")};
  auto files = render_or_fail(theme, list.view());
  std::string readme = file_of(files, "README.md");
  BOOST_TEST(readme.find("|**Network Pruning** | | |") == std::string::npos);
  BOOST_TEST(readme.find("|**Quantization** | | |") != std::string::npos);
  BOOST_TEST(readme.find("[Old]") == std::string::npos);
  BOOST_TEST(readme.find("## Paper from 05/02/2024 - Now ([Full List]"
                         "(#full-list))") != std::string::npos);
  BOOST_TEST(file_of(files, "pruning.md").find("[Old]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(model_urls_are_safe_and_absolute) {
  Site site;
  site.base_url = "https://example.org/list/";
  BOOST_TEST(absolute_url(site, "content/figures/a b.png") ==
             "https://example.org/list/content/figures/a%20b.png");
  BOOST_TEST(absolute_url(site, "./content/x.png") ==
             "https://example.org/list/content/x.png");
  BOOST_TEST(absolute_url(site, "HTTPS://x.org/a(b)") ==
             "HTTPS://x.org/a%28b%29");
  BOOST_TEST(absolute_url(site, "javascript:alert(1)") == "");
  BOOST_TEST(absolute_url(site, "data:image/png;base64,AAAA") == "");
  BOOST_TEST(absolute_url(site, "//evil.example/x.png") == "");
  site.base_url = "https://example.org/list";
  BOOST_TEST(absolute_url(site, "/content/x.png") ==
             "https://example.org/list/content/x.png");
}

BOOST_AUTO_TEST_CASE(github_owner_and_repo_come_from_any_github_url) {
  auto repo = github_repo("https://github.com/Vahe1994/AQLM/tree/pv-tuning");
  BOOST_REQUIRE(repo.has_value());
  BOOST_TEST(repo->owner == "Vahe1994");
  BOOST_TEST(repo->repo == "AQLM");
  repo = github_repo("https://github.com/o/r.git");
  BOOST_REQUIRE(repo.has_value());
  BOOST_TEST(repo->repo == "r");
  BOOST_TEST(!github_repo("https://github.com/only-owner").has_value());
  BOOST_TEST(!github_repo("https://gitlab.com/o/r").has_value());
  BOOST_TEST(!github_repo("https://github.com.evil/o/r").has_value());
}

BOOST_AUTO_TEST_CASE(tagline_text_drops_markdown) {
  BOOST_TEST(markdown_to_text("A list for **efficient** [LLMs](x.md) `now`") ==
             "A list for efficient LLMs now");
}

BOOST_AUTO_TEST_SUITE_END()
