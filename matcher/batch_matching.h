#pragma once
// Matching many sources at once, on every core, one Matcher per thread.
#include <cstddef>
#include <functional>
#include <vector>

#include "matcher.h"
#include "storage_paths.h"

namespace techbridge {

/// The result of each request, in request order. `progress(done, total)` is called after
/// each one, from one thread at a time. The first failure stops the work and is rethrown.
std::vector<MatchResult> match_each(const StoragePaths& paths, const MatchingData& data, const std::vector<MatchRequest>& requests,
                                    const std::function<void(std::size_t, std::size_t)>& progress = {});

}  // namespace techbridge
