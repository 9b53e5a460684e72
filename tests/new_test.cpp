// `papersite new` run as a contributor runs it, and its skeleton read back
// by `papersite check`.
#include <fmt/format.h>

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <vector>

#include "content.hpp"
#include "test_util.hpp"

using papersite::test::papersite_binary;
using papersite::test::read_file;
using papersite::test::run;
using papersite::test::TempDir;
using papersite::test::write_file;
namespace fs = std::filesystem;

namespace {

const char* const kTopics = R"([[topic]]
slug = "pruning"
title = "Network Pruning"
page = "pruning.md"

[[topic]]
slug = "quantization"
title = "Quantization"
page = "quantization.md"
)";

class Repo {
 public:
  Repo() {
    write_file(dir_ / "content/site.toml", R"(title = "List"
tagline = "A list"
base_url = "https://example.org/list/"
repository = "https://github.com/owner/list"
)");
    write_file(dir_ / "content/topics.toml", kTopics);
  }
  const fs::path& path() const { return dir_.path(); }
  fs::path operator/(const std::string& rel) const { return dir_ / rel; }
  papersite::test::RunResult papersite(const std::string& args) {
    return run(fmt::format("'{}' {}", papersite_binary(), args), dir_.path());
  }

 private:
  TempDir dir_;
};

std::string replace(std::string text, const std::string& from,
                    const std::string& to) {
  auto at = text.find(from);
  BOOST_REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const char* const kOptionalKeys = R"(
# where it was published, as NAME'YY; gives a conference badge
# venue = "NeurIPS'23"

# type badges
# tags = ["Structural"]

# an overview figure: a repository path or an http(s) URL
# image = "content/figures/finercut.png"

# the figure's display width in pixels
# image_width = 1002

# extra links, name = URL: project page, slides, model
# links = { project = "https://example.org/" }

# marks a recommended paper
# recommended = true

# more topics to list it under (slugs of topics.toml)
# also = ["quantization"]

# the date it joined the list, when git's date is wrong (imports)
# added = 2024-05-29

# a short description, used by the feeds
# summary = "One sentence on what the paper does."
)";

}  // namespace

BOOST_AUTO_TEST_SUITE(new_paper)

BOOST_AUTO_TEST_CASE(writes_every_key_with_the_known_ones_filled) {
  Repo repo;
  auto r = repo.papersite(
      "new --topic pruning --arxiv https://arxiv.org/pdf/2405.18218v2 "
      "--title 'FinerCut: Finer-grained Interpretable Layer Pruning' "
      "--code https://github.com/owner/finercut");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out == "content/papers/pruning/finercut.toml\n");
  BOOST_TEST(r.err ==
             "papersite: fill in the values marked 'TODO:', then run "
             "'papersite check content/papers/pruning/finercut.toml'\n");
  BOOST_TEST(
      read_file(repo / "content/papers/pruning/finercut.toml") ==
      std::string(
          R"(# One paper of the list. Replace every "TODO: ..." value, uncomment
# the optional keys that apply (delete the others), then run
#   papersite check content/papers/pruning/finercut.toml

# the paper's title, as the paper writes it
title = "FinerCut: Finer-grained Interpretable Layer Pruning"

# every author, in the paper's order
authors = ["TODO: First Author", "TODO: Second Author"]

# the paper's page: an arXiv abs page, OpenReview, ACL Anthology, ...
paper = "https://arxiv.org/abs/2405.18218"

# the code repository; a GitHub URL gives a star badge
code = "https://github.com/owner/finercut"
)") + kOptionalKeys);
}

BOOST_AUTO_TEST_CASE(skeleton_fails_check_on_each_placeholder) {
  Repo repo;
  BOOST_REQUIRE(
      repo.papersite("new --topic quantization --arxiv 2405.14917").exit_code ==
      0);
  auto r = repo.papersite("check content/papers/quantization/2405-14917.toml");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err ==
             "content/papers/quantization/2405-14917.toml:6:9: error: "
             "'title' still holds the placeholder of 'papersite new'; "
             "replace it with the real value\n"
             "title = \"TODO: the paper's title\"\n"
             "        ^\n"
             "content/papers/quantization/2405-14917.toml:9:12: error: "
             "'authors' still holds the placeholder of 'papersite new'; "
             "replace it with the real value\n"
             "authors = [\"TODO: First Author\", \"TODO: Second Author\"]\n"
             "           ^\n"
             "content/papers/quantization/2405-14917.toml:9:34: error: "
             "'authors' still holds the placeholder of 'papersite new'; "
             "replace it with the real value\n"
             "authors = [\"TODO: First Author\", \"TODO: Second Author\"]\n"
             "                                 ^\n"
             "papersite: error: 3 error(s), 0 warning(s); fix the lines above "
             "and run 'papersite check' again\n");
}

