#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

#include "command_common.hpp"
#include "commands.hpp"
#include "content.hpp"
#include "content_file.hpp"
#include "diagnostics.hpp"
#include "paper_id.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

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

// The ASCII letters of a Latin-1 letter with a diacritic, lower case, for
// the two-byte UTF-8 sequence `lead`, `trail`: "Über" gives "uber", not
// "ber". Empty for any other character.
std::string_view ascii_fold(unsigned char lead, unsigned char trail) {
  // U+00C0 to U+00FF; U+00D7 and U+00F7 are the signs for times and divide.
  static constexpr std::array<std::string_view, 64> kFolds = {
      "a", "a", "a", "a", "a", "a",  "ae", "c", "e", "e", "e", "e", "i",
      "i", "i", "i", "d", "n", "o",  "o",  "o", "o", "o", "",  "o", "u",
      "u", "u", "u", "y", "",  "ss", "a",  "a", "a", "a", "a", "a", "ae",
      "c", "e", "e", "e", "e", "i",  "i",  "i", "i", "d", "n", "o", "o",
      "o", "o", "o", "",  "o", "u",  "u",  "u", "u", "y", "",  "y"};
  if ((lead != 0xC3) || (trail & 0xC0) != 0x80)
    return {};
  return kFolds[trail & 0x3F];
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
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto u = static_cast<unsigned char>(name[i]);
    std::string letters;
    if (u < 0x80 && std::isalnum(u))
      letters = static_cast<char>(std::tolower(u));
    else if (i + 1 < name.size())
      letters = ascii_fold(u, static_cast<unsigned char>(name[i + 1]));
    if (letters.empty()) {
      if (!slug.empty() && slug.back() != '-')
        slug += '-';
      continue;
    }
    if (u >= 0x80)
      ++i;  // the trail byte of the folded letter
    if (!slug.empty() && slug.back() == '-' && ++words == 6)
      break;
    slug += letters;
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

// What the command line says about the new paper.
struct NewPaper {
  std::string paper;  // URL; empty when not known yet
  std::string id;     // paper_identifier(paper); empty when not known
  std::string slug;   // the file's name without ".toml"
};

// Fails with kUsage on an unknown topic, kContent on a broken topics.toml
// (after printing its diagnostics).
Status check_topic(const NewArgs& args) {
  Diagnostics diagnostics;
  std::vector<Topic> topics = load_topics(args.content, diagnostics);
  if (diagnostics.has_errors()) {
    Log::print(diagnostics);
    return Error{ExitCode::kContent,
                 "cannot read the topics; fix the problems above first"};
  }
  std::vector<std::string> slugs;
  slugs.reserve(topics.size());
  for (const Topic& topic : topics)
    slugs.push_back(topic.slug);
  if (std::find(slugs.begin(), slugs.end(), args.topic) != slugs.end())
    return ok_status();
  if (auto near = closest_name(args.topic, slugs))
    return Error{ExitCode::kUsage,
                 fmt::format("unknown topic '{}'; did you mean '{}'?",
                             args.topic, *near)};
  std::string known;
  for (const std::string& slug : slugs)
    known += (known.empty() ? "" : ", ") + slug;
  return Error{ExitCode::kUsage,
               fmt::format("unknown topic '{}'; --topic takes one of {}",
                           args.topic, known)};
}

// Fails with kUsage when an option is malformed or no name can be made.
Result<NewPaper> read_arguments(const NewArgs& args) {
  NewPaper fresh;
  std::optional<std::string> arxiv;
  if (!args.arxiv.empty()) {
    arxiv = parse_arxiv_reference(args.arxiv);
    if (!arxiv)
      return Error{ExitCode::kUsage,
                   fmt::format("--arxiv '{}' is not an arXiv id or URL; give "
                               "an id like 2405.18218",
                               args.arxiv)};
    fresh.paper = "https://arxiv.org/abs/" + *arxiv;
    fresh.id = paper_identifier(fresh.paper);
  }
  if (!args.code.empty() && !is_http_url(args.code))
    return Error{ExitCode::kUsage,
                 fmt::format("--code '{}' is not an http(s) URL", args.code)};
  if (first_invalid_utf8(args.title) != std::string::npos)
    return Error{ExitCode::kUsage, "--title is not valid UTF-8"};

  fresh.slug = slug_from_title(args.title);
  if (fresh.slug.empty() && arxiv)
    fresh.slug = slug_from_arxiv(*arxiv);
  if (fresh.slug.empty() && !args.title.empty())
    return Error{ExitCode::kUsage,
                 fmt::format("--title '{}' has no Latin letters or digits "
                             "to name the file after; give --arxiv ID too",
                             args.title)};
  if (fresh.slug.empty())
    return Error{ExitCode::kUsage,
                 "give --arxiv ID or --title TEXT; the file is named after "
                 "one of them"};
  return fresh;
}

// Fails with kContent when a paper file already holds this paper, found by
// arXiv id or by title as `check` would find it.
Status check_not_listed(const NewArgs& args, const NewPaper& fresh) {
  Diagnostics ignored;  // other files' problems are for `check` to report
  Content content = load_content({args.content, {}, {}}, ignored);
  for (const Paper& p : content.papers) {
    bool same_id = !fresh.id.empty() && p.id == fresh.id;
    bool same_title = !args.title.empty() &&
                      comparable_title(p.title) == comparable_title(args.title);
    if (same_id || same_title)
      return Error{
          ExitCode::kContent,
          fmt::format("this paper is already listed in '{}'", p.display_path)};
  }
  return ok_status();
}

// Creates `file` with `text`, never replacing an existing file. Fails with
// kUsage when it exists, kEnvironment when it cannot be written.
Status create_file(const fs::path& file, const std::string& text) {
  std::string shown = display_path(file);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(file, ec)))
    return Error{ExitCode::kUsage,
                 fmt::format("'{}' already exists; papersite new never "
                             "overwrites a file, so pass a different --title",
                             shown)};
  fs::create_directories(file.parent_path(), ec);
  // "x": created here or not at all, even if another process races us.
  std::FILE* out = std::fopen(file.c_str(), "wx");
  if (out == nullptr)
    return Error{ExitCode::kEnvironment,
                 fmt::format("cannot create '{}'", shown)};
  bool written = std::fwrite(text.data(), 1, text.size(), out) == text.size();
  if (std::fclose(out) != 0 || !written)
    return Error{ExitCode::kEnvironment,
                 fmt::format("cannot write '{}'", shown)};
  return ok_status();
}

}  // namespace

ExitCode run_new(const NewArgs& args) {
  if (auto folder = require_content_folder(args.content); !folder.ok())
    return fail(folder.error());

  Status topic = check_topic(args);
  if (!topic.ok())
    return fail(topic.error());

  auto fresh = read_arguments(args);
  if (!fresh.ok())
    return fail(fresh.error());

  Status unlisted = check_not_listed(args, *fresh);
  if (!unlisted.ok())
    return fail(unlisted.error());

  fs::path file =
      args.content / "papers" / args.topic / (fresh->slug + ".toml");
  std::string shown = display_path(file);
  Status created = create_file(file, skeleton(args, fresh->paper, shown));
  if (!created.ok())
    return fail(created.error());

  // The path alone on stdout, for `$EDITOR "$(papersite new ...)"`.
  fmt::print("{}\n", shown);
  Log::info(
      fmt::format("fill in the values marked '{}', then run "
                  "'papersite check {}'",
                  kPlaceholderMark, shown));
  return ExitCode::kOk;
}

}  // namespace papersite
