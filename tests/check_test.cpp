// `papersite check` run as a contributor runs it: the real binary on a
// content folder in a temporary directory.
#include <fmt/format.h>

#include <boost/test/unit_test.hpp>
#include <map>
#include <regex>
#include <sstream>

#include "test_util.hpp"

using papersite::test::papersite_binary;
using papersite::test::read_file;
using papersite::test::run;
using papersite::test::TempDir;
using papersite::test::write_file;
namespace fs = std::filesystem;

namespace {

const char* const kSite = R"(title = "List"
tagline = "A list"
base_url = "https://example.org/list/"
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

class Repo {
 public:
  Repo() {
    write("content/site.toml", kSite);
    write("content/topics.toml", kTopics);
  }
  const fs::path& path() const { return dir_.path(); }
  void write(const std::string& rel, const std::string& text) {
    write_file(dir_ / rel, text);
  }
  papersite::test::RunResult papersite(const std::string& args,
                                       const std::string& env = "") {
    return run(fmt::format("{} '{}' {}", env, papersite_binary(), args),
               dir_.path());
  }

 private:
  TempDir dir_;
};

// Every file under `dir` with its bytes and modification time.
std::map<fs::path, std::pair<std::string, fs::file_time_type>> snapshot(
    const fs::path& dir) {
  std::map<fs::path, std::pair<std::string, fs::file_time_type>> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file())
      files[entry.path()] = {read_file(entry.path()),
                             fs::last_write_time(entry.path())};
  }
  return files;
}

// The "regexp" of the problem matcher, unescaped from its JSON string.
std::string matcher_regexp(const std::string& json) {
  std::string key = "\"regexp\": \"";
  auto at = json.find(key);
  BOOST_REQUIRE(at != std::string::npos);
  std::string out;
  for (std::size_t i = at + key.size(); i < json.size() && json[i] != '"';
       ++i) {
    if (json[i] == '\\')
      ++i;
    out += json[i];
  }
  return out;
}

int matcher_group(const std::string& json, const std::string& name) {
  std::smatch m;
  std::regex group("\"" + name + "\": ([0-9]+)");
  BOOST_REQUIRE(std::regex_search(json, m, group));
  return std::stoi(m[1]);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(check)

BOOST_AUTO_TEST_CASE(valid_content_exits_zero) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml", kPaper);
  auto r = repo.papersite("check");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out == "");
  BOOST_TEST(r.err ==
             "papersite: 1 paper file(s) checked: no errors, 0 warning(s)\n");
}

BOOST_AUTO_TEST_CASE(every_problem_of_the_run_then_exit_one) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml", R"(title = "A Paper"
authors = "Ada Lovelace"
paper = "http://arxiv.org/pdf/2405.00001"
)");
  // The same arXiv id and the same title: one problem, reported once.
  repo.write("content/papers/quantizaton/b.toml", kPaper);
  auto r = repo.papersite("check");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err ==
             "content/papers/pruning/a.toml:2:11: error: 'authors' must be an "
             "array of strings, not a string\n"
             "authors = \"Ada Lovelace\"\n"
             "          ^\n"
             "content/papers/quantizaton/b.toml: error: folder 'quantizaton' "
             "is not a topic of topics.toml; did you mean 'quantization'?\n"
             "content/papers/quantizaton/b.toml:3:9: error: 'paper' is the "
             "same paper as in 'content/papers/pruning/a.toml' (arXiv "
             "2405.00001); keep one of the two files\n"
             "paper = \"https://arxiv.org/abs/2405.00001\"\n"
             "        ^\n"
             "papersite: error: 3 error(s), 0 warning(s); fix the lines above "
             "and run 'papersite check' again\n");
}

BOOST_AUTO_TEST_CASE(warnings_alone_exit_zero_and_quiet_hides_them) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml",
             std::string(kPaper) + "venue = \"NeurIPS 2023\"\n");
  auto r = repo.papersite("check");
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.err ==
             "content/papers/pruning/a.toml:4:9: warning: venue 'NeurIPS "
             "2023' is not in the form NAME'YY, like NeurIPS'23 or ACL'24 "
             "Findings, which the conference badge expects\n"
             "venue = \"NeurIPS 2023\"\n"
             "        ^\n"
             "papersite: 1 paper file(s) checked: no errors, 1 warning(s)\n");
  auto quiet = repo.papersite("-q check");
  BOOST_TEST(quiet.exit_code == 0);
  BOOST_TEST(quiet.err == "");
}

