// History walk. HEAD's first-parent chain is read once, newest to oldest,
// each commit's changes are collected in that order, then replayed oldest
// to newest against a map of the paper files alive at each commit. A commit is
// compared with its first parent by tree ids: an unchanged `content/papers`
// tree costs one lookup, and inside a changed one only subtrees whose id
// differs are opened, so a commit touching one paper reads two topic trees.
// Each commit yields added, deleted and modified blobs; deletions and additions
// of the same blob id are moves, and only what is left on both sides is paired
// by a line similarity score (git's 50% rule) among files naming the same
// paper (its `paper` URL, normalised), with candidates found through
// shared rare lines so a commit moving thousands of edited files is still
// paired, never given up. The replayed map at HEAD is cached, keyed by HEAD, so
// the next run only replays the commits added since.

#include "history.hpp"

#include <fmt/format.h>
#include <git2.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "content_file.hpp"
#include "history_cache.hpp"
#include "output.hpp"
#include "paper_id.hpp"
#include "paths.hpp"
#include "toml_parser.hpp"

namespace papersite {

namespace fs = std::filesystem;

namespace {

constexpr int kSimilarityPercent = 50;  // git's default rename threshold
// Up to this many delete x add pairs are all scored; above it candidates
// come from shared rare lines and equal file names.
constexpr std::size_t kScoreAllPairs = 4096;
// A line shared by more deleted files than this is too common to suggest
// a pair (e.g. `recommended = true`).
// Limitation: in a commit with more than kScoreAllPairs delete x add pairs
// left after exact moves, an edited move whose file name changed and whose
// every line is common to more than kRareLine deleted files is not found
// and counts as a new paper; paper files carry a unique title and URL.
constexpr std::size_t kRareLine = 8;

template <typename T, void (*kFree)(T*)>
struct GitFree {
  void operator()(T* p) const { kFree(p); }
};
using RepoPtr = std::unique_ptr<git_repository,
                                GitFree<git_repository, git_repository_free>>;
using OdbPtr = std::unique_ptr<git_odb, GitFree<git_odb, git_odb_free>>;
using OdbObjectPtr =
    std::unique_ptr<git_odb_object,
                    GitFree<git_odb_object, git_odb_object_free>>;
using CommitPtr =
    std::unique_ptr<git_commit, GitFree<git_commit, git_commit_free>>;
using BlobPtr = std::unique_ptr<git_blob, GitFree<git_blob, git_blob_free>>;
using RefPtr =
    std::unique_ptr<git_reference, GitFree<git_reference, git_reference_free>>;
using StatusPtr =
    std::unique_ptr<git_status_list,
                    GitFree<git_status_list, git_status_list_free>>;

std::string git_message() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown error";
}

void init_libgit2() {
  static const bool kInitialised = [] {
    git_libgit2_init();
    // Objects are read from the user's own repository, whose integrity
    // `git fsck` checks; hashing each one again doubled the walk's time.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    return true;
  }();
  (void)kInitialised;
}

std::string hex(const git_oid& id) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, &id);
  return buf;
}

struct OidHash {
  std::size_t operator()(const git_oid& id) const {
    std::size_t h;
    std::memcpy(&h, id.id, sizeof h);
    return h;
  }
};
struct OidEq {
  bool operator()(const git_oid& a, const git_oid& b) const {
    return git_oid_equal(&a, &b) != 0;
  }
};

TimePoint to_time(std::int64_t seconds) {
  return TimePoint{std::chrono::seconds{seconds}};
}

struct ChainCommit {
  git_oid id;
  git_oid tree;
  std::int64_t time = 0;
};

struct Change {
  std::string path;
  git_oid blob;
};

struct Changes {
  std::vector<Change> added;
  std::vector<Change> deleted;
  std::vector<std::pair<std::string, git_oid>> modified;
  // Moves: (index in deleted, index in added).
  std::vector<std::pair<std::size_t, std::size_t>> moves;
};

// What one first-parent commit did to the paper files.
struct CommitChanges {
  std::int64_t time = 0;
  bool ignored = false;      // listed in .git-blame-ignore-revs
  bool approximate = false;  // a shallow clone's boundary commit
  Changes changes;
};

// One entry of a tree object as stored: "<octal mode> <name>\0<20-byte id>".
// Trees are read raw and walked in place: parsing them into libgit2's
// git_tree allocated per entry and took a fifth of the walk.
struct RawPaperState {
  std::string_view name;
  const unsigned char* id = nullptr;
  git_object_t type = GIT_OBJECT_INVALID;
  std::string_view bytes;  // the whole entry, for a quick equality test
};

// Reads the entry at `pos` and moves past it; false at the end or on a
// malformed entry.
bool next_entry(std::string_view tree, std::size_t& pos, RawPaperState& e) {
  std::size_t space = tree.find(' ', pos);
  if (space == std::string_view::npos)
    return false;
  std::size_t nul = tree.find('\0', space);
  if (nul == std::string_view::npos || nul + 1 + GIT_OID_RAWSZ > tree.size())
    return false;
  std::string_view mode = tree.substr(pos, space - pos);
  e.name = tree.substr(space + 1, nul - space - 1);
  e.id = reinterpret_cast<const unsigned char*>(tree.data() + nul + 1);
  if (mode == "40000")
    e.type = GIT_OBJECT_TREE;
  else if (mode == "160000")
    e.type = GIT_OBJECT_COMMIT;  // a submodule
  else
    e.type = GIT_OBJECT_BLOB;
  e.bytes = tree.substr(pos, nul + 1 + GIT_OID_RAWSZ - pos);
  pos = nul + 1 + GIT_OID_RAWSZ;
  return true;
}

