#include "commands.hpp"
#include "diagnostics.hpp"

namespace papersite {

// Stub: replaced when the command is built.
ExitCode run_check(const CheckArgs&) {
  Log::error("'check' is not implemented yet");
  return ExitCode::kUsage;
}

}  // namespace papersite
