#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "commands.hpp"
#include "content.hpp"
#include "content_file.hpp"
#include "diagnostics.hpp"
#include "paper_id.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

ExitCode fail(ExitCode code, const std::string& message) {
  Log::error(message);
  return code;
}

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\')
      out += fmt::format("\\{}", c);
    else if (u < 0x20 || u == 0x7f)
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(u));
    else
      out += c;
  }
  return out + "\"";
}

// "FinerCut: Finer-grained ..." gives "finercut": a short name before a
// colon is what the list calls the paper; else the title's first words.
std::string slug_from_title(std::string_view title) {
  auto colon = title.find(':');
  std::string_view name = title.substr(0, colon);
  if (colon == std::string_view::npos ||
      std::count(name.begin(), name.end(), ' ') >= 4)
    name = title;
  std::string slug;
  int words = 0;
  for (char c : name) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x80 && std::isalnum(u)) {
      if (!slug.empty() && slug.back() == '-' && ++words == 6)
        break;
      slug += static_cast<char>(std::tolower(u));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-')
    slug.pop_back();
  return slug;
}

// "2405.18218" gives "2405-18218", "cs/0112017" gives "cs-0112017".
std::string slug_from_arxiv(std::string_view id) {
  std::string slug;
  for (char c : id)
    slug += std::isalnum(static_cast<unsigned char>(c))
                ? static_cast<char>(std::tolower(static_cast<unsigned char>(c)))
                : '-';
  return slug;
}

// The value the skeleton gives `key`: what the command line said, else a
// placeholder for a required key; empty for an optional key left out.
std::string skeleton_value(std::string_view key, const NewArgs& args,
                           const std::string& paper) {
  std::string todo(kPlaceholderMark);
  if (key == "title")
    return toml_string(args.title.empty() ? todo + " the paper's title"
                                          : args.title);
  if (key == "authors")
    return fmt::format("[{}, {}]", toml_string(todo + " First Author"),
                       toml_string(todo + " Second Author"));
  if (key == "paper")
    return toml_string(paper.empty() ? todo + " https://arxiv.org/abs/<id>"
                                     : paper);
  if (key == "code" && !args.code.empty())
    return toml_string(args.code);
  return {};
}

// Every key of paper_keys() in order, each under a comment saying what it
// is; optional keys without a value are commented out with an example.
std::string skeleton(const NewArgs& args, const std::string& paper,
                     const std::string& path) {
  std::string out = fmt::format(
      "# One paper of the list. Replace every \"{} ...\" value, uncomment\n"
      "# the optional keys that apply (delete the others), then run\n"
      "#   papersite check {}\n",
      kPlaceholderMark, path);
  for (const PaperKey& key : paper_keys()) {
    std::string value = skeleton_value(key.name, args, paper);
    out += fmt::format("\n# {}\n", key.meaning);
    if (value.empty())
      out += fmt::format("# {} = {}\n", key.name, key.example);
    else
      out += fmt::format("{} = {}\n", key.name, value);
  }
  return out;
}

// An existing paper that is the one being added, found by arXiv id or by
// title as `check` would; nullopt when there is none.
std::optional<std::string> already_listed(const Content& content,
                                          const std::string& id,
                                          const std::string& title) {
  for (const Paper& p : content.papers) {
    if (!id.empty() && p.id == id)
      return p.display_path;
    if (!title.empty() && comparable_title(p.title) == comparable_title(title))
      return p.display_path;
  }
  return std::nullopt;
}

}  // namespace

ExitCode run_new(const NewArgs& args) {
  Diagnostics diagnostics;
  std::vector<Topic> topics = load_topics(args.content, diagnostics);
  if (diagnostics.has_errors()) {
    Log::print(diagnostics);
    return fail(ExitCode::kContent,
                "cannot read the topics; fix the problems above first");
  }
  std::vector<std::string> slugs;
  for (const Topic& topic : topics)
    slugs.push_back(topic.slug);
  if (std::find(slugs.begin(), slugs.end(), args.topic) == slugs.end()) {
    auto near = closest_name(args.topic, slugs);
    std::string known;
    for (const std::string& slug : slugs)
      known += (known.empty() ? "" : ", ") + slug;
    return fail(ExitCode::kUsage,
                near ? fmt::format("unknown topic '{}'; did you mean '{}'?",
                                   args.topic, *near)
                     : fmt::format("unknown topic '{}'; --topic takes one of "
                                   "{}",
                                   args.topic, known));
  }

  std::optional<std::string> arxiv;
  if (!args.arxiv.empty()) {
    arxiv = parse_arxiv_reference(args.arxiv);
    if (!arxiv)
      return fail(ExitCode::kUsage,
                  fmt::format("--arxiv '{}' is not an arXiv id or URL; give "
                              "an id like 2405.18218",
                              args.arxiv));
  }
  if (!args.code.empty() && !is_http_url(args.code))
    return fail(ExitCode::kUsage,
                fmt::format("--code '{}' is not an http(s) URL", args.code));
  if (first_invalid_utf8(args.title) != std::string::npos)
    return fail(ExitCode::kUsage, "--title is not valid UTF-8");

  std::string slug = slug_from_title(args.title);
  if (slug.empty() && arxiv)
    slug = slug_from_arxiv(*arxiv);
  if (slug.empty())
    return fail(ExitCode::kUsage,
                "give --arxiv ID or --title TEXT; the file is named after "
                "one of them");

  std::string paper = arxiv ? "https://arxiv.org/abs/" + *arxiv : "";
  Diagnostics ignored;  // other files' problems are for `check` to report
  Content content = load_content({args.content, {}, {}}, ignored);
  if (auto other = already_listed(content, arxiv ? paper_identifier(paper) : "",
                                  args.title))
    return fail(ExitCode::kContent,
                fmt::format("this paper is already listed in '{}'", *other));

  fs::path folder = args.content / "papers" / args.topic;
  fs::path file = folder / (slug + ".toml");
  std::string shown = display_path(file);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec)))
    return fail(ExitCode::kUsage,
                fmt::format("'{}' already exists; papersite new never "
                            "overwrites a file, so pass a different --title",
                            shown));
  fs::create_directories(folder, ec);
  // "x": created here or not at all, even if another process races us.
  std::FILE* out = std::fopen(file.c_str(), "wx");
  if (out == nullptr)
    return fail(ExitCode::kEnvironment,
                fmt::format("cannot create '{}'", shown));
  std::string text = skeleton(args, paper, shown);
  bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  if (std::fclose(out) != 0 || !written)
    return fail(ExitCode::kEnvironment,
                fmt::format("cannot write '{}'", shown));

  // The path alone on stdout, for `$EDITOR "$(papersite new ...)"`.
  fmt::print("{}\n", shown);
  Log::info(
      fmt::format("fill in the values marked '{}', then run "
                  "'papersite check {}'",
                  kPlaceholderMark, shown));
  return ExitCode::kOk;
}

}  // namespace papersite
