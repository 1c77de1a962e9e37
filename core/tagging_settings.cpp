#include "tagging_settings.h"

#include <nlohmann/json.hpp>

#include "errors.h"

namespace techbridge {

TaggingSettings TaggingSettings::parse(std::string_view path, std::string_view text) {
    TaggingSettings settings;
    const std::string file(path);
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw DataError(file + ": not valid JSON: " + error.what());
    }
    auto number = [&](const char* section, const char* key, double& target) {
        const auto it = json.find(section);
        if (it == json.end() || !it->contains(key)) return;
        const auto& value = (*it)[key];
        if (!value.is_number() || value.get<double>() < 0)
            throw DataError(file + ": " + section + "." + key + ": must be a number of at least 0");
        target = value.get<double>();
    };
    double max_sectors = settings.max_inferred_sectors;
    number("sector_inference", "min_score", settings.sector_min_score);
    number("sector_inference", "share_of_top", settings.sector_share_of_top);
    number("sector_inference", "max_sectors", max_sectors);
    settings.max_inferred_sectors = static_cast<int>(max_sectors);
    number("region_inference", "organization_weight", settings.region_organization_weight);
    number("region_inference", "title_weight", settings.region_title_weight);
    number("region_inference", "body_weight", settings.region_body_weight);
    return settings;
}

}  // namespace techbridge
