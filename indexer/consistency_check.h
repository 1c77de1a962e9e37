#pragma once
// Whether the Xapian index agrees with the SQLite store, and putting it right from the store.
#include <cstddef>
#include <string>
#include <vector>

#include "knowledge_base.h"
#include "storage_paths.h"

namespace techbridge {

struct ConsistencyReport {
    std::size_t stored = 0;   // documents in the store
    std::size_t indexed = 0;  // documents in the index
    std::string store_check;  // SQLite's quick_check: "ok" when sound
    std::string index_check;  // Xapian's structure check: "ok" when sound
    std::string index_version, expected_version;
    std::vector<std::string> not_indexed;  // stored, but the index lacks them or holds an older revision
    std::vector<std::string> orphans;      // in the index, not in the store
    bool ok() const {
        return store_check == "ok" && index_check == "ok" && index_version == expected_version && not_indexed.empty() &&
               orphans.empty();
    }
};

/// How much of the index a repair removes without being told to. Index documents the store
/// lacks are removed as orphans; a few are left by an interrupted import, but a large share
/// means the store is the wrong one (deleted and made again empty, an old backup restored),
/// and removing them would empty the index of documents that exist nowhere else. There is no
/// settings file for maintenance, so the limits are here: more orphans than both of them need
/// `check --repair --force`.
struct OrphanRemovalLimit {
    static constexpr double share_of_index = 0.10;
    static constexpr std::size_t documents = 3;
    /// Whether removing `orphans` of an index of `indexed` documents needs --force.
    static bool exceeded(std::size_t orphans, std::size_t indexed) {
        return orphans > documents && static_cast<double>(orphans) > share_of_index * static_cast<double>(indexed);
    }
};

struct RepairOptions {
    bool force = false;  // remove orphans beyond OrphanRemovalLimit too
};

/// Compares store and index: every stored document indexed at its current revision with
/// the current analysis version, and no indexed document missing from the store.
ConsistencyReport check_consistency(const StoragePaths& paths, const KnowledgeBase& knowledge);

/// Fixes what check_consistency finds, from the store (the source of truth): rebuilds the
/// index when its structure or version is wrong, otherwise indexes what is missing and
/// removes orphans. Returns the report of a check made afterwards. Refuses (an Error saying how
/// many it would remove) to remove more orphans than OrphanRemovalLimit allows, by either
/// route, unless `options.force`.
ConsistencyReport repair_consistency(const StoragePaths& paths, const KnowledgeBase& knowledge, RepairOptions options = {});

}  // namespace techbridge
