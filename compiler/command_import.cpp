#include "commands.hpp"
#include "diagnostics.hpp"

namespace papersite {

// Stub: replaced when the command is built.
ExitCode run_import(const ImportArgs&) {
  Log::error("'import' is not implemented yet");
  return ExitCode::kUsage;
}

}  // namespace papersite