git_oid oid_of(const unsigned char* raw) {
  git_oid id;
  git_oid_fromraw(&id, raw);
  return id;
}

// Git's order of tree entries: names compared bytewise, a tree's name as
// if it ended in '/'. A blob and a tree of the same name are two entries.
int compare_entries(const RawPaperState& a, const RawPaperState& b) {
  std::size_t m = std::min(a.name.size(), b.name.size());
  int c = std::memcmp(a.name.data(), b.name.data(), m);
  if (c != 0)
    return c;
  auto tail = [m](const RawPaperState& e) -> int {
    if (m < e.name.size())
      return static_cast<unsigned char>(e.name[m]);
    return e.type == GIT_OBJECT_TREE ? '/' : 0;
  };
  int ta = tail(a);
  int tb = tail(b);
  if (ta != tb)
    return ta - tb;
  if (a.name.size() != b.name.size())
    return a.name.size() < b.name.size() ? -1 : 1;
  // Same name: a tree and a non-tree still differ.
  return (a.type == GIT_OBJECT_TREE) - (b.type == GIT_OBJECT_TREE);
}

// Line fingerprint of a blob for the rename score.
struct Lines {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> hashes;  // sorted
  std::size_t size = 0;
};

// paper_identifier of the text's `paper`; empty when it does not parse.
std::string paper_id_of(std::string_view text) {
  FileText screened = screen_toml_text(std::string(text));
  if (!screened.problem.empty())
    return {};
  try {
    toml::table table = toml::parse(screened.text);
    if (auto url = table["paper"].value<std::string>())
      return paper_identifier(*url);
  } catch (const std::exception&) {
    // not TOML: the score alone decides
  }
  return {};
}

std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

Lines fingerprint(std::string_view text) {
  Lines lines;
  lines.size = text.size();
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view line = text.substr(start, end - start);
    lines.hashes.emplace_back(fnv1a(line),
                              static_cast<std::uint32_t>(line.size() + 1));
    start = end + 1;
  }
  std::sort(lines.hashes.begin(), lines.hashes.end());
  return lines;
}

// Percentage of the larger file made of lines both files share.
int similarity(const Lines& a, const Lines& b) {
  std::size_t common = 0;
  auto i = a.hashes.begin();
  auto j = b.hashes.begin();
  while (i != a.hashes.end() && j != b.hashes.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      common += std::min(i->second, j->second);
      ++i;
      ++j;
    }
  }
  std::size_t larger = std::max(a.size, b.size);
  if (larger == 0)
    return 0;
  return static_cast<int>(std::min<std::size_t>(100, common * 100 / larger));
}

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// Walks one repository's first-parent chain and replays it.
class Walker {
 public:
  Walker(git_repository* repo, git_odb* odb,
         std::vector<std::string> content_parts, std::string papers_prefix,
         std::unordered_set<std::string> ignored)
      : repo_(repo),
        odb_(odb),
        content_parts_(std::move(content_parts)),
        papers_prefix_(std::move(papers_prefix)),
        ignored_(std::move(ignored)) {}

  // Replays `chain` (newest first, as read from HEAD) on top of `state`,
  // whose commit has the root tree `base_tree` (null: start from nothing).
  // `boundary` marks the oldest commit of the chain as a shallow clone's
  // cut.
  Status replay(const std::vector<ChainCommit>& chain,
                std::optional<git_oid> base_tree, bool boundary,
                WalkState& state);

 private:
  using OptionalOid = std::optional<git_oid>;
  Result<std::string_view> tree(const git_oid& id);
  Result<OptionalOid> child(const git_oid& tree_id, const std::string& name);
  Result<OptionalOid> content_of(const git_oid& root);
  Status diff(const git_oid* old_id, const git_oid* new_id,
              const std::string& prefix, Changes& out);
  Status list_side(const RawPaperState& e, const std::string& prefix,
                   bool old_side, Changes& out);
  Result<std::vector<std::pair<std::size_t, std::size_t>>> pair_renames(
      const Changes& changes);
  Result<BlobPtr> blob(const git_oid& id);
  Result<Lines> lines_of(const git_oid& id);
  Result<bool> same_paper(const git_oid& a, const git_oid& b);
  Result<const std::string*> paper_id(const git_oid& id);  // memoised
  // The root, content and papers tree ids of one commit.
  struct Side {
    OptionalOid root;
    OptionalOid content;
    OptionalOid papers;
  };
  Result<Side> side_of(const OptionalOid& root);

  git_repository* repo_;
  git_odb* odb_;
  std::vector<std::string> content_parts_;  // then "papers"
  std::string papers_prefix_;               // "content/papers/"
  std::unordered_set<std::string> ignored_;
  // Trees of the snapshot being compared, so a topic tree read as the new
  // side of one commit is not read again as the old side of the next.
  std::unordered_map<git_oid, OdbObjectPtr, OidHash, OidEq> trees_;
  std::unordered_map<git_oid, std::string, OidHash, OidEq> paper_ids_;
};

Result<std::string_view> Walker::tree(const git_oid& id) {
  auto found = trees_.find(id);
  if (found == trees_.end()) {
    git_odb_object* obj = nullptr;
    if (git_odb_read(&obj, odb_, &id) != 0)
      return Error{ExitCode::kEnvironment,
                   fmt::format("cannot read tree {} of the git repository: "
                               "{}; run 'git fsck' to check it",
                               hex(id), git_message())};
    OdbObjectPtr owned(obj);
    if (git_odb_object_type(obj) != GIT_OBJECT_TREE)
      return Error{ExitCode::kEnvironment,
                   fmt::format("object {} of the git repository is not a "
                               "tree; run 'git fsck' to check it",
                               hex(id))};
    found = trees_.emplace(id, std::move(owned)).first;
  }
  git_odb_object* obj = found->second.get();
  return std::string_view(static_cast<const char*>(git_odb_object_data(obj)),
                          git_odb_object_size(obj));
}

