#pragma once
// Whether the Xapian index agrees with the SQLite store, and putting it right from the store.
#include <cstddef>
#include <string>
#include <vector>

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

/// Compares store and index: every stored document indexed at its current revision with
/// the current analysis version, and no indexed document missing from the store.
ConsistencyReport check_consistency(const StoragePaths& paths);

/// Fixes what check_consistency finds, from the store (the source of truth): rebuilds the
/// index when its structure or version is wrong, otherwise indexes what is missing and
/// removes orphans. Returns the report of a check made afterwards.
ConsistencyReport repair_consistency(const StoragePaths& paths);

}  // namespace techbridge
