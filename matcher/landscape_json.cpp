#include "landscape_json.h"

#include "knowledge_json.h"

namespace techbridge {

nlohmann::json to_json(const Landscape& landscape, const KnowledgeBase& knowledge) {
    auto rows_json = [](const std::vector<LandscapeRow>& rows, auto labels_of) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& row : rows) {
            nlohmann::json entry = {{"id", row.id},
                                    {"demands", row.demands},
                                    {"offers", row.offers},
                                    {"demands_without_strong_candidate", row.unmatched_demands}};
            if (const MultilingualLabels* labels = labels_of(row.id)) entry["labels"] = labels_json(*labels);
            out.push_back(std::move(entry));
        }
        return out;
    };
    const auto sector_labels = [&knowledge](const std::string& id) -> const MultilingualLabels* {
        const Sector* sector = knowledge.sectors().find(id);
        return sector ? &sector->names : nullptr;
    };
    const auto region_labels = [&knowledge](const std::string& id) -> const MultilingualLabels* {
        const Region* region = knowledge.regions().find(id);
        return region ? &region->labels : nullptr;
    };
    return {{"by_sector", rows_json(landscape.by_sector, sector_labels)},
            {"by_region", rows_json(landscape.by_region, region_labels)},
            {"unmatched_demands", landscape.unmatched}};
}

}  // namespace techbridge