// Id of the subtree `name` of a tree; nullopt when there is none. The
// tree is dropped afterwards: only the papers trees are kept.
Result<std::optional<git_oid>> Walker::child(const git_oid& tree_id,
                                             const std::string& name) {
  auto t = tree(tree_id);
  if (!t.ok())
    return t.error();
  OptionalOid id;
  std::size_t pos = 0;
  RawPaperState e;
  while (next_entry(*t, pos, e)) {
    if (e.name == name && e.type == GIT_OBJECT_TREE) {
      id = oid_of(e.id);
      break;
    }
  }
  trees_.erase(tree_id);
  return id;
}

// The content folder's tree id below a root tree.
Result<std::optional<git_oid>> Walker::content_of(const git_oid& root) {
  OptionalOid id = root;
  for (std::size_t i = 0; i + 1 < content_parts_.size() && id; ++i) {
    auto next = child(*id, content_parts_[i]);
    if (!next.ok())
      return next.error();
    id = *next;
  }
  return id;
}

Status Walker::list_side(const RawPaperState& e, const std::string& prefix,
                         bool old_side, Changes& out) {
  std::string path = prefix;
  path += e.name;
  git_oid id = oid_of(e.id);
  if (e.type == GIT_OBJECT_TREE) {
    path += '/';
    return old_side ? diff(&id, nullptr, path, out)
                    : diff(nullptr, &id, path, out);
  }
  if (e.type == GIT_OBJECT_BLOB)
    (old_side ? out.deleted : out.added).push_back({std::move(path), id});
  return ok_status();
}

Status Walker::diff(const git_oid* old_id, const git_oid* new_id,
                    const std::string& prefix, Changes& out) {
  std::string_view a;
  std::string_view b;
  if (old_id != nullptr) {
    auto t = tree(*old_id);
    if (!t.ok())
      return t.error();
    a = *t;
  }
  if (new_id != nullptr) {
    auto t = tree(*new_id);
    if (!t.ok())
      return t.error();
    b = *t;
  }
  std::size_t pa = 0;
  std::size_t pb = 0;
  RawPaperState ea;
  RawPaperState eb;
  bool has_a = next_entry(a, pa, ea);
  bool has_b = next_entry(b, pb, eb);
  while (has_a || has_b) {
    // Most entries of a changed topic folder are the same bytes.
    if (has_a && has_b && ea.bytes == eb.bytes) {
      has_a = next_entry(a, pa, ea);
      has_b = next_entry(b, pb, eb);
      continue;
    }
    int cmp = !has_a ? 1 : !has_b ? -1 : compare_entries(ea, eb);
    Status s = ok_status();
    if (cmp < 0) {
      s = list_side(ea, prefix, true, out);
    } else if (cmp > 0) {
      s = list_side(eb, prefix, false, out);
    } else if (std::memcmp(ea.id, eb.id, GIT_OID_RAWSZ) == 0) {
      // Only the mode changed: the bytes did not.
    } else if (ea.type == GIT_OBJECT_TREE) {
      git_oid ia = oid_of(ea.id);
      git_oid ib = oid_of(eb.id);
      std::string path = prefix;
      path += ea.name;
      path += '/';
      s = diff(&ia, &ib, path, out);
    } else if (ea.type == GIT_OBJECT_BLOB && eb.type == GIT_OBJECT_BLOB) {
      std::string path = prefix;
      path += ea.name;
      out.modified.emplace_back(std::move(path), oid_of(eb.id));
    } else {
      // A submodule replaced by a file or the reverse.
      s = list_side(ea, prefix, true, out);
      if (s.ok())
        s = list_side(eb, prefix, false, out);
    }
    if (!s.ok())
      return s;
    if (cmp <= 0)
      has_a = next_entry(a, pa, ea);
    if (cmp >= 0)
      has_b = next_entry(b, pb, eb);
  }
  // The walk goes from new to old: the newer tree is no longer part of
  // the snapshot the next, older commit is compared with.
  if (new_id != nullptr)
    trees_.erase(*new_id);
  return ok_status();
}

Result<BlobPtr> Walker::blob(const git_oid& id) {
  git_blob* b = nullptr;
  if (git_blob_lookup(&b, repo_, &id) != 0)
    return Error{ExitCode::kEnvironment,
                 fmt::format("cannot read blob {} of the git repository: {}",
                             hex(id), git_message())};
  return BlobPtr(b);
}

std::string_view text_of(const BlobPtr& blob) {
  return {static_cast<const char*>(git_blob_rawcontent(blob.get())),
          static_cast<std::size_t>(git_blob_rawsize(blob.get()))};
}

Result<Lines> Walker::lines_of(const git_oid& id) {
  auto b = blob(id);
  if (!b.ok())
    return b.error();
  return fingerprint(text_of(*b));
}

// Paper files share most of their lines (the keys, the skeleton's
// comments), so two different papers can score as similar as a paper and
// its edited copy: a rename must also keep the paper's identity. Parsed
// only for pairs that score, once per blob.
Result<bool> Walker::same_paper(const git_oid& a, const git_oid& b) {
  auto first = paper_id(a);
  if (!first.ok())
    return first.error();
  auto second = paper_id(b);
  if (!second.ok())
    return second.error();
  const std::string& x = **first;
  const std::string& y = **second;
  return x.empty() || y.empty() || x == y;
}

