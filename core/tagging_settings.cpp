#include "tagging_settings.h"

#include "settings_reader.h"

#include "errors.h"

namespace techbridge {


SearchSettings SearchSettings::parse(std::string_view path, std::string_view text) {
    SearchSettings settings;
    const SettingsReader number(path, text);
    number("", "concept_weight", settings.concept_weight);
    number("", "covered_word_weight", settings.covered_word_weight);
    number("", "dictionary_weight", settings.dictionary_weight);
    number("", "bigram_weight", settings.bigram_weight);
    number("", "max_renderings", settings.max_renderings);
    number("", "facet_count_limit", settings.facet_count_limit);
    number("", "result_cache_entries", settings.result_cache_entries);
    number("", "length_normalization", settings.length_normalization);
    if (settings.length_normalization > 1)
        throw DataError(std::string(path) + ": length_normalization: must be a number from 0 to 1");
    number("", "gloss_concepts", settings.gloss_concepts);
    number("", "nearest_concepts", settings.nearest_concepts);
    number("", "partial_share", settings.partial_share);
    if (settings.partial_share <= 0 || settings.partial_share > 1)
        throw DataError(std::string(path) + ": partial_share: must be a number above 0 and at most 1");
    return settings;
}

TaggingSettings TaggingSettings::parse(std::string_view path, std::string_view text) {
    TaggingSettings settings;
    const SettingsReader number(path, text);
    number("sector_inference", "min_score", settings.sector_min_score);
    number("sector_inference", "share_of_top", settings.sector_share_of_top);
    number("sector_inference", "max_sectors", settings.max_inferred_sectors);
    number("region_inference", "organization_weight", settings.region_organization_weight);
    number("region_inference", "title_weight", settings.region_title_weight);
    number("region_inference", "body_weight", settings.region_body_weight);
    return settings;
}

}  // namespace techbridge
