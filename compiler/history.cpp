#include "history.hpp"

namespace papersite {

// Stub: replaced by the history component.
const char* to_string(DateSource source) {
  switch (source) {
    case DateSource::kGit:
      return "git";
    case DateSource::kOverride:
      return "override";
    case DateSource::kUncommitted:
      return "uncommitted";
    case DateSource::kApproximate:
      return "approximate";
    case DateSource::kNoRepository:
      return "no-repository";
  }
  return "git";
}

FileDates History::dates_of(const std::filesystem::path&) const {
  return {now, now, DateSource::kNoRepository};
}

Result<History> read_history(const HistoryOptions& options) {
  History h;
  h.now = options.now.value_or(TimePoint{});
  return h;
}

}  // namespace papersite
