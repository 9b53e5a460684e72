// History cache: the paper files alive at one commit, with their dates, as
// replayed by the history walk. Stored in the build folder so the next run
// replays only the commits made since.
#pragma once

#include <git2.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace papersite {

// A paper file alive at the commit being replayed; times in UTC seconds.
struct PaperState {
  git_oid blob;
  std::int64_t added = 0;
  std::int64_t updated = 0;
  bool approximate = false;  // began at a shallow clone's boundary
};

struct WalkState {
  std::map<std::string, PaperState> files;  // path from the repository root
  // Committer time of the newest commit that changed the content folder.
  std::optional<std::int64_t> content_time;
};

struct CachedWalk {
  git_oid head;  // the commit `state` describes
  WalkState state;
};

// The cache file's text for `state` at `head`. `key` names everything else
// the state depends on (content folder, ignored revisions); a cache read
// under another key is not used. Shallow states are not cached, so
// `approximate` is not stored.
std::string format_history_cache(const std::string& key, const git_oid& head,
                                 const WalkState& state);

// The walk stored in `text`; nullopt when the text is malformed, cut
// short, of another format version or made under another key, with the
// reason in `why`.
std::optional<CachedWalk> parse_history_cache(std::string_view text,
                                              const std::string& key,
                                              std::string& why);

}  // namespace papersite
