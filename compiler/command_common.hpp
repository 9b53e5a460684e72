// Steps every subcommand shares: reporting a failure and checking that the
// content folder it was given is there.
#pragma once

#include <filesystem>

#include "result.hpp"

namespace papersite {

// Logs `error` and returns its exit code.
ExitCode fail(const Error& error);

// An environment error naming `dir` when it is not a folder (a wrong
// --content or a run outside the repository root); ok otherwise.
Status require_content_folder(const std::filesystem::path& dir);

}  // namespace papersite
