// The papersite command line: parses arguments with CLI11 and runs one
// subcommand. Exit codes: 0 done, 1 content errors, 2 usage errors,
// 3 environment errors.

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <string>

#include "commands.hpp"
#include "diagnostics.hpp"
#include "time.hpp"

namespace {

using papersite::ExitCode;

int code(ExitCode c) {
  return static_cast<int>(c);
}

// A CLI11 validator for --now: the forms papersite::parse_time accepts.
CLI::Validator time_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (papersite::parse_time(text))
          return {};
        return "expected YYYY-MM-DD, YYYY-MM-DDTHH:MM:SSZ or seconds since "
               "the epoch, got '" +
               text + "'";
      },
      "DATE");
}

std::optional<papersite::TimePoint> time_arg(const std::string& text) {
  if (text.empty())
    return std::nullopt;
  return papersite::parse_time(text);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"papersite: compiles a curated paper list from TOML files"};
  app.require_subcommand(1);
  bool verbose = false;
  bool quiet = false;
  app.add_flag("-v,--verbose", verbose, "More detail on stderr");
  app.add_flag("-q,--quiet", quiet, "Errors only");
  // -v and -q work after the subcommand too ("papersite build -v").
  app.fallthrough();

  papersite::BuildArgs build;
  std::string build_now;
  auto* build_cmd = app.add_subcommand("build", "Render the pages");
  build_cmd->add_option("--content", build.content, "Content folder");
  build_cmd->add_option("--theme", build.theme, "Theme folder");
  build_cmd->add_option("--out", build.out, "Output folder");
  build_cmd->add_option("--now", build_now, "Reference time")
      ->check(time_validator());
  build_cmd->add_option("--depfile", build.depfile,
                        "Write a make-style depfile of every file read");
  build_cmd->add_option("--stamp", build.stamp,
                        "Touch this file on success (the depfile's target)");
  build_cmd->add_option(
      "--cache", build.cache,
      "History cache file (in the build folder); FILE.build beside it lets "
      "a build with nothing changed stop at once");
  build_cmd->add_flag("--allow-shallow", build.allow_shallow,
                      "Build from a shallow clone with approximate dates");

  papersite::CheckArgs check;
  auto* check_cmd =
      app.add_subcommand("check", "Validate content without rendering");
  check_cmd->add_option("--content", check.content, "Content folder");
  check_cmd->add_option("files", check.files, "Paper files to check");

  papersite::DatesArgs dates;
  std::string dates_now;
  auto* dates_cmd =
      app.add_subcommand("dates", "Print each paper's added/updated dates");
  dates_cmd->add_option("--content", dates.content, "Content folder");
  dates_cmd->add_option("--now", dates_now, "Reference time")
      ->check(time_validator());
  dates_cmd->add_flag("--allow-shallow", dates.allow_shallow,
                      "Accept a shallow clone with approximate dates");

  papersite::NewArgs fresh;
  auto* new_cmd = app.add_subcommand("new", "Write a paper file skeleton");
  new_cmd->add_option("--content", fresh.content, "Content folder");
  new_cmd->add_option("--topic", fresh.topic, "Topic slug")->required();
  new_cmd->add_option("--arxiv", fresh.arxiv, "arXiv id or URL");
  new_cmd->add_option("--title", fresh.title, "Paper title");
  new_cmd->add_option("--code", fresh.code, "Code repository URL");

  papersite::ImportArgs import;
  auto* import_cmd = app.add_subcommand(
      "import", "Turn an existing markdown list into paper files");
  import_cmd->add_option("--from-git", import.from_git,
                         "Repository whose history dates the papers");
  import_cmd->add_option("--ref", import.ref, "Commit to read (HEAD)");
  import_cmd->add_option("--from", import.from, "Markdown files to read");
  import_cmd
      ->add_option("--map", import.maps,
                   "PAGE=TOPIC; PAGE= reads a page only for dates "
                   "and recommended marks")
      ->required();
  import_cmd->add_option("--out", import.out, "Target content folder")
      ->required();
  import_cmd->add_option("--figures-base", import.figures_base,
                         "URL prefix for figures given as repository paths");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    return status == 0 ? 0 : code(ExitCode::kUsage);
  }

  papersite::Log::set_verbosity(quiet     ? papersite::Verbosity::kQuiet
                                : verbose ? papersite::Verbosity::kVerbose
                                          : papersite::Verbosity::kNormal);

  if (*build_cmd) {
    build.now = time_arg(build_now);
    return code(papersite::run_build(build));
  }
  if (*check_cmd)
    return code(papersite::run_check(check));
  if (*dates_cmd) {
    dates.now = time_arg(dates_now);
    return code(papersite::run_dates(dates));
  }
  if (*new_cmd)
    return code(papersite::run_new(fresh));
  return code(papersite::run_import(import));
}
