#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <system_error>

#include "build_record.hpp"
#include "command_common.hpp"
#include "commands.hpp"
#include "content.hpp"
#include "diagnostics.hpp"
#include "history.hpp"
#include "output.hpp"
#include "render.hpp"
#include "view.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

bool inside(const fs::path& child, const fs::path& parent) {
  auto c = fs::weakly_canonical(child);
  auto p = fs::weakly_canonical(parent);
  auto [pe, ce] = std::mismatch(p.begin(), p.end(), c.begin(), c.end());
  return pe == p.end();
}

// A theme's output path must not land in the content folder, whatever
// --out is: the next build would read the page as content.
Status outside_content(const BuildArgs& args,
                       const std::vector<RenderedFile>& files) {
  for (const RenderedFile& file : files) {
    if (inside(args.out / file.path, args.content))
      return Error{ExitCode::kEnvironment,
                   fmt::format("the theme would write '{}' into the content "
                               "folder '{}'; change its path in theme.toml "
                               "or pass another --out",
                               file.path, args.content.string())};
  }
  return ok_status();
}

std::vector<fs::path> depfile_inputs(const Content& content, const Theme& theme,
                                     const History& history) {
  std::vector<fs::path> deps = content.files_read;
  deps.insert(deps.end(), theme.files_read.begin(), theme.files_read.end());
  deps.insert(deps.end(), history.inputs.begin(), history.inputs.end());
  return deps;
}

Status finish_build_files(const BuildArgs& args,
                          const std::vector<fs::path>& inputs,
                          const History& history) {
  if (!args.depfile.empty()) {
    std::string target = args.stamp.empty() ? (args.out / "README.md").string()
                                            : fs::absolute(args.stamp).string();
    Status s = write_depfile(args.depfile, target, inputs);
    if (!s.ok())
      return s;
  }
  if (!args.stamp.empty()) {
    std::string stamp = format_iso(history.now) + "\n";
    // The stamp must be newer than every input, so it is always rewritten.
    return write_file_atomic(args.stamp, stamp);
  }
  return ok_status();
}

// With -v, the seconds each step of a build took since the last one.
class StepClock {
 public:
  void lap(std::string_view step) {
    auto now = std::chrono::steady_clock::now();
    std::chrono::duration<double> took = now - last_;
    last_ = now;
    Log::verbose(fmt::format("{}: {:.3f} s", step, took.count()));
  }

 private:
  std::chrono::steady_clock::time_point last_ =
      std::chrono::steady_clock::now();
};

// Everything besides the files read that decides the pages: the compiler
// itself and the flags. Nullopt when the compiler cannot be told from a
// newer one, so that no build is skipped for it.
std::optional<std::string> build_settings(const BuildArgs& args,
                                          std::optional<TimePoint> now) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  auto compiler = ec ? std::nullopt : file_status(self);
  if (!compiler)
    return std::nullopt;
  auto absolute = [](const fs::path& p) {
    return p.empty() ? std::string()
                     : fs::absolute(p).lexically_normal().string();
  };
  // The working folder too: diagnostics name files relative to it.
  return fmt::format(
      "compiler={}:{}:{} cwd={} content={} theme={} out={} depfile={} "
      "stamp={} allow_shallow={} now={}",
      compiler->path, compiler->size, compiler->mtime_ns,
      fs::current_path(ec).string(), absolute(args.content),
      absolute(args.theme), absolute(args.out), absolute(args.depfile),
      absolute(args.stamp), args.allow_shallow,
      now ? format_iso(*now) : "history");
}

// The record of the last build, kept beside the history cache.
fs::path record_path(const BuildArgs& args) {
  return args.cache.empty() ? fs::path()
                            : fs::path(args.cache.string() + ".build");
}

std::int64_t system_now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Records what this build read, wrote and warned of, unless an input
// changed meanwhile.
void record(const BuildArgs& args, const std::string& settings,
            const Content& content, const std::vector<fs::path>& inputs,
            const History& history, const std::vector<RenderedFile>& files,
            const Diagnostics& diagnostics, std::int64_t started_ns) {
  std::vector<fs::path> outputs;
  outputs.reserve(files.size() + 1);
  for (const RenderedFile& file : files)
    outputs.push_back(fs::absolute(args.out / file.path).lexically_normal());
  if (!args.depfile.empty())
    outputs.push_back(fs::absolute(args.depfile).lexically_normal());
  auto built = record_build(settings, format_iso(history.now),
                            content.papers.size(), content.topics.size(),
                            inputs, outputs, history.watched, started_ns);
  if (!built) {
    Log::verbose(
        "not recording this build: an input changed less than a second "
        "before it started or while it ran, or a path holds a tab or line "
        "break; the next build reads everything again");
    return;
  }
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::kWarning)
      built->warnings.push_back(d);
  }
  built->notices = history.warnings;
  Status written = write_build_record(record_path(args), *built);
  if (!written.ok())
    Log::warning(written.error().message +
                 "; the next build reads everything again");
}

