#pragma once
// The three document languages and script-based language detection.
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace techbridge {

enum class Language { zh, ru, en };

inline constexpr std::array<Language, 3> all_languages = {Language::zh, Language::ru, Language::en};

std::string_view to_string(Language language);
/// "zh", "ru", "en" (any case); nullopt for anything else.
std::optional<Language> parse_language(std::string_view code);

/// Detects the language of UTF-8 text from the scripts of its letters: a text whose
/// Han characters make up a fair share of its letters is Chinese (one Han character
/// carries roughly a word), otherwise Cyrillic against Latin decides. Text with no
/// letters at all is reported as English, the interchange language.
Language detect_language(std::string_view utf8_text);

}  // namespace techbridge
