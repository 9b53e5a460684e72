#include "commands.hpp"
#include "diagnostics.hpp"

namespace papersite {

// Stub: replaced when the command is built.
ExitCode run_new(const NewArgs&) {
  Log::error("'new' is not implemented yet");
  return ExitCode::kUsage;
}

}  // namespace papersite