Result<const std::string*> Walker::paper_id(const git_oid& id) {
  auto known = paper_ids_.find(id);
  if (known == paper_ids_.end()) {
    auto found = blob(id);
    if (!found.ok())
      return found.error();
    known = paper_ids_.emplace(id, paper_id_of(text_of(*found))).first;
  }
  return &known->second;
}

// Pairs (deleted index, added index): identical blobs first (preferring
// the same file name), then the best similarity scores at or above the
// threshold, each file used once.
Result<std::vector<std::pair<std::size_t, std::size_t>>> Walker::pair_renames(
    const Changes& changes) {
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (changes.added.empty() || changes.deleted.empty())
    return pairs;
  std::vector<bool> add_used(changes.added.size());
  std::vector<bool> del_used(changes.deleted.size());

  std::unordered_map<git_oid, std::vector<std::size_t>, OidHash, OidEq> by_blob;
  for (std::size_t a = 0; a < changes.added.size(); ++a)
    by_blob[changes.added[a].blob].push_back(a);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t d = 0; d < changes.deleted.size(); ++d) {
      if (del_used[d])
        continue;
      auto found = by_blob.find(changes.deleted[d].blob);
      if (found == by_blob.end())
        continue;
      for (std::size_t a : found->second) {
        if (add_used[a])
          continue;
        if (pass == 0 && base_name(changes.added[a].path) !=
                             base_name(changes.deleted[d].path))
          continue;
        pairs.emplace_back(d, a);
        add_used[a] = del_used[d] = true;
        break;
      }
    }
  }

  std::vector<std::size_t> dels;
  std::vector<std::size_t> adds;
  for (std::size_t d = 0; d < del_used.size(); ++d)
    if (!del_used[d])
      dels.push_back(d);
  for (std::size_t a = 0; a < add_used.size(); ++a)
    if (!add_used[a])
      adds.push_back(a);
  if (dels.empty() || adds.empty())
    return pairs;

  std::vector<Lines> del_lines;
  for (std::size_t d : dels) {
    auto l = lines_of(changes.deleted[d].blob);
    if (!l.ok())
      return l.error();
    del_lines.push_back(std::move(*l));
  }
  bool all_pairs = dels.size() * adds.size() <= kScoreAllPairs;
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_line;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_name;
  if (!all_pairs) {
    for (std::size_t k = 0; k < dels.size(); ++k) {
      by_name[base_name(changes.deleted[dels[k]].path)].push_back(k);
      for (auto& [h, len] : del_lines[k].hashes) {
        auto& posting = by_line[h];
        if (posting.empty() || posting.back() != k)
          posting.push_back(k);
      }
    }
  }

  struct Scored {
    int score;
    std::size_t del;  // index into dels
    std::size_t add;  // index into adds
  };
  std::vector<Scored> scored;
  for (std::size_t m = 0; m < adds.size(); ++m) {
    auto l = lines_of(changes.added[adds[m]].blob);
    if (!l.ok())
      return l.error();
    std::vector<std::size_t> candidates;
    if (all_pairs) {
      for (std::size_t k = 0; k < dels.size(); ++k)
        candidates.push_back(k);
    } else {
      auto named = by_name.find(base_name(changes.added[adds[m]].path));
      if (named != by_name.end())
        candidates = named->second;
      for (auto& [h, len] : l->hashes) {
        auto posting = by_line.find(h);
        if (posting != by_line.end() && posting->second.size() <= kRareLine)
          candidates.insert(candidates.end(), posting->second.begin(),
                            posting->second.end());
      }
      std::sort(candidates.begin(), candidates.end());
      candidates.erase(std::unique(candidates.begin(), candidates.end()),
                       candidates.end());
    }
    for (std::size_t k : candidates) {
      int score = similarity(del_lines[k], *l);
      if (score < kSimilarityPercent)
        continue;
      auto same = same_paper(changes.deleted[dels[k]].blob,
                             changes.added[adds[m]].blob);
      if (!same.ok())
        return same.error();
      if (*same)
        scored.push_back({score, k, m});
    }
  }
  std::stable_sort(
      scored.begin(), scored.end(),
      [](const Scored& x, const Scored& y) { return x.score > y.score; });
  for (const Scored& s : scored) {
    std::size_t d = dels[s.del];
    std::size_t a = adds[s.add];
    if (del_used[d] || add_used[a])
      continue;
    pairs.emplace_back(d, a);
    del_used[d] = add_used[a] = true;
  }
  return pairs;
}

void apply(const CommitChanges& commit, WalkState& state) {
  const Changes& changes = commit.changes;
  std::int64_t time = commit.time;
  PaperState fresh{{}, time, time, commit.approximate};
  for (const auto& [path, blob] : changes.modified) {
    auto [it, inserted] = state.files.try_emplace(path, fresh);
    it->second.blob = blob;
    if (!inserted && !commit.ignored)
      it->second.updated = std::max(time, it->second.added);
  }
  std::vector<std::optional<PaperState>> moved(changes.added.size());
  for (auto [d, a] : changes.moves) {
    auto found = state.files.find(changes.deleted[d].path);
    if (found == state.files.end())
      continue;
    PaperState paper = found->second;
    bool edited =
        git_oid_equal(&changes.deleted[d].blob, &changes.added[a].blob) == 0;
    if (edited && !commit.ignored)
      paper.updated = std::max(time, paper.added);
    moved[a] = paper;
  }
  for (const Change& c : changes.deleted)
    state.files.erase(c.path);
  for (std::size_t a = 0; a < changes.added.size(); ++a) {
    PaperState paper = moved[a].value_or(fresh);
    paper.blob = changes.added[a].blob;
    state.files[changes.added[a].path] = paper;
  }
}