BOOST_AUTO_TEST_CASE(named_files_are_checked_with_the_cross_file_rules) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml", "title = 1\n");
  repo.write("content/papers/pruning/b.toml", kPaper);
  repo.write("content/papers/quantization/c.toml", R"(title = "C"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00001v2"
)");
  auto r = repo.papersite("check content/papers/quantization/c.toml");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err ==
             "content/papers/quantization/c.toml:3:9: error: 'paper' is the "
             "same paper as in 'content/papers/pruning/b.toml' (arXiv "
             "2405.00001); keep one of the two files\n"
             "paper = \"https://arxiv.org/abs/2405.00001v2\"\n"
             "        ^\n"
             "papersite: error: 1 error(s), 0 warning(s); fix the lines above "
             "and run 'papersite check' again\n");
}

BOOST_AUTO_TEST_CASE(named_file_outside_the_topic_folders) {
  Repo repo;
  repo.write("paper.toml", kPaper);
  auto r = repo.papersite("check paper.toml");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err ==
             "paper.toml: error: file outside 'content/papers/<topic>/'; a "
             "paper file goes in the folder of its topic\n"
             "papersite: error: 1 error(s), 0 warning(s); fix the lines above "
             "and run 'papersite check' again\n");
}

// A misplaced file inside content/ is reported once, in the scan's words,
// and the list's own site.toml is not checked as a paper.
BOOST_AUTO_TEST_CASE(named_file_misplaced_in_content_reported_once) {
  Repo repo;
  repo.write("content/papers/d.toml", kPaper);
  repo.write("content/e.toml", kPaper);
  auto r = repo.papersite(
      "check content/papers/d.toml content/e.toml content/site.toml");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err ==
             "content/e.toml: error: file outside 'papers/<topic>/'; a paper "
             "file goes in the folder of its topic\n"
             "content/papers/d.toml: error: file outside a topic folder; move "
             "it to 'papers/<topic>/'\n"
             "papersite: error: 2 error(s), 0 warning(s); fix the lines above "
             "and run 'papersite check' again\n");
}

BOOST_AUTO_TEST_CASE(named_site_toml_is_checked_as_site_toml) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml", kPaper);
  auto r = repo.papersite("check content/site.toml content/topics.toml");
  BOOST_TEST(r.exit_code == 0, r.err);
  BOOST_TEST(r.err ==
             "papersite: 2 file(s) checked: no errors, 0 warning(s)\n");
}

BOOST_AUTO_TEST_CASE(content_outside_the_working_dir_shows_absolute_paths) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml", "title = 1\n");
  fs::create_directory(repo.path() / "sub");
  std::string command =
      fmt::format("'{}' check --content ../content", papersite_binary());
  auto r = run(command, repo.path() / "sub");
  BOOST_TEST(r.exit_code == 1);
  std::string expected = fmt::format(
      "{}:1:9: ", (repo.path() / "content/papers/pruning/a.toml").string());
  BOOST_TEST(r.err.find(expected) != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(added_in_the_future_against_the_reference_time) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml",
             std::string(kPaper) + "added = 2024-06-02\n");
  // 2024-06-01T00:00:00Z
  auto r = repo.papersite("check", "SOURCE_DATE_EPOCH=1717200000");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err.find("content/papers/pruning/a.toml:4:9: error: 'added' "
                        "2024-06-02 is later than the reference time "
                        "2024-06-01; use the date the paper joined the "
                        "list\n") == 0u,
             r.err);
  // Without SOURCE_DATE_EPOCH, the wall clock: 2024 is in the past.
  BOOST_TEST(repo.papersite("check", "env -u SOURCE_DATE_EPOCH").exit_code ==
             0);
  repo.write("content/papers/pruning/a.toml",
             std::string(kPaper) + "added = 2999-01-01\n");
  BOOST_TEST(repo.papersite("check", "env -u SOURCE_DATE_EPOCH").exit_code ==
             1);
}

