#include <fmt/format.h>

#include <chrono>

#include "command_common.hpp"
#include "commands.hpp"
#include "content.hpp"
#include "diagnostics.hpp"

namespace papersite {

namespace fs = std::filesystem;

// `check` renders nothing, so the wall clock may stand in for the reference
// time: a paper "added" in the future is a mistake whatever the history.
ExitCode run_check(const CheckArgs& args) {
  auto now = reference_time(std::nullopt);
  if (!now.ok())
    return fail(now.error());
  if (auto folder = require_content_folder(args.content); !folder.ok())
    return fail(folder.error());
  TimePoint reference = now->value_or(std::chrono::floor<std::chrono::seconds>(
      std::chrono::system_clock::now()));

  Diagnostics diagnostics;
  Content content = load_content(
      {fs::absolute(args.content), args.files, reference}, diagnostics);
  Log::print(diagnostics);

  if (diagnostics.has_errors()) {
    Log::error(
        fmt::format("{} error(s), {} warning(s); fix the lines above "
                    "and run 'papersite check' again",
                    diagnostics.error_count(), diagnostics.warning_count()));
    return ExitCode::kContent;
  }
  std::string checked =
      args.files.empty()
          ? fmt::format("{} paper file(s)", content.papers.size())
          : fmt::format("{} file(s)", args.files.size());
  Log::info(fmt::format("{} checked: no errors, {} warning(s)", checked,
                        diagnostics.warning_count()));
  return ExitCode::kOk;
}

}  // namespace papersite
