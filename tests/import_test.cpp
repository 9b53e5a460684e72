// End-to-end cases of `papersite import`, through the real binary: plain
// markdown files, a second run, new topics, usage errors, and the upstream
// list's own history (a git bundle beside the source tree, skipped when it
// is absent).

#include <git2.h>
#include <toml++/toml.h>

#include <boost/test/unit_test.hpp>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>

#include "markdown_import.hpp"
#include "paper_id.hpp"
#include "test_util.hpp"

using namespace papersite;
using papersite::test::read_file;
using papersite::test::RunResult;
using papersite::test::TempDir;
using papersite::test::write_file;
namespace fs = std::filesystem;

namespace {

const std::string kTopics =
    "[[topic]]\nslug = \"pruning\"\ntitle = \"Network Pruning\"\n"
    "page = \"pruning.md\"\n\n"
    "[[topic]]\nslug = \"hardware\"\ntitle = \"Hardware\"\n"
    "page = \"hardware.md\"\n";

const char* const kFiguresBase =
    "https://raw.githubusercontent.com/horseee/Awesome-Efficient-LLM/main/";

// A folder with both fixture pages and a content/ holding `topics`.
struct FixtureList {
  TempDir dir;
  explicit FixtureList(const std::string& topics = kTopics) {
    fs::path data = papersite::test::source_dir() / "tests/data/import";
    fs::copy_file(data / "table_rows.md", dir / "table_rows.md");
    fs::copy_file(data / "bullet_rows.md", dir / "bullet_rows.md");
    write_file(dir / "content/topics.toml", topics);
  }
  // `global` goes before the subcommand ("-q", "-v").
  RunResult import(const std::string& flags,
                   const std::string& global = "") const {
    return papersite::test::run(
        papersite::test::papersite_binary() + " " + global + " import " + flags,
        dir.path());
  }
};

const std::string kImportBoth =
    "--from table_rows.md --from bullet_rows.md --map table_rows.md=pruning "
    "--map bullet_rows.md=hardware --out content";

// Every file under `root`, relative path → bytes.
std::map<std::string, std::string> snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file())
      files[e.path().lexically_relative(root).generic_string()] =
          read_file(e.path());
  }
  return files;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(import)

BOOST_AUTO_TEST_CASE(plain_files_give_one_file_per_paper_and_skipped_rows) {
  FixtureList list;
  RunResult r = list.import(kImportBoth);
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out == "");
  BOOST_TEST(
      r.err ==
      "table_rows.md:11: warning: skipped: no authors after the title\n"
      "| [![Star](https://img.shields.io/github/stars/example/llma.svg?"
      "style=social&label=Star)](https://github.com/example/llma) <br> "
      "[Inference with Reference: Lossl...\n"
      "table_rows.md:12: warning: skipped: no linked title\n"
      "| Example Leaderboard | [[Source](https://example.org/leaderboard)] "
      "|\n"
      "bullet_rows.md:7: warning: skipped: no paper link: neither a 'Paper' "
      "link nor a title that links to the paper\n"
      "* [Tools Without Authors](https://github.com/example/tools). "
      "[[Github]](https://github.com/example/tools)\n"
      "papersite: warning: 2 figures are paths inside the source "
      "repository; give '--figures-base URL' to turn them into URLs\n"
      "papersite: imported 2 files: 9 papers written, 0 rows merged, 0 "
      "already present, 3 rows skipped\n");

  std::map<std::string, std::string> files = snapshot(list.dir / "content");
  std::vector<std::string> names;
  for (const auto& [name, bytes] : files)
    names.push_back(name);
  BOOST_TEST(
      names ==
          (std::vector<std::string>{
              "papers/hardware/edgeexample.toml",
              "papers/hardware/efficiently-scaling-example-inference."
              "toml",
              "papers/hardware/flashexample.toml",
              "papers/hardware/gpt4example.toml", "papers/pruning/nash.toml",
              "papers/pruning/prompt-compression-context-aware.toml",
              "papers/pruning/rptq.toml",
              "papers/pruning/scaling-law-post-training.toml",
              "papers/pruning/sparseone.toml", "topics.toml"}),
      boost::test_tools::per_element());
  BOOST_TEST(
      files["papers/pruning/nash.toml"] ==
      "title = \"NASH: A Simple Framework & Its Encoder's Decoder\"\n"
      "authors = [\"Carol Poe\", \"Dan Moe\", \"Eve Noe\"]\n"
      "paper = \"https://arxiv.org/abs/2401.00002v2\"\n"
      "code = \"https://github.com/example/nash\"\n"
      "venue = \"EMNLP'23 Findings\"\n"
      "tags = [\"Structural\"]\n"
      "image = \"https://arxiv.org/html/2401.00002v1/x1.png\"\n"
      "image_width = 402\n"
      "links = { Model = \"https://huggingface.co/example/nash-7b\" }\n");
  BOOST_TEST(files["papers/hardware/flashexample.toml"] ==
             "title = \"FlashExample: Fast and Exact Attention\"\n"
             "authors = [\"Alice Doe\", \"Bob Roe\", \"Christopher R\u00e9\"]\n"
             "paper = \"https://arxiv.org/abs/2402.00001\"\n"
             "code = \"https://github.com/example/flash\"\n"
             "venue = \"NeurIPS'22\"\n");
  BOOST_TEST(files["topics.toml"] == kTopics);
}