Result<Walker::Side> Walker::side_of(const OptionalOid& root) {
  Side side{root, {}, {}};
  if (!root)
    return side;
  auto content = content_of(*root);
  if (!content.ok())
    return content.error();
  side.content = *content;
  if (side.content) {
    auto papers = child(*side.content, content_parts_.back());
    if (!papers.ok())
      return papers.error();
    side.papers = *papers;
  }
  return side;
}

Status Walker::replay(const std::vector<ChainCommit>& chain,
                      std::optional<git_oid> base_tree, bool boundary,
                      WalkState& state) {
  auto same = [](const OptionalOid& x, const OptionalOid& y) {
    return x.has_value() == y.has_value() &&
           (!x || git_oid_equal(&*x, &*y) != 0);
  };
  // Trees are read from HEAD backwards, the order in which git packs its
  // deltas (older versions as deltas of newer ones); reading them oldest
  // first made libgit2 rebuild long delta chains and took 7x longer on a
  // repacked repository. The changes are then applied oldest first.
  std::vector<CommitChanges> found;
  std::optional<std::int64_t> newest_content;
  std::optional<Side> current;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    const ChainCommit& commit = chain[i];
    bool oldest = i + 1 == chain.size();
    OptionalOid parent_root = oldest ? base_tree : chain[i + 1].tree;
    if (parent_root && git_oid_equal(&*parent_root, &commit.tree) != 0)
      continue;
    if (!current) {
      auto side = side_of(commit.tree);
      if (!side.ok())
        return side.error();
      current = *side;
    }
    auto parent = side_of(parent_root);
    if (!parent.ok())
      return parent.error();
    if (!same(parent->content, current->content)) {
      if (!newest_content)
        newest_content = commit.time;
      if (!same(parent->papers, current->papers)) {
        CommitChanges c;
        c.time = commit.time;
        c.ignored = ignored_.count(hex(commit.id)) != 0;
        c.approximate = boundary && oldest;
        Status s = diff(parent->papers ? &*parent->papers : nullptr,
                        current->papers ? &*current->papers : nullptr,
                        papers_prefix_, c.changes);
        if (!s.ok())
          return s;
        auto moves = pair_renames(c.changes);
        if (!moves.ok())
          return moves.error();
        c.changes.moves = std::move(*moves);
        found.push_back(std::move(c));
      }
    }
    current = *parent;
  }
  for (auto it = found.rbegin(); it != found.rend(); ++it)
    apply(*it, state);
  if (newest_content)
    state.content_time = newest_content;
  return ok_status();
}

// The first-parent chain from `head`, newest first, up to (not including)
// `stop`. `boundary` is set when a shallow clone cuts it.
struct Chain {
  std::vector<ChainCommit> commits;
  bool reached_stop = false;
  bool boundary = false;
};

Result<Chain> read_chain(git_repository* repo, const git_oid& head,
                         const std::optional<git_oid>& stop, bool shallow) {
  Chain chain;
  git_oid id = head;
  while (true) {
    if (stop && git_oid_equal(&id, &*stop) != 0) {
      chain.reached_stop = true;
      return chain;
    }
    git_commit* c = nullptr;
    int rc = git_commit_lookup(&c, repo, &id);
    if (rc == GIT_ENOTFOUND && shallow && !chain.commits.empty()) {
      chain.boundary = true;
      return chain;
    }
    if (rc != 0)
      return Error{ExitCode::kEnvironment,
                   fmt::format("cannot read commit {} of the git repository: "
                               "{}; run 'git fsck' to check it",
                               hex(id), git_message())};
    CommitPtr owned(c);
    chain.commits.push_back({id, *git_commit_tree_id(c),
                             static_cast<std::int64_t>(git_commit_time(c))});
    if (git_commit_parentcount(c) == 0)
      return chain;
    id = *git_commit_parent_id(c, 0);
  }
}

std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Regular files under `dir`, any depth; none when it does not exist.
std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec))
      files.push_back(it->path());
  return files;
}

// Limitation: with neither --now nor a commit to date the content, the
// reference time is the newest modification time of the content files,
// which a fresh checkout or copy resets; pass --now for stable output.
TimePoint newest_mtime(const fs::path& content_dir) {
  std::int64_t newest = 0;
  // The folder itself counts too, so an empty list is not dated 1970.
  std::vector<fs::path> files = files_under(content_dir);
  files.push_back(content_dir);
  for (const fs::path& f : files) {
    std::error_code ec;
    auto t = fs::last_write_time(f, ec);
    if (ec)
      continue;
    auto sys = std::chrono::file_clock::to_sys(t);
    newest = std::max<std::int64_t>(
        newest,
        std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch())
            .count());
  }
  return to_time(newest);
}

History no_repository(const HistoryOptions& options, const fs::path& content) {
  History h;
  h.repo_root = content.parent_path();
  h.now = options.now ? *options.now : newest_mtime(content);
  for (const fs::path& f : files_under(content / "papers"))
    h.files[relative_path(f, h.repo_root)] = {h.now, h.now,
                                              DateSource::kNoRepository};
  h.warnings.push_back(fmt::format(
      "'{}' is not inside a git repository; every paper is dated at the "
      "reference time {} (commit the list to date papers by their history)",
      content.string(), format_iso(h.now)));
  return h;
}

void add_if_exists(std::vector<fs::path>& out, const fs::path& file) {
  std::error_code ec;
  if (fs::is_regular_file(file, ec))
    out.push_back(file);
}