BOOST_AUTO_TEST_CASE(filled_skeleton_passes_check) {
  Repo repo;
  auto r = repo.papersite(
      "new --topic pruning --title 'Wanda: a \"simple\" \\ pruning "
      "method'");
  BOOST_REQUIRE(r.exit_code == 0);
  fs::path file = repo / "content/papers/pruning/wanda.toml";
  std::string text = read_file(file);
  text = replace(text, "[\"TODO: First Author\", \"TODO: Second Author\"]",
                 "[\"Mingjie Sun\"]");
  text = replace(text, "\"TODO: https://arxiv.org/abs/<id>\"",
                 "\"https://arxiv.org/abs/2306.11695\"");
  text = replace(text, "# venue = \"NeurIPS'23\"", "venue = \"ICLR'24\"");
  write_file(file, text);

  auto check = repo.papersite("check");
  BOOST_TEST(check.exit_code == 0);
  BOOST_TEST(check.err ==
             "papersite: 1 paper file(s) checked: no errors, 0 warning(s)\n");
  papersite::Diagnostics diagnostics;
  auto content = papersite::load_content({repo / "content", {}, std::nullopt},
                                         diagnostics);
  BOOST_REQUIRE(content.papers.size() == 1u);
  BOOST_TEST(content.papers[0].title ==
             "Wanda: a \"simple\" \\ pruning method");
}

BOOST_AUTO_TEST_CASE(optional_keys_uncommented_unchanged_fail_check) {
  Repo repo;
  auto r = repo.papersite(
      "new --topic pruning --arxiv 2306.11695 "
      "--title 'Wanda'");
  BOOST_REQUIRE(r.exit_code == 0);
  fs::path file = repo / "content/papers/pruning/wanda.toml";
  std::string text = read_file(file);
  text = replace(text, "[\"TODO: First Author\", \"TODO: Second Author\"]",
                 "[\"Mingjie Sun\"]");
  for (const char* key : {"code", "links", "summary"})
    text =
        replace(text, fmt::format("# {} = ", key), fmt::format("{} = ", key));
  write_file(file, text);

  auto check = repo.papersite("check");
  BOOST_TEST(check.exit_code == 1);
  for (const char* key : {"'code'", "'links.project'", "'summary'"})
    BOOST_TEST(check.err.find(fmt::format("error: {} still holds the example "
                                          "of 'papersite new'",
                                          key)) != std::string::npos,
               key << " is not reported in:\n"
                   << check.err);
}

// The Contributing section's commands, run verbatim on this list's own
// content: its example paper must not be one the list already has.
BOOST_AUTO_TEST_CASE(readme_walkthrough_runs_on_this_list) {
  std::string partial = read_file(papersite::test::source_dir() /
                                  "content/readme/contributing.md");
  std::vector<std::string> commands;
  std::istringstream lines(partial);
  for (std::string line; std::getline(lines, line);) {
    auto at = line.find("build/papersite ");
    if (at != std::string::npos && line.find_first_not_of(' ') == at)
      commands.push_back(line.substr(at + std::string("build/").size()));
  }
  BOOST_REQUIRE(commands.size() == 2u);
  BOOST_REQUIRE(commands[0].starts_with("papersite new "));
  BOOST_REQUIRE(commands[1].starts_with("papersite check "));

  TempDir dir;
  fs::copy(papersite::test::source_dir() / "content", dir / "content",
           fs::copy_options::recursive);
  auto binary = fmt::format("'{}'", papersite_binary());
  auto made = run(binary + commands[0].substr(9), dir.path());
  BOOST_TEST(made.exit_code == 0, made.err);
  std::string path = commands[1].substr(std::string("papersite check ").size());
  BOOST_TEST(made.out == path + "\n");
  BOOST_TEST(partial.find("`" + path + "`") != std::string::npos);
  // Only the authors are left to fill in.
  auto check = run(binary + commands[1].substr(9), dir.path());
  BOOST_TEST(check.exit_code == 1);
  BOOST_TEST(check.err.find("'authors' still holds the placeholder") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(slug_from_the_first_words_of_a_title_without_name) {
  Repo repo;
  auto r = repo.papersite(
      "new --topic pruning --title 'A Simple and Effective Pruning Approach "
      "for Large Language Models'");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out ==
             "content/papers/pruning/a-simple-and-effective-pruning-approach"
             ".toml\n");
}

BOOST_AUTO_TEST_CASE(slug_folds_latin_letters_with_diacritics) {
  Repo repo;
  auto r = repo.papersite(
      "new --topic pruning --title '\xC3\x9C"
      "ber Gr\xC3\xB6\xC3\x9F"
      "e der "
      "Modelle \xC3\x97 2'");
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out ==
             "content/papers/pruning/uber-grosse-der-modelle-2.toml\n");
}

