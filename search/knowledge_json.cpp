#include "knowledge_json.h"

namespace techbridge {

nlohmann::json labels_json(const MultilingualLabels& labels) {
    nlohmann::json out = nlohmann::json::object();
    for (const Language language : all_languages) out[std::string(to_string(language))] = labels.preferred(language);
    return out;
}

nlohmann::json concept_json(const Concept& entry) {
    return {{"id", entry.id},
            {"broader", entry.broader},
            {"sectors", entry.sectors},
            {"labels", labels_json(entry.labels)}};
}

nlohmann::json sector_json(const Sector& sector) {
    return {{"id", sector.id}, {"labels", labels_json(sector.names)}};
}

nlohmann::json region_json(const Region& region, const RegionGazetteer& gazetteer) {
    const Region* country = &region;
    for (int step = 0; country && country->type != RegionType::country && step < 8; ++step)
        country = country->parent.empty() ? nullptr : gazetteer.find(country->parent);
    return {{"id", region.id},
            {"type", to_string(region.type)},
            {"parent", region.parent},
            {"country", country ? country->id : std::string()},
            {"labels", labels_json(region.labels)}};
}

}  // namespace techbridge
