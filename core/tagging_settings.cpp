#include "tagging_settings.h"

#include <nlohmann/json.hpp>

#include "errors.h"

namespace techbridge {

namespace {

// Reads optional non-negative numbers from a settings file; `section` "" is the top level.
class SettingsReader {
public:
    SettingsReader(std::string_view path, std::string_view text) : file_(path) {
        try {
            json_ = nlohmann::json::parse(text);
        } catch (const nlohmann::json::exception& error) {
            throw DataError(file_ + ": not valid JSON: " + error.what());
        }
    }

    void operator()(const std::string& section, const char* key, double& target) const {
        const nlohmann::json* object = &json_;
        if (!section.empty()) {
            const auto it = json_.find(section);
            if (it == json_.end()) return;
            object = &*it;
        }
        if (!object->is_object() || !object->contains(key)) return;
        const auto& value = (*object)[key];
        if (!value.is_number() || value.get<double>() < 0)
            throw DataError(file_ + ": " + (section.empty() ? "" : section + ".") + key +
                            ": must be a number of at least 0");
        target = value.get<double>();
    }

private:
    std::string file_;
    nlohmann::json json_;
};

}  // namespace

SearchSettings SearchSettings::parse(std::string_view path, std::string_view text) {
    SearchSettings settings;
    const SettingsReader number(path, text);
    double max_renderings = settings.max_renderings;
    number("", "concept_weight", settings.concept_weight);
    number("", "dictionary_weight", settings.dictionary_weight);
    number("", "max_renderings", max_renderings);
    settings.max_renderings = static_cast<int>(max_renderings);
    return settings;
}

TaggingSettings TaggingSettings::parse(std::string_view path, std::string_view text) {
    TaggingSettings settings;
    const SettingsReader number(path, text);
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
