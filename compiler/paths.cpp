#include "paths.hpp"

namespace papersite {

namespace fs = std::filesystem;

std::string relative_path(const fs::path& file, const fs::path& root) {
  const std::string& f = file.native();
  const std::string& r = root.native();
  if (f.size() > r.size() + 1 && f.compare(0, r.size(), r) == 0 &&
      f[r.size()] == '/' && f.find("/.", r.size()) == std::string::npos)
    return f.substr(r.size() + 1);
  return file.lexically_relative(root).generic_string();
}

namespace {

// True when lexically_normal would change nothing: no "." or ".." part and
// no doubled or trailing separator.
bool looks_normal(const std::string& p) {
  return p.find("/.") == std::string::npos &&
         p.find("//") == std::string::npos && !p.ends_with('/');
}

}  // namespace

std::string display_path(const fs::path& file, const fs::path& cwd) {
  fs::path absolute = file.is_absolute() ? file : fs::absolute(file);
  if (!looks_normal(absolute.native()))
    absolute = absolute.lexically_normal();
  if (!cwd.empty()) {
    std::string rel = relative_path(absolute, cwd);
    if (!rel.empty() && rel != ".." && !rel.starts_with("../"))
      return rel;
  }
  return absolute.generic_string();
}

std::string display_path(const fs::path& file) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  return display_path(file, ec ? fs::path() : cwd);
}

}  // namespace papersite
