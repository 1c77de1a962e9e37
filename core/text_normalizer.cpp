#include "text_normalizer.h"

#include <unicode/uscript.h>

#include "errors.h"

namespace techbridge {
namespace {

bool contains_han(const icu::UnicodeString& text) {
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        // Below U+2E80 there are no Han characters; skip the script lookup there.
        if (c >= 0x2E80) {
            UErrorCode status = U_ZERO_ERROR;
            if (uscript_getScript(c, &status) == USCRIPT_HAN) return true;
        }
        i += U16_LENGTH(c);
    }
    return false;
}

}  // namespace

TextNormalizer::TextNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) {
        throw AnalysisError(std::string("ICU NFKC_Casefold normaliser unavailable: ") + u_errorName(status));
    }
    traditional_to_simplified_.reset(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !traditional_to_simplified_) {
        throw AnalysisError(std::string("ICU Traditional-Simplified transliterator unavailable: ") +
                            u_errorName(status));
    }
}

icu::UnicodeString TextNormalizer::normalize(std::string_view utf8) const {
    UErrorCode status = U_ZERO_ERROR;
    const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    icu::UnicodeString text = nfkc_casefold_->normalize(source, status);
    if (U_FAILURE(status)) throw AnalysisError(std::string("ICU normalisation failed: ") + u_errorName(status));
    if (contains_han(text)) traditional_to_simplified_->transliterate(text);
    text.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0451)), icu::UnicodeString(static_cast<UChar32>(0x0435)));
    return text;
}

std::string TextNormalizer::normalize_to_utf8(std::string_view utf8) const {
    std::string out;
    normalize(utf8).toUTF8String(out);
    return out;
}

}  // namespace techbridge
