#include "landscape.h"

#include <algorithm>
#include <map>

#include "document_store.h"
#include "matcher.h"

namespace techbridge {
namespace {

std::vector<LandscapeRow> sorted_rows(std::map<std::string, LandscapeRow>& rows) {
    std::vector<LandscapeRow> out;
    for (auto& [id, row] : rows) {
        row.id = id;
        out.push_back(row);
    }
    std::stable_sort(out.begin(), out.end(), [](const LandscapeRow& a, const LandscapeRow& b) {
        return a.demands != b.demands ? a.demands > b.demands : a.offers > b.offers;
    });
    return out;
}

}  // namespace

Landscape build_landscape(const StoragePaths& paths, const MatchingData& data) {
    DocumentStore store(paths.store_file());
    Matcher matcher(paths, data);
    std::map<std::string, LandscapeRow> sectors, regions;
    Landscape landscape;
    for (const char* kind : {"demand", "offer"}) {
        const bool demand = std::string_view(kind) == "demand";
        for (const auto& id : store.ids_of_kind(kind)) {
            bool unmatched = false;
            if (demand) {
                MatchRequest request;
                request.id = id;
                request.limit = 1;
                unmatched = matcher.match(request).no_strong_candidate;
                if (unmatched) landscape.unmatched.push_back(id);
            }
            const DocumentTags tags = store.tags(id);
            auto count = [&](LandscapeRow& row) {
                (demand ? row.demands : row.offers) += 1;
                row.unmatched_demands += unmatched;
            };
            if (tags.sectors.empty()) count(sectors[""]);
            for (const auto& sector : tags.sectors) count(sectors[sector.id]);
            count(regions[tags.regions.empty() ? std::string() : tags.regions.front().id]);
        }
    }
    landscape.by_sector = sorted_rows(sectors);
    landscape.by_region = sorted_rows(regions);
    return landscape;
}

}  // namespace techbridge
