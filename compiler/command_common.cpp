#include "command_common.hpp"

#include <fmt/format.h>

#include "diagnostics.hpp"

namespace papersite {

ExitCode fail(const Error& error) {
  Log::error(error.message);
  return error.kind;
}

Status require_content_folder(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec))
    return ok_status();
  return Error{ExitCode::kEnvironment,
               fmt::format("content folder '{}' does not exist; pass "
                           "--content DIR or run papersite from the "
                           "repository root",
                           dir.string())};
}

}  // namespace papersite
