#include "expo_settings.h"

#include "embedded_file.h"
#include "errors.h"
#include "settings_reader.h"

namespace techbridge {

std::span<const EmbeddedFile> expo_data_files();

ExpoSettings ExpoSettings::parse(std::string_view path, std::string_view json) {
    ExpoSettings settings;
    const SettingsReader number(path, json);
    number("", "min_score", settings.min_score);
    number("", "must_bonus", settings.must_bonus);
    number("", "nice_bonus", settings.nice_bonus);
    number("", "candidates_per_document", settings.candidates_per_document);
    number("", "candidates_per_participant", settings.candidates_per_participant);
    number("", "search_seconds", settings.search_seconds);
    number("", "restarts", settings.restarts);
    number("", "exact_max_candidates", settings.exact_max_candidates);
    number("", "exact_seconds", settings.exact_seconds);
    number("", "bound_seconds", settings.bound_seconds);
    number("", "glpk_max_columns", settings.glpk_max_columns);
    number("", "max_participants", settings.max_participants);
    number("", "max_documents_per_participant", settings.max_documents_per_participant);
    number("", "max_requests", settings.max_requests);
    number("", "max_slots", settings.max_slots);
    number("", "max_interpreters", settings.max_interpreters);
    return settings;
}

const ExpoSettings& ExpoSettings::builtin() {
    static const ExpoSettings settings =
        parse("corpus/expo.json", embedded_content(expo_data_files(), "corpus/expo.json"));
    return settings;
}

}  // namespace techbridge