BOOST_AUTO_TEST_CASE(malformed_source_date_epoch_is_a_usage_error) {
  Repo repo;
  auto r = repo.papersite("check", "SOURCE_DATE_EPOCH=yesterday");
  BOOST_TEST(r.exit_code == 2);
  BOOST_TEST(r.err ==
             "papersite: error: SOURCE_DATE_EPOCH 'yesterday' is not a count "
             "of seconds; unset it or pass --now\n");
}

BOOST_AUTO_TEST_CASE(check_writes_nothing) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml", "title = 1\n");
  repo.write("content/papers/pruning/b.toml", kPaper);
  auto before = snapshot(repo.path());
  BOOST_TEST(repo.papersite("check").exit_code == 1);
  BOOST_TEST(repo.papersite("check content/papers/pruning/b.toml").exit_code ==
             0);
  BOOST_TEST((snapshot(repo.path()) == before));
}

BOOST_AUTO_TEST_CASE(bad_input_never_changes_a_page) {
  Repo repo;
  repo.write("content/papers/pruning/a.toml", kPaper);
  repo.write("content/papers/pruning/b.toml", "title = \"B\"\n\xff\n");
  repo.write("README.md", "the page as it was\n");
  repo.write("pruning.md", "the topic page as it was\n");
  auto before = snapshot(repo.path());
  std::string theme =
      (papersite::test::source_dir() / "themes/markdown").string();
  auto r =
      repo.papersite("build --out . --now 2024-06-01 --theme '" + theme + "'");
  BOOST_TEST(r.exit_code == 1);
  BOOST_TEST(r.err ==
             "content/papers/pruning/b.toml:2:1: error: invalid UTF-8 (byte "
             "0xFF); save the file as UTF-8\n"
             "\xef\xbf\xbd\n"
             "^\n"
             "papersite: error: 1 error(s) in content; no page was written\n");
  BOOST_TEST((snapshot(repo.path()) == before));
}

BOOST_AUTO_TEST_CASE(problem_matcher_reads_real_check_output) {
  std::string json = read_file(papersite::test::source_dir() /
                               ".github/papersite-problem-matcher.json");
  std::regex matcher(matcher_regexp(json), std::regex::ECMAScript);
  int file = matcher_group(json, "file");
  int line = matcher_group(json, "line");
  int column = matcher_group(json, "column");
  int severity = matcher_group(json, "severity");
  int message = matcher_group(json, "message");

  Repo repo;
  repo.write("content/papers/pruning/a.toml", R"(title = "A Paper"
authors = ["Ada Lovelace", "et al."]
paper = "ftp://example.org/a"
venue = "NeurIPS: error: not a diagnostic"
)");
  repo.write("content/papers/pruning/B.toml", R"(title = "B"
authors = ["A"]
paper = "https://arxiv.org/abs/2405.00002"
)");
  repo.write("content/papers/pruning/notes.md", "notes\n");
  auto r = repo.papersite("check");
  BOOST_TEST(r.exit_code == 1);

  // Each match as "file|line|column|severity|message".
  std::vector<std::string> found;
  std::istringstream lines(r.err);
  for (std::string text; std::getline(lines, text);) {
    std::smatch m;
    if (std::regex_match(text, m, matcher))
      found.push_back(m[file].str() + "|" + m[line].str() + "|" +
                      m[column].str() + "|" + m[severity].str() + "|" +
                      m[message].str());
  }
  std::vector<std::string> expected = {
      "content/papers/pruning/B.toml|||error|file name 'B.toml' must be "
      "lower-case letters, digits and '-' ending in '.toml', like "
      "'finercut.toml'",
      "content/papers/pruning/a.toml|2|28|warning|author list with \"et "
      "al.\"; name every author",
      "content/papers/pruning/a.toml|3|9|error|'paper' must be an http(s) "
      "URL",
      "content/papers/pruning/a.toml|4|9|warning|venue 'NeurIPS: error: not "
      "a diagnostic' is not in the form NAME'YY, like NeurIPS'23 or ACL'24 "
      "Findings, which the conference badge expects",
      "content/papers/pruning/notes.md|||error|file name 'notes.md' must be "
      "lower-case letters, digits and '-' ending in '.toml', like "
      "'finercut.toml'",
  };
  BOOST_TEST(found == expected, boost::test_tools::per_element());
  // Source lines (even one that reads like a diagnostic), carets and the
  // closing summary are not problems.
  BOOST_TEST(r.err.find("papersite: error: 3 error(s)") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
