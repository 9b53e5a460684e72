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
  std::string template_name;  // file name inside the theme folder
  std::string path;           // output path; "{{slug}}"/"{{page}}" per topic
  bool per_topic = false;
  EscapeMode escape = EscapeMode::kMarkdown;
};

struct Theme {
  std::filesystem::path dir;
  std::vector<ThemeOutput> outputs;
  std::map<std::string, std::string> templates;   // name → text
  std::map<std::string, std::string> partials;    // name → text
  std::vector<std::filesystem::path> files_read;  // for the depfile
};

// Fails with ExitCode::kEnvironment when the folder, theme.toml or a
// template cannot be read or is malformed; the message names the file.
Result<Theme> load_theme(const std::filesystem::path& dir);

struct RenderedFile {
  std::string path;  // relative to the output folder, '/' separators
  std::string bytes;
};

// Renders every output. Fails with ExitCode::kEnvironment when a template
// does not compile; the message names the template.
Result<std::vector<RenderedFile>> render_site(const Theme& theme,
                                              const View& view);

}  // namespace papersite
