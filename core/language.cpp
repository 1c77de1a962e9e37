#include "language.h"
#include "ascii_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace techbridge {

std::string_view to_string(Language language) {
    switch (language) {
        case Language::zh: return "zh";
        case Language::ru: return "ru";
        case Language::en: return "en";
    }
    return "en";
}

std::optional<Language> parse_language(std::string_view code) {
    const std::string lower = lower_ascii(code);
    if (lower == "zh") return Language::zh;
    if (lower == "ru") return Language::ru;
    if (lower == "en") return Language::en;
    return std::nullopt;
}

Language detect_language(std::string_view text) {
    // A Han character stands for about as much text as a Latin or Cyrillic word of
    // several letters, so Han characters are weighted up before comparing.
    constexpr long han_weight = 4;
    long han = 0, cyrillic = 0, latin = 0;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || !u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        switch (uscript_getScript(c, &status)) {
            case USCRIPT_HAN: ++han; break;
            case USCRIPT_CYRILLIC: ++cyrillic; break;
            case USCRIPT_LATIN: ++latin; break;
            default: break;
        }
    }
    if (han * han_weight >= cyrillic + latin && han > 0) return Language::zh;
    if (cyrillic > latin) return Language::ru;
    return Language::en;
}

}  // namespace techbridge
