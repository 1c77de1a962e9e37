#pragma once
// Use case: the landscape of demands, offers and unmet demands per sector and region.
#include <cstdint>
#include <mutex>

#include <nlohmann/json.hpp>

#include "matcher.h"
#include "storage_paths.h"

namespace techbridge {

/// Builds the landscape once per change of the store (an import), not once per visitor:
/// it reads every stored document.
class LandscapeView {
public:
    LandscapeView(StoragePaths paths, const MatchingData& data) : paths_(std::move(paths)), data_(data) {}

    /// The landscape's JSON (docs/api.md) for the store whose latest import run is
    /// `latest_run` (DocumentStore::latest_run_id). Safe to call from several threads.
    nlohmann::json current(std::int64_t latest_run);

private:
    const StoragePaths paths_;
    const MatchingData data_;
    std::mutex mutex_;
    std::int64_t built_for_run_ = -1;
    nlohmann::json built_;
};

}  // namespace techbridge