// A build with nothing to do: the recorded warnings are repeated and the
// stamp is rewritten, as after every build, and nothing else.
ExitCode finish_unchanged(const BuildArgs& args, const BuildRecord& last,
                          std::chrono::steady_clock::time_point started) {
  Diagnostics warnings;
  for (const Diagnostic& d : last.warnings)
    warnings.add(d);
  Log::print(warnings);
  for (const std::string& n : last.notices)
    Log::warning(n);
  if (!args.stamp.empty()) {
    Status s = write_file_atomic(args.stamp, last.now + "\n");
    if (!s.ok())
      return fail(s.error());
  }
  Log::verbose(
      fmt::format("no input or page changed since the build recorded in '{}'",
                  record_path(args).string()));
  std::chrono::duration<double> took =
      std::chrono::steady_clock::now() - started;
  Log::info(fmt::format(
      "{} papers, {} topics: up to date, 0 files written in {:.2f} s",
      last.papers, last.topics, took.count()));
  return ExitCode::kOk;
}

}  // namespace

Result<std::optional<TimePoint>> reference_time(std::optional<TimePoint> flag) {
  if (flag)
    return flag;
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  if (epoch == nullptr || *epoch == '\0')
    return std::optional<TimePoint>{};
  auto parsed = parse_time(epoch);
  if (!parsed)
    return Error{ExitCode::kUsage,
                 fmt::format("SOURCE_DATE_EPOCH '{}' is not a count of "
                             "seconds; unset it or pass --now",
                             epoch)};
  return std::optional<TimePoint>{parsed};
}

ExitCode run_build(const BuildArgs& args) {
  auto started = std::chrono::steady_clock::now();
  std::int64_t started_ns = system_now_ns();
  if (inside(args.out, args.content))
    return fail({ExitCode::kUsage,
                 fmt::format("--out '{}' is inside the content folder '{}'",
                             args.out.string(), args.content.string())});
  auto now = reference_time(args.now);
  if (!now.ok())
    return fail(now.error());
  if (auto folder = require_content_folder(args.content); !folder.ok())
    return fail(folder.error());

  auto settings = build_settings(args, *now);
  if (!args.cache.empty() && settings) {
    auto last = read_build_record(record_path(args));
    if (last && last->settings == *settings && files_unchanged(*last))
      return finish_unchanged(args, *last, started);
    // A build that fails or is killed must leave no record behind.
    std::error_code ec;
    fs::remove(record_path(args), ec);
  }

  StepClock clock;
  // The walk needs nothing from the content, so it runs while the files
  // are read; its errors still come after the content's.
  HistoryOptions walk_options{fs::absolute(args.content), *now,
                              args.allow_shallow, args.cache};
  std::chrono::duration<double> walk_took{};
  auto timed_walk = [&walk_options, &walk_took] {
    auto start = std::chrono::steady_clock::now();
    auto history = read_history(walk_options);
    walk_took = std::chrono::steady_clock::now() - start;
    return history;
  };
  std::future<Result<History>> walk;
  try {
    walk = std::async(std::launch::async, timed_walk);
  } catch (const std::system_error&) {
    walk = std::async(std::launch::deferred, timed_walk);  // no thread left
  }
  Diagnostics diagnostics;
  Content content =
      load_content({fs::absolute(args.content), {}, *now}, diagnostics);
  clock.lap("content");
  Log::print(diagnostics);
  if (diagnostics.has_errors()) {
    Log::error(fmt::format("{} error(s) in content; no page was written",
                           diagnostics.error_count()));
    return ExitCode::kContent;
  }

  auto history = walk.get();
  if (!history.ok())
    return fail(history.error());
  clock.lap("history, after the content");
  for (const std::string& w : history->warnings)
    Log::warning(w);
  for (const std::string& n : history->notes)
    Log::verbose(n);
  Log::verbose(fmt::format(
      "history: {} commits walked{} in {:.3f} s", history->commits_walked,
      history->cache_used ? " after the cached ones" : "", walk_took.count()));

  auto theme = load_theme(args.theme);
  if (!theme.ok())
    return fail(theme.error());

  View view = build_view(content, *history);
  clock.lap("theme and view");
  auto files = render_site(*theme, view);
  if (!files.ok())
    return fail(files.error());
  clock.lap("render");
  if (auto kept = outside_content(args, *files); !kept.ok())
    return fail(kept.error());

  auto report = write_outputs(args.out, *files);
  if (!report.ok())
    return fail(report.error());
  clock.lap("write");
  for (const std::string& path : report->written_paths)
    Log::verbose(fmt::format("wrote '{}'", path));
  std::vector<fs::path> inputs = depfile_inputs(content, *theme, *history);
  Status finished = finish_build_files(args, inputs, *history);
  if (!finished.ok())
    return fail(finished.error());
  if (!args.cache.empty() && settings)
    record(args, *settings, content, inputs, *history, *files, diagnostics,
           started_ns);

  std::chrono::duration<double> took =
      std::chrono::steady_clock::now() - started;
  Log::info(fmt::format(
      "{} papers, {} topics: {} files written, {} unchanged in {:.2f} s",
      content.papers.size(), content.topics.size(), report->written,
      report->unchanged, took.count()));
  return ExitCode::kOk;
}

}  // namespace papersite
