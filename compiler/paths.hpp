// Path helpers shared by the components: keys relative to a folder and the
// paths shown to people in diagnostics.
#pragma once

#include <filesystem>
#include <string>

namespace papersite {

// `file` relative to `root` with '/' separators ("papers/x/a.toml"); a
// plain prefix test first, since lexically_relative on every file of a
// large list took a tenth of a run. Expects both absolute and normal.
std::string relative_path(const std::filesystem::path& file,
                          const std::filesystem::path& root);

// Path shown to the user for `file`: relative to `cwd` when inside it, else
// absolute; always with '/' separators.
std::string display_path(const std::filesystem::path& file,
                         const std::filesystem::path& cwd);

// The same against the current working directory.
std::string display_path(const std::filesystem::path& file);

}  // namespace papersite