BOOST_AUTO_TEST_CASE(title_without_latin_letters_asks_for_the_arxiv_id) {
  Repo repo;
  std::string title = "\xE4\xB8\xAD\xE6\x96\x87";
  auto r = repo.papersite("new --topic pruning --title '" + title + "'");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err == "papersite: error: --title '" + title +
                          "' has no Latin letters or digits to name the file "
                          "after; give --arxiv ID too\n");
  r = repo.papersite("new --topic pruning --arxiv 2405.00001 --title '" +
                     title + "'");
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.out == "content/papers/pruning/2405-00001.toml\n");
}

BOOST_AUTO_TEST_CASE(creates_the_folder_of_a_topic_without_papers) {
  Repo repo;
  BOOST_TEST(
      repo.papersite("new --topic quantization --arxiv cs/0112017v1").out ==
      "content/papers/quantization/cs-0112017.toml\n");
  BOOST_TEST(fs::is_regular_file(
      repo / "content/papers/quantization/cs-0112017.toml"));
}

BOOST_AUTO_TEST_CASE(refuses_to_overwrite) {
  Repo repo;
  write_file(repo / "content/papers/pruning/finercut.toml", "mine\n");
  auto r = repo.papersite("new --topic pruning --title 'FinerCut: x'");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.out == "");
  BOOST_TEST(r.err ==
             "papersite: error: 'content/papers/pruning/finercut.toml' "
             "already exists; papersite new never overwrites a file, so pass "
             "a different --title\n");
  BOOST_TEST(read_file(repo / "content/papers/pruning/finercut.toml") ==
             "mine\n");
}

BOOST_AUTO_TEST_CASE(refuses_a_paper_already_listed) {
  Repo repo;
  write_file(repo / "content/papers/pruning/finercut.toml", R"(title = "F"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.18218"
)");
  auto r = repo.papersite("new --topic quantization --arxiv 2405.18218v3");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err ==
             "papersite: error: this paper is already listed in "
             "'content/papers/pruning/finercut.toml'\n");
  BOOST_TEST(!fs::exists(repo / "content/papers/quantization"));
}

BOOST_AUTO_TEST_CASE(usage_errors) {
  Repo repo;
  auto topic = repo.papersite("new --topic prunning --arxiv 2405.18218");
  BOOST_TEST(topic.exit_code == 2);
  BOOST_TEST(topic.err ==
             "papersite: error: unknown topic 'prunning'; did you mean "
             "'pruning'?\n");
  auto other = repo.papersite("new --topic misc --arxiv 2405.18218");
  BOOST_TEST(other.err ==
             "papersite: error: unknown topic 'misc'; --topic takes one of "
             "pruning, quantization\n");
  auto arxiv = repo.papersite("new --topic pruning --arxiv 2405.1");
  BOOST_TEST(arxiv.exit_code == 2);
  BOOST_TEST(arxiv.err ==
             "papersite: error: --arxiv '2405.1' is not an arXiv id or URL; "
             "give an id like 2405.18218\n");
  auto code = repo.papersite(
      "new --topic pruning --arxiv 2405.18218 --code javascript:x");
  BOOST_TEST(code.exit_code == 2);
  BOOST_TEST(code.err ==
             "papersite: error: --code 'javascript:x' is not an http(s) "
             "URL\n");
  auto neither = repo.papersite("new --topic pruning");
  BOOST_TEST(neither.exit_code == 2);
  BOOST_TEST(neither.err ==
             "papersite: error: give --arxiv ID or --title TEXT; the file is "
             "named after one of them\n");
  BOOST_TEST(!fs::exists(repo / "content/papers"));
}

BOOST_AUTO_TEST_SUITE_END()
