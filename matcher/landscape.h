#pragma once
// Supply and demand by sector and by region, with the demands nobody can meet yet.
#include <string>
#include <vector>

#include "matcher.h"
#include "storage_paths.h"

namespace techbridge {

struct LandscapeRow {
    std::string id;  // a sector id or a first-level region id ("" for documents without one)
    std::size_t demands = 0;
    std::size_t offers = 0;
    std::size_t unmatched_demands = 0;  // demands with no strong candidate
};

struct Landscape {
    std::vector<LandscapeRow> by_sector;  // most demands first
    std::vector<LandscapeRow> by_region;
    std::vector<std::string> unmatched;   // ids of the demands with no strong candidate
};

/// Matches every stored demand and counts, per sector and per province or federal
/// subject (as tagged: stated or inferred), demands, offers and unmatched demands.
Landscape build_landscape(const StoragePaths& paths, const MatchingData& data);

}  // namespace techbridge
