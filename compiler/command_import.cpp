// `papersite import`: reads another list's markdown pages (from a git
// repository, dated by its history, or from plain files) and writes one
// TOML file per paper into the target content folder.

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "commands.hpp"
#include "content_file.hpp"
#include "diagnostics.hpp"
#include "markdown_import.hpp"
#include "output.hpp"
#include "toml_parser.hpp"
#include "toml_writer.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

struct TopicsFile {
  fs::path path;
  std::string text;             // as it is on disk; empty when absent
  std::set<std::string> slugs;  // topics it declares
  std::set<std::string> pages;  // generated pages they use
};

Result<TopicsFile> read_topics(const fs::path& content_dir) {
  TopicsFile topics{content_dir / "topics.toml", {}, {}, {}};
  std::error_code ec;
  if (!fs::exists(topics.path, ec))
    return topics;
  std::ifstream in(topics.path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  topics.text = text.str();
  FileText screened = screen_toml_text(topics.text);
  if (!screened.problem.empty())
    return Error{
        ExitCode::kContent,
        fmt::format("'{}' line {}: {}; fix it with 'papersite "
                    "check' first",
                    topics.path.string(), screened.line, screened.problem)};
  try {
    toml::table table = toml::parse(topics.text, topics.path.string());
    if (const toml::array* list = table["topic"].as_array()) {
      for (const toml::node& node : *list) {
        const toml::table* topic = node.as_table();
        if (topic == nullptr)
          continue;
        if (auto slug = (*topic)["slug"].value<std::string>())
          topics.slugs.insert(*slug);
        if (auto page = (*topic)["page"].value<std::string>())
          topics.pages.insert(*page);
      }
    }
  } catch (const toml::parse_error& e) {
    return Error{ExitCode::kContent,
                 fmt::format("'{}' does not parse ({}); fix it with "
                             "'papersite check' first",
                             topics.path.string(), e.description())};
  }
  return topics;
}

struct NewTopic {
  std::string slug;
  std::string title;
  std::string page;
};

// Topics that --map names but topics.toml lacks, titled after their page's
// heading and rendered to the source page's file name when it is free.
std::vector<NewTopic> new_topics(const std::vector<PageMapping>& mappings,
                                 const SourceList& list,
                                 const TopicsFile& topics) {
  std::vector<NewTopic> added;
  std::set<std::string> pages = topics.pages;
  for (const PageMapping& m : mappings) {
    bool known =
        m.topic.empty() || topics.slugs.count(m.topic) > 0 ||
        std::any_of(added.begin(), added.end(),
                    [&](const NewTopic& t) { return t.slug == m.topic; });
    if (known)
      continue;
    std::string title = m.topic;
    if (auto it = list.page_titles.find(m.page);
        it != list.page_titles.end() && !it->second.empty())
      title = it->second;
    std::string page = fs::path(m.page).filename().string();
    if (pages.count(page) > 0 || page.empty() || page == "README.md" ||
        fs::path(page).extension() != ".md")
      page = m.topic + ".md";
    pages.insert(page);
    added.push_back({m.topic, title, page});
  }
  return added;
}

Status append_topics(const TopicsFile& topics,
                     const std::vector<NewTopic>& added) {
  std::string text = topics.text;
  for (const NewTopic& t : added) {
    if (!text.empty() && !text.ends_with("\n"))
      text += '\n';
    if (!text.empty())
      text += '\n';
    text += fmt::format("[[topic]]\nslug = {}\ntitle = {}\npage = {}\n",
                        toml_string(t.slug), toml_string(t.title),
                        toml_string(t.page));
  }
  return write_file_atomic(topics.path, text);
}

std::string source_name(const ImportArgs& args, const SourceList& list) {
  if (!args.from_git.empty())
    return fmt::format("'{}' at '{}' ({} commits)", args.from_git.string(),
                       args.ref, list.commits);
  return fmt::format("{} file{}", args.from.size(),
                     args.from.size() == 1 ? "" : "s");
}

// A file of the target content as the user named it: under --out.
std::string shown(const fs::path& out, const fs::path& file) {
  fs::path rel =
      file.is_absolute() ? file.lexically_relative(fs::absolute(out)) : file;
  return (out / rel).generic_string();
}

void report(const ImportArgs& args, const SourceList& list,
            const ImportPlan& plan) {
  Diagnostics skipped;
  for (const Diagnostic& d : list.skipped)
    skipped.add(d);
  Log::print(skipped);

  for (const Diagnostic& d : list.merged)
    Log::verbose(fmt::format("{}:{}: {}", d.path, d.line, d.message));
  for (const auto& [paper, file] : plan.present)
    Log::verbose(fmt::format("{}: '{}' is already in '{}'; left as it is",
                             paper.display_path, paper.title,
                             shown(args.out, file)));
  for (const PlannedFile& f : plan.files)
    Log::verbose(fmt::format("{}: wrote '{}'", f.paper.display_path,
                             shown(args.out, f.path)));

  if (plan.repository_figures > 0 && args.figures_base.empty())
    Log::warning(
        fmt::format("{} figures are paths inside the source repository; give "
                    "'--figures-base URL' to turn them into URLs",
                    plan.repository_figures));
  Log::info(fmt::format(
      "imported {}: {} papers written, {} rows merged, {} already present, "
      "{} rows skipped",
      source_name(args, list), plan.files.size(), list.merged.size(),
      plan.present.size(), list.skipped.size()));
  if (!list.skipped.empty())
    Log::info(
        "fix the skipped rows in the source and import again, or add those "
        "papers with 'papersite new'");
}

}  // namespace

ExitCode run_import(const ImportArgs& args) {
  if (args.from_git.empty() == args.from.empty()) {
    Log::error("give either '--from-git REPO' or '--from FILE...'");
    return ExitCode::kUsage;
  }
  std::vector<PageMapping> mappings;
  for (const std::string& text : args.maps) {
    Result<PageMapping> m = parse_mapping(text);
    if (!m) {
      Log::error(m.error().message);
      return m.error().kind;
    }
    mappings.push_back(*m);
  }

  Result<SourceList> list =
      args.from_git.empty() ? read_markdown_files(args.from, mappings)
                            : read_git_list(args.from_git, args.ref, mappings);
  if (!list) {
    Log::error(list.error().message);
    return list.error().kind;
  }

  Result<TopicsFile> topics = read_topics(args.out);
  if (!topics) {
    Log::error(topics.error().message);
    return topics.error().kind;
  }
  std::vector<NewTopic> added = new_topics(mappings, *list, *topics);

  Result<std::vector<ExistingPaper>> existing = read_existing_papers(args.out);
  if (!existing) {
    Log::error(existing.error().message);
    return existing.error().kind;
  }
  ImportPlan plan = plan_import(*list, *existing, args.out, args.figures_base);

  if (!added.empty()) {
    if (Status s = append_topics(*topics, added); !s) {
      Log::error(s.error().message);
      return s.error().kind;
    }
    for (const NewTopic& t : added)
      Log::info(fmt::format("added topic '{}' (\"{}\", page '{}') to '{}'",
                            t.slug, t.title, t.page,
                            topics->path.generic_string()));
  }
  for (const PlannedFile& f : plan.files) {
    if (Status s = write_file_atomic(args.out / f.path, f.text); !s) {
      Log::error(s.error().message);
      return s.error().kind;
    }
  }

  report(args, *list, plan);
  return ExitCode::kOk;
}

}  // namespace papersite
