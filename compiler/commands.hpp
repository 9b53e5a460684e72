// The subcommands of the papersite CLI, each a list of steps over the
// components. cli.cpp parses arguments and calls one of these; each returns
// the process exit code.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "result.hpp"
#include "time.hpp"

namespace papersite {

struct BuildArgs {
  std::filesystem::path content = "content";
  std::filesystem::path theme = "themes/markdown";
  std::filesystem::path out = ".";
  std::optional<TimePoint> now;
  std::filesystem::path depfile;
  std::filesystem::path stamp;  // touched on success; the depfile's target
  std::filesystem::path cache;  // history cache file; empty: none
  bool allow_shallow = false;
};
ExitCode run_build(const BuildArgs& args);

struct CheckArgs {
  std::filesystem::path content = "content";
  std::vector<std::filesystem::path> files;
};
ExitCode run_check(const CheckArgs& args);

struct DatesArgs {
  std::filesystem::path content = "content";
  std::optional<TimePoint> now;
  bool allow_shallow = false;
};
ExitCode run_dates(const DatesArgs& args);

struct NewArgs {
  std::filesystem::path content = "content";
  std::string topic;
  std::string arxiv;
  std::string title;
  std::string code;
};
ExitCode run_new(const NewArgs& args);

struct ImportArgs {
  std::filesystem::path from_git;  // repository to read
  std::string ref = "HEAD";
  std::vector<std::filesystem::path> from;  // plain markdown files
  std::vector<std::string> maps;            // "PAGE=TOPIC"
  std::filesystem::path out;                // target content/ folder
  std::string figures_base;                 // URL prefix for figure paths
};
ExitCode run_import(const ImportArgs& args);

}  // namespace papersite

namespace papersite {

// The reference time given by --now, else by SOURCE_DATE_EPOCH; nullopt
// when neither is set (the history then decides). Fails with kUsage when
// SOURCE_DATE_EPOCH is set but malformed.
Result<std::optional<TimePoint>> reference_time(std::optional<TimePoint> flag);

}  // namespace papersite
