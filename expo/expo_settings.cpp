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
    number("", "search_seconds", settings.search_seconds);
    number("", "restarts", settings.restarts);
    number("", "exact_max_candidates", settings.exact_max_candidates);
    return settings;
}

const ExpoSettings& ExpoSettings::builtin() {
    static const ExpoSettings settings =
        parse("corpus/expo.json", embedded_content(expo_data_files(), "corpus/expo.json"));
    return settings;
}

}  // namespace techbridge