// A packed branch (after git gc or pack-refs) has no file of its own until
// a commit writes one, so its folder stands in: writing the ref file there
// changes the folder's time. Folders no higher than `refs`.
void add_ref_or_folder(std::vector<fs::path>& out, const fs::path& ref,
                       const fs::path& refs) {
  std::error_code ec;
  if (fs::is_regular_file(ref, ec)) {
    out.push_back(ref);
    return;
  }
  for (fs::path dir = ref.parent_path();
       dir.string().size() >= refs.string().size(); dir = dir.parent_path()) {
    if (fs::is_directory(dir, ec)) {
      out.push_back(dir);
      return;
    }
  }
}

// The names HEAD's chain of symbolic refs leads through: "refs/heads/main",
// or "refs/heads/master" then "refs/heads/main" where one branch aliases
// another.
std::vector<std::string> symbolic_chain(git_repository* repo) {
  std::vector<std::string> names;
  std::string name = "HEAD";
  for (int depth = 0; depth < 8; ++depth) {
    git_reference* ref = nullptr;
    if (git_reference_lookup(&ref, repo, name.c_str()) != 0)
      break;
    RefPtr owned(ref);
    if (git_reference_type(ref) != GIT_REFERENCE_SYMBOLIC)
      break;
    name = git_reference_symbolic_target(ref);
    names.push_back(name);
  }
  return names;
}

// Every file whose change can change a date, whether it exists or not:
// each ref of HEAD's chain of symbolic refs (a branch may alias another),
// the index (what is staged), the configuration and attributes (how the
// work tree compares), shallow, the ignored commits, and a `.git` in any
// folder from the content up to the work tree's root (a repository made
// there would be the one read).
std::vector<fs::path> git_watched(git_repository* repo, const fs::path& root,
                                  const fs::path& content_dir) {
  fs::path gitdir = git_repository_path(repo);
  fs::path common = git_repository_commondir(repo);
  std::vector<fs::path> watched = {gitdir / "HEAD",
                                   common / "packed-refs",
                                   gitdir / "shallow",
                                   gitdir / "index",
                                   gitdir / "config",
                                   common / "config",
                                   common / "info/attributes",
                                   root / ".gitattributes",
                                   root / ".git-blame-ignore-revs"};
  for (const std::string& name : symbolic_chain(repo)) {
    watched.push_back(gitdir / name);
    watched.push_back(common / name);
  }
  std::error_code ec;
  if (fs::is_regular_file(fs::symlink_status(root / ".git", ec)))
    watched.push_back(root / ".git");  // a file naming the git folder
  for (fs::path dir = content_dir.lexically_normal();
       dir.string().size() > root.lexically_normal().string().size() &&
       dir.has_relative_path();
       dir = dir.parent_path())
    watched.push_back(dir / ".git");
  for (fs::path& p : watched)
    p = p.lexically_normal();
  std::sort(watched.begin(), watched.end());
  watched.erase(std::unique(watched.begin(), watched.end()), watched.end());
  return watched;
}

std::vector<fs::path> git_inputs(git_repository* repo, const fs::path& root) {
  std::vector<fs::path> inputs;
  fs::path gitdir = git_repository_path(repo);
  fs::path common = git_repository_commondir(repo);
  add_if_exists(inputs, gitdir / "HEAD");
  for (const std::string& name : symbolic_chain(repo)) {
    add_if_exists(inputs, gitdir / name);
    add_ref_or_folder(inputs, common / name, common / "refs");
  }
  add_if_exists(inputs, common / "packed-refs");
  // Not the index: git status rewrites it, so the site target would run
  // after every `git status`. Whether a paper is uncommitted follows from
  // HEAD (above) and the paper files themselves, except after a change
  // only staged (`git rm --cached`); the build record watches the index.
  add_if_exists(inputs, gitdir / "shallow");
  add_if_exists(inputs, root / ".git-blame-ignore-revs");
  std::sort(inputs.begin(), inputs.end());
  inputs.erase(std::unique(inputs.begin(), inputs.end()), inputs.end());
  return inputs;
}

// Marks paper files that are untracked, staged or modified as uncommitted.
Status mark_uncommitted(git_repository* repo, const std::string& papers_dir,
                        History& h) {
  git_status_options opts;
  git_status_options_init(&opts, GIT_STATUS_OPTIONS_VERSION);
  opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
  opts.flags =
      GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
      GIT_STATUS_OPT_INCLUDE_IGNORED | GIT_STATUS_OPT_RECURSE_IGNORED_DIRS |
      GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH;
  std::string spec = papers_dir;
  char* specs[] = {spec.data()};
  opts.pathspec = {specs, 1};
  git_status_list* list = nullptr;
  if (git_status_list_new(&list, repo, &opts) != 0)
    return Error{ExitCode::kEnvironment,
                 fmt::format("cannot read the status of '{}': {}", papers_dir,
                             git_message())};
  StatusPtr owned(list);
  constexpr unsigned kChanged =
      GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED |
      GIT_STATUS_INDEX_RENAMED | GIT_STATUS_INDEX_TYPECHANGE |
      GIT_STATUS_WT_NEW | GIT_STATUS_WT_MODIFIED | GIT_STATUS_WT_RENAMED |
      GIT_STATUS_WT_TYPECHANGE | GIT_STATUS_IGNORED;
  std::size_t n = git_status_list_entrycount(list);
  for (std::size_t i = 0; i < n; ++i) {
    const git_status_entry* e = git_status_byindex(list, i);
    if ((e->status & kChanged) == 0 || (e->status & GIT_STATUS_WT_DELETED))
      continue;
    const git_diff_delta* d =
        e->index_to_workdir != nullptr ? e->index_to_workdir : e->head_to_index;
    if (d == nullptr || d->new_file.path == nullptr)
      continue;
    h.files[d->new_file.path] = {h.now, h.now, DateSource::kUncommitted};
  }
  return ok_status();
}

