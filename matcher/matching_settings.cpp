#include "matching_settings.h"

#include <cstdlib>
#include <fstream>
#include <sstream>


#include "embedded_file.h"
#include "errors.h"
#include "settings_reader.h"

namespace techbridge {

std::span<const EmbeddedFile> matching_data_files();

MatchingSettings MatchingSettings::parse(std::string_view path, std::string_view text) {
    MatchingSettings settings;
    const SettingsReader read(path, text);
    read("weights", "concepts", settings.concepts_weight);
    read("weights", "text", settings.text_weight);
    read("weights", "sector", settings.sector_weight);
    read("weights", "trl", settings.trl_weight);
    read("weights", "cooperation", settings.cooperation_weight);
    read("weights", "region", settings.region_weight);
    read("concepts", "related_credit", settings.concept_related_credit);
    read("concepts", "evidence_saturation", settings.concept_evidence_saturation);
    read("concepts", "candidate_share", settings.concept_candidate_share);
    read("text", "distinctive_terms", settings.distinctive_terms);
    read("text", "dictionary_words", settings.dictionary_words);
    read("text", "dictionary_weight", settings.dictionary_weight);
    read("text", "concept_words_weight", settings.concept_words_weight);
    read("text", "concept_words_concepts", settings.concept_words_concepts);
    read("text", "common_word_share", settings.common_word_share);
    read("text", "reference_share", settings.text_reference_share);
    read("sector", "related_credit", settings.sector_related_credit);
    read("sector", "unknown", settings.sector_unknown);
    read("trl", "penalty_per_level", settings.trl_penalty_per_level);
    read("trl", "unknown", settings.trl_unknown);
    read("cooperation", "unknown", settings.cooperation_unknown);
    read("region", "neighbour", settings.region_neighbour);
    read("region", "same", settings.region_same);
    read("region", "near", settings.region_near);
    read("region", "near_macro_regions", settings.near_macro_regions);
    read("region", "far", settings.region_far);
    read("region", "unknown", settings.region_unknown);
    read("", "expired_factor", settings.expired_factor);
    read("", "no_strong_candidate_below", settings.no_strong_candidate_below);
    read("", "candidates_rescored", settings.candidates_rescored);
    const double total = settings.concepts_weight + settings.text_weight + settings.sector_weight +
                         settings.trl_weight + settings.cooperation_weight + settings.region_weight;
    if (total <= 0) throw DataError(std::string(path) + ": weights: at least one weight must be above 0");
    return settings;
}

const MatchingSettings& MatchingSettings::builtin() {
    static const MatchingSettings settings = [] {
        // A settings file given at run time replaces the built-in one (for tuning).
        if (const char* path = std::getenv("TECHBRIDGE_MATCHING_CONFIG"); path && *path) {
            std::ifstream input(path, std::ios::binary);
            if (!input) throw DataError(std::string(path) + ": cannot be read (TECHBRIDGE_MATCHING_CONFIG)");
            std::ostringstream content;
            content << input.rdbuf();
            return parse(path, content.str());
        }
        return parse("corpus/matching.json", embedded_content(matching_data_files(), "corpus/matching.json"));
    }();
    return settings;
}

}  // namespace techbridge
