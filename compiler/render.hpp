// Render: loads a theme (theme.toml, mustache templates and partials) and
// renders every output of the theme in memory from a View.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "escape.hpp"
#include "result.hpp"
#include "view.hpp"

namespace papersite {

struct ThemeOutput {
  std::string name;           // [a-z0-9_]+, unique; templates link by it
  std::string template_name;  // file name inside the theme folder
  std::string path;           // output path; "{{slug}}"/"{{page}}" per topic
  bool per_topic = false;
  EscapeMode escape = EscapeMode::kMarkdown;
};

struct Theme {
  std::filesystem::path dir;
  std::vector<ThemeOutput> outputs;
  std::map<std::string, std::string> templates;  // name → text
  // File stem in partials/ → text without its final line break, so that
  // `{{> name}}` alone on a line gives the partial's lines once.
  std::map<std::string, std::string> partials;
  // Absolute: theme.toml, every template and partial, the theme folder and
  // its partials folder (so adding a partial triggers a rebuild).
  std::vector<std::filesystem::path> files_read;
};

// Fails with ExitCode::kEnvironment when the folder, theme.toml or a
// template cannot be read or is malformed, a file is a symbolic link, or a
// template includes a partial that is not a file of partials/ (names with
// '/' or '..' included) or includes itself; the message names the file.
Result<Theme> load_theme(const std::filesystem::path& dir);

struct RenderedFile {
  std::string path;  // relative to the output folder, '/' separators
  std::string bytes;
};

// Renders every output, in theme order and topics in display order. Fails
// with ExitCode::kEnvironment when a template does not compile or two
// outputs get the same path (the message names the template), and with
// ExitCode::kContent when a topic's page leaves the output folder.
Result<std::vector<RenderedFile>> render_site(const Theme& theme,
                                              const View& view);

}  // namespace papersite
