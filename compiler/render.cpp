#include "render.hpp"

namespace papersite {

// Stub: replaced by the render component.
Result<Theme> load_theme(const std::filesystem::path& dir) {
  return Error{ExitCode::kEnvironment,
               "themes are not implemented yet: '" + dir.string() + "'"};
}

Result<std::vector<RenderedFile>> render_site(const Theme&, const View&) {
  return Error{ExitCode::kEnvironment, "rendering is not implemented yet"};
}

}  // namespace papersite
