#include "content.hpp"

namespace papersite {

// Stub: replaced by the content component.
Content load_content(const LoadOptions& options, Diagnostics& diagnostics) {
  Content c;
  c.dir = options.content_dir;
  diagnostics.error(display_path(options.content_dir), 0, 0,
                    "content loading is not implemented yet");
  return c;
}

std::string display_path(const std::filesystem::path& file) {
  return file.generic_string();
}

}  // namespace papersite