BOOST_AUTO_TEST_CASE(second_run_writes_nothing_and_reports_papers_present) {
  FixtureList list;
  std::string flags = kImportBoth + " --figures-base " + kFiguresBase;
  BOOST_REQUIRE(list.import(flags).exit_code == 0);
  std::map<std::string, std::string> first = snapshot(list.dir / "content");
  BOOST_TEST(first["papers/pruning/rptq.toml"].find(
                 "image = \"https://raw.githubusercontent.com/horseee/"
                 "Awesome-Efficient-LLM/main/figures/rptq.png\"\n") !=
             std::string::npos);

  RunResult again = list.import(flags, "-q");
  BOOST_TEST(again.exit_code == 0);
  BOOST_TEST(again.err == "");
  BOOST_TEST((snapshot(list.dir / "content") == first));

  RunResult verbose = list.import(flags, "-v");
  BOOST_TEST(verbose.err.find(
                 "papersite: table_rows.md:6: 'NASH: A Simple Framework & Its "
                 "Encoder's Decoder' is already in "
                 "'content/papers/pruning/nash.toml'; left as it is\n") !=
             std::string::npos);
  BOOST_TEST(verbose.err.find("papersite: imported 2 files: 0 papers "
                              "written, 0 rows merged, 9 already present, 3 "
                              "rows skipped\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(paper_already_in_content_keeps_its_file) {
  FixtureList list;
  std::string mine =
      "title = \"Kept\"\nauthors = [\"X Y\"]\n"
      "paper = \"https://arxiv.org/abs/2402.00002\"\nadded = 2020-01-01\n";
  write_file(list.dir / "content/papers/hardware/kept.toml", mine);
  RunResult r = list.import(kImportBoth, "-q");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(read_file(list.dir / "content/papers/hardware/kept.toml") == mine);
  BOOST_TEST(!fs::exists(list.dir / "content/papers/hardware/"
                                    "efficiently-scaling-example-inference."
                                    "toml"));
}

BOOST_AUTO_TEST_CASE(unknown_topic_is_appended_with_the_page_heading) {
  FixtureList list(kTopics.substr(0, kTopics.find("\n\n") + 1));
  RunResult r = list.import(
      "--from bullet_rows.md --map bullet_rows.md=systems --out content");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.err.find("papersite: added topic 'systems' "
                        "(\"Hardware/System\", page 'bullet_rows.md') to "
                        "'content/topics.toml'\n") == 0);
  BOOST_TEST(read_file(list.dir / "content/topics.toml") ==
             "[[topic]]\nslug = \"pruning\"\ntitle = \"Network Pruning\"\n"
             "page = \"pruning.md\"\n\n"
             "[[topic]]\nslug = \"systems\"\ntitle = \"Hardware/System\"\n"
             "page = \"bullet_rows.md\"\n");
  BOOST_TEST(fs::exists(list.dir / "content/papers/systems/flashexample.toml"));
}

BOOST_AUTO_TEST_CASE(usage_errors_exit_with_two) {
  FixtureList list;
  RunResult none = list.import("--map a.md=x --out content");
  BOOST_TEST(none.exit_code == 2);
  BOOST_TEST(none.err ==
             "papersite: error: give either '--from-git REPO' or '--from "
             "FILE...'\n");
  RunResult bad_map = list.import(
      "--from table_rows.md --map table_rows.md "
      "--out content");
  BOOST_TEST(bad_map.exit_code == 2);
  BOOST_TEST(bad_map.err ==
             "papersite: error: '--map table_rows.md' must read PAGE=TOPIC, "
             "e.g. 'pruning.md=pruning' (PAGE= for a page that only dates "
             "papers)\n");
  RunResult unmapped =
      list.import("--from table_rows.md --map other.md=pruning --out content");
  BOOST_TEST(unmapped.exit_code == 2);
  BOOST_TEST(unmapped.err ==
             "papersite: error: no '--map' for 'table_rows.md'; add '--map "
             "table_rows.md=TOPIC'\n");
  BOOST_TEST(!fs::exists(list.dir / "content/papers"));
}

BOOST_AUTO_TEST_SUITE_END()