std::vector<std::string> split_path(const std::string& rel) {
  std::vector<std::string> parts;
  for (const auto& p : fs::path(rel))
    if (!p.empty() && p != ".")
      parts.push_back(p.string());
  return parts;
}

std::string hash_text(const std::string& text) {
  git_oid id;
  git_odb_hash(&id, text.data(), text.size(), GIT_OBJECT_BLOB);
  return hex(id);
}

// The walk proper, on an opened repository with a work tree.
// The cached walk to extend, or nullopt (with the reason in h.notes).
std::optional<CachedWalk> load_cache(const HistoryOptions& options,
                                     const std::string& key, History& h) {
  std::error_code ec;
  if (!fs::exists(options.cache_file, ec)) {
    h.notes.push_back("no history cache yet; walking all commits");
    return std::nullopt;
  }
  std::string why;
  auto cached = parse_history_cache(read_text(options.cache_file), key, why);
  if (!cached)
    h.notes.push_back(why);
  return cached;
}

std::optional<git_oid> tree_of(git_repository* repo, const git_oid& commit) {
  git_commit* c = nullptr;
  if (git_commit_lookup(&c, repo, &commit) != 0)
    return std::nullopt;
  CommitPtr owned(c);
  return *git_commit_tree_id(c);
}

// Walks the commits from `head` into `state`: those made since the cached
// commit when the cache is usable, else all of them; refreshes the cache.
Status walk_commits(git_repository* repo, Walker& walker, const git_oid& head,
                    const HistoryOptions& options, const std::string& key,
                    WalkState& state, History& h) {
  bool use_cache = !options.cache_file.empty() && !h.shallow;
  std::optional<CachedWalk> cached;
  if (use_cache)
    cached = load_cache(options, key, h);
  auto chain = read_chain(
      repo, head, cached ? std::optional<git_oid>(cached->head) : std::nullopt,
      h.shallow);
  if (!chain.ok())
    return chain.error();
  std::optional<git_oid> base_tree;
  if (chain->reached_stop)
    base_tree = tree_of(repo, cached->head);
  if (base_tree) {
    state = std::move(cached->state);
    h.cache_used = true;
  } else if (cached) {
    h.notes.push_back(
        "cached commit is no longer on the first-parent chain of HEAD "
        "(history rewritten); walking all commits");
    chain = read_chain(repo, head, std::nullopt, h.shallow);
    if (!chain.ok())
      return chain.error();
  }

  h.commits_walked = static_cast<int>(chain->commits.size());
  Status s = walker.replay(chain->commits, base_tree, chain->boundary, state);
  if (!s.ok())
    return s;
  if (use_cache && !(h.cache_used && chain->commits.empty())) {
    Status w = write_file_atomic(options.cache_file,
                                 format_history_cache(key, head, state));
    if (!w.ok())
      h.notes.push_back("history cache not written: " + w.error().message);
  }
  return ok_status();
}

// Sets h.now: --now, else the newest commit that changed the content
// folder, else HEAD's time, else the content files' modification time.
void set_reference_time(git_repository* repo, const HistoryOptions& options,
                        const WalkState& state, const std::string& content_rel,
                        History& h) {
  if (options.now) {
    h.now = *options.now;
    return;
  }
  if (state.content_time) {
    h.now = to_time(*state.content_time);
    return;
  }
  git_oid head;
  git_commit* c = nullptr;
  if (git_reference_name_to_id(&head, repo, "HEAD") == 0 &&
      git_commit_lookup(&c, repo, &head) == 0) {
    CommitPtr owned(c);
    h.now = to_time(git_commit_time(c));
    return;
  }
  h.now = newest_mtime(h.repo_root / content_rel);
}

// The walk proper, on an opened repository with a work tree.
Status walk(git_repository* repo, const HistoryOptions& options,
            const std::string& content_rel, History& h) {
  std::string ignore_text = read_text(h.repo_root / ".git-blame-ignore-revs");
  std::vector<std::string> skipped;
  auto revs = parse_ignore_revs(ignore_text, &skipped);
  for (const std::string& line : skipped)
    h.warnings.push_back(fmt::format(
        "'.git-blame-ignore-revs' {} is not a full 40-digit commit id and is "
        "ignored, as git blame refuses it; write the whole id",
        line));
  std::vector<std::string> parts = split_path(content_rel);
  parts.push_back("papers");
  std::string papers_dir;
  for (const auto& p : parts)
    papers_dir += p + "/";
  git_odb* odb = nullptr;
  if (git_repository_odb(&odb, repo) != 0)
    return Error{ExitCode::kEnvironment,
                 fmt::format("cannot open the object database of '{}': {}",
                             h.repo_root.string(), git_message())};
  OdbPtr odb_owner(odb);
  Walker walker(repo, odb, parts, papers_dir, {revs.begin(), revs.end()});

  WalkState state;
  git_oid head;
  int rc = git_reference_name_to_id(&head, repo, "HEAD");
  if (rc == 0) {
    // The cached state also depends on which folder is walked and which
    // commits are ignored.
    std::string key = hash_text(content_rel + '\0' + ignore_text);
    Status s = walk_commits(repo, walker, head, options, key, state, h);
    if (!s.ok())
      return s;
  } else if (rc != GIT_ENOTFOUND && rc != GIT_EUNBORNBRANCH) {
    return Error{ExitCode::kEnvironment,
                 fmt::format("cannot resolve HEAD of the git repository at "
                             "'{}': {}",
                             h.repo_root.string(), git_message())};
  }
  set_reference_time(repo, options, state, content_rel, h);

  int approximate = 0;
  for (const auto& [path, paper] : state.files) {
    approximate += paper.approximate ? 1 : 0;
    h.files[path] = {
        to_time(paper.added), to_time(std::max(paper.added, paper.updated)),
        paper.approximate ? DateSource::kApproximate : DateSource::kGit};
  }
  if (h.shallow)
    h.warnings.push_back(fmt::format(
        "this is a shallow clone: {} paper(s) present at its oldest commit "
        "have approximate dates; run 'git fetch --unshallow' (in GitHub "
        "Actions, checkout with 'fetch-depth: 0') for exact dates",
        approximate));
  papers_dir.pop_back();
  return mark_uncommitted(repo, papers_dir, h);
}

}  // namespace

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

