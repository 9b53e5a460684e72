#include "commands.hpp"
#include "diagnostics.hpp"

namespace papersite {

// Stub: replaced when the command is built.
ExitCode run_dates(const DatesArgs&) {
  Log::error("'dates' is not implemented yet");
  return ExitCode::kUsage;
}

}  // namespace papersite
