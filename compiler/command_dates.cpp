// `papersite dates`: every file under <content>/papers with the dates the
// site would give it and where they come from. It reads the folder itself,
// not through the content loader, so a file `check` rejects still shows.

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "command_common.hpp"
#include "commands.hpp"
#include "content_file.hpp"
#include "diagnostics.hpp"
#include "history.hpp"
#include "paths.hpp"
#include "toml_parser.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

// Every regular file below `dir`, any name, any depth.
Result<std::vector<fs::path>> paper_files(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::exists(dir, ec))
    return files;
  fs::recursive_directory_iterator it(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec))
      files.push_back(it->path());
  if (ec)
    return Error{
        ExitCode::kEnvironment,
        fmt::format("cannot list '{}': {}", dir.string(), ec.message())};
  return files;
}

// The top-level `added` date of a paper file; nullopt when the file does
// not parse or has no such date (the content checks report those).
std::optional<TimePoint> added_override(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  // Most files have no override; parsing them all doubled the command's
  // time on a large list.
  if (text.find("added") == std::string::npos)
    return std::nullopt;
  FileText screened = screen_toml_text(std::move(text));
  if (!screened.problem.empty())
    return std::nullopt;
  try {
    toml::table table = toml::parse(screened.text, file.string());
    const toml::node* node = table.get("added");
    if (node == nullptr)
      return std::nullopt;
    if (auto date = node->value<toml::date>())
      return make_date(date->year, date->month, date->day);
    if (auto dt = node->value<toml::date_time>()) {
      auto day = make_date(dt->date.year, dt->date.month, dt->date.day);
      if (!day)
        return std::nullopt;
      int offset = dt->offset ? dt->offset->minutes : 0;
      return *day + std::chrono::hours{dt->time.hour} +
             std::chrono::minutes{dt->time.minute - offset} +
             std::chrono::seconds{dt->time.second};
    }
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace

ExitCode run_dates(const DatesArgs& args) {
  auto now = reference_time(args.now);
  if (!now.ok())
    return fail(now.error());
  if (auto folder = require_content_folder(args.content); !folder.ok())
    return fail(folder.error());
  std::error_code ec;
  fs::path content = fs::canonical(args.content, ec);
  if (ec)
    content = fs::absolute(args.content);

  auto history = read_history({content, *now, args.allow_shallow, {}});
  if (!history.ok())
    return fail(history.error());
  for (const std::string& w : history->warnings)
    Log::warning(w);
  for (const std::string& note : history->notes)
    Log::verbose(note);

  auto files = paper_files(content / "papers");
  if (!files.ok())
    return fail(files.error());
  std::vector<std::pair<std::string, FileDates>> rows;
  for (const fs::path& file : *files) {
    FileDates dates = history->dates_of(file);
    if (auto added = added_override(file))
      dates = with_added_override(dates, *added);
    rows.emplace_back(relative_path(file, history->repo_root), dates);
  }
  std::sort(rows.begin(), rows.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });

  std::string out;
  for (const auto& [path, dates] : rows)
    out += fmt::format("{}\t{}\t{}\t{}\n", path, format_iso(dates.added),
                       format_iso(dates.updated), to_string(dates.source));
  std::fwrite(out.data(), 1, out.size(), stdout);
  Log::verbose(
      fmt::format("{} first-parent commit(s) walked", history->commits_walked));
  return ExitCode::kOk;
}

}  // namespace papersite
