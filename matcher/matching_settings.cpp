#include "matching_settings.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "embedded_file.h"
#include "errors.h"

namespace techbridge {

std::span<const EmbeddedFile> matching_data_files();

MatchingSettings MatchingSettings::parse(std::string_view path, std::string_view text) {
    MatchingSettings settings;
    const std::string file(path);
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& error) {
        throw DataError(file + ": not valid JSON: " + error.what());
    }
    auto read = [&](const char* section, const char* key, double& target) {
        const nlohmann::json* object = &json;
        if (*section) {
            if (!json.contains(section)) return;
            object = &json[section];
        }
        if (!object->is_object() || !object->contains(key)) return;
        const auto& value = (*object)[key];
        if (!value.is_number() || value.get<double>() < 0)
            throw DataError(file + ": " + (*section ? std::string(section) + "." : "") + key +
                            ": must be a number of at least 0");
        target = value.get<double>();
    };
    auto read_int = [&](const char* section, const char* key, int& target) {
        double value = target;
        read(section, key, value);
        target = static_cast<int>(value);
    };
    read("weights", "concepts", settings.concepts_weight);
    read("weights", "text", settings.text_weight);
    read("weights", "sector", settings.sector_weight);
    read("weights", "trl", settings.trl_weight);
    read("weights", "cooperation", settings.cooperation_weight);
    read("weights", "region", settings.region_weight);
    read("concepts", "related_credit", settings.concept_related_credit);
    read("concepts", "evidence_saturation", settings.concept_evidence_saturation);
    read("concepts", "candidate_share", settings.concept_candidate_share);
    read_int("text", "distinctive_terms", settings.distinctive_terms);
    read_int("text", "dictionary_words", settings.dictionary_words);
    read("text", "reference_share", settings.text_reference_share);
    read("sector", "related_credit", settings.sector_related_credit);
    read("sector", "unknown", settings.sector_unknown);
    read("trl", "penalty_per_level", settings.trl_penalty_per_level);
    read("trl", "unknown", settings.trl_unknown);
    read("cooperation", "unknown", settings.cooperation_unknown);
    read("region", "neighbour", settings.region_neighbour);
    read("region", "same", settings.region_same);
    read("region", "near", settings.region_near);
    read("region", "far", settings.region_far);
    read("region", "unknown", settings.region_unknown);
    read("", "expired_factor", settings.expired_factor);
    read("", "no_strong_candidate_below", settings.no_strong_candidate_below);
    read_int("", "candidates_rescored", settings.candidates_rescored);
    const double total = settings.concepts_weight + settings.text_weight + settings.sector_weight +
                         settings.trl_weight + settings.cooperation_weight + settings.region_weight;
    if (total <= 0) throw DataError(file + ": weights: at least one weight must be above 0");
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