FileDates with_added_override(FileDates dates, TimePoint added) {
  dates.added = added;
  dates.updated = std::max(dates.updated, added);
  dates.source = DateSource::kOverride;
  return dates;
}

int open_repository(git_repository** out, const fs::path& dir) {
  *out = nullptr;
  int rc = git_repository_open_ext(out, dir.c_str(), 0, nullptr);
  if (rc != GIT_ENOTFOUND)
    return rc;
  // libgit2 1.5 reports a repository refused for its owner as GIT_ENOTFOUND
  // ("config value 'safe.directory' was not found") when no safe.directory
  // is set; opening once more without the owner check tells the two apart.
  git_repository* unchecked = nullptr;
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  int without_check =
      git_repository_open_ext(&unchecked, dir.c_str(), 0, nullptr);
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
  git_repository_free(unchecked);
  return without_check == 0 ? GIT_EOWNER : GIT_ENOTFOUND;
}

Error repository_open_error(int code, const std::string& detail,
                            const fs::path& dir) {
  if (code == GIT_EOWNER)
    return {ExitCode::kEnvironment,
            fmt::format("git refuses to read the repository containing '{}' "
                        "because it belongs to another user; if you trust "
                        "it, run 'git config --global --add safe.directory "
                        "<its work tree>' or run papersite as its owner",
                        dir.string())};
  return {ExitCode::kEnvironment,
          fmt::format("cannot open the git repository containing '{}': {}",
                      dir.string(), detail)};
}

std::vector<std::string> parse_ignore_revs(const std::string& text,
                                           std::vector<std::string>* skipped) {
  std::vector<std::string> revs;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    line = line.substr(0, line.find('#'));
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos)
      continue;
    auto last = line.find_last_not_of(" \t\r");
    std::string rev = line.substr(first, last - first + 1);
    bool is_hex =
        rev.size() == GIT_OID_HEXSZ &&
        rev.find_first_not_of("0123456789abcdefABCDEF") == std::string::npos;
    if (!is_hex) {
      if (skipped != nullptr)
        skipped->push_back(fmt::format("line {}: '{}'", number, rev));
      continue;
    }
    std::transform(rev.begin(), rev.end(), rev.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    revs.push_back(rev);
  }
  return revs;
}

FileDates History::dates_of(const fs::path& file) const {
  DateSource unknown =
      has_repository ? DateSource::kUncommitted : DateSource::kNoRepository;
  std::string key = file.is_absolute() ? relative_path(file, repo_root)
                                       : file.generic_string();
  auto found = files.find(key);
  if (found == files.end() && file.is_absolute()) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(file, ec);
    if (!ec)
      found = files.find(relative_path(canonical, repo_root));
  }
  if (found == files.end())
    return {now, now, unknown};
  return found->second;
}

Result<History> read_history(const HistoryOptions& options) {
  init_libgit2();
  std::error_code ec;
  fs::path content =
      fs::weakly_canonical(fs::absolute(options.content_dir), ec);
  if (ec)
    content = fs::absolute(options.content_dir).lexically_normal();

  git_repository* raw = nullptr;
  int rc = open_repository(&raw, content);
  if (rc == GIT_ENOTFOUND)
    return no_repository(options, content);
  if (rc != 0)
    return repository_open_error(rc, git_message(), content);
  RepoPtr repo(raw);
  const char* workdir = git_repository_workdir(raw);
  if (workdir == nullptr)
    return Error{ExitCode::kEnvironment,
                 fmt::format("the git repository containing '{}' is bare; "
                             "papersite needs a checkout",
                             content.string())};

  History h;
  h.has_repository = true;
  h.repo_root = fs::weakly_canonical(workdir, ec);
  if (ec)
    h.repo_root = fs::path(workdir).lexically_normal();
  if (h.repo_root.filename().empty())
    h.repo_root = h.repo_root.parent_path();
  std::string content_rel = content.lexically_relative(h.repo_root).string();
  if (content_rel == ".")
    content_rel.clear();
  h.shallow = git_repository_is_shallow(raw) == 1;
  if (h.shallow && !options.allow_shallow)
    return Error{ExitCode::kEnvironment,
                 fmt::format("the repository at '{}' is a shallow clone, so "
                             "the dates papers were added are unknown; run "
                             "'git fetch --unshallow' (in GitHub Actions, "
                             "checkout with 'fetch-depth: 0'), or pass "
                             "--allow-shallow to accept approximate dates",
                             h.repo_root.string())};
  h.inputs = git_inputs(raw, h.repo_root);
  h.watched = git_watched(raw, h.repo_root, h.repo_root / content_rel);

  Status s = walk(raw, options, content_rel, h);
  if (!s.ok())
    return s.error();
  return h;
}

}  // namespace papersite
