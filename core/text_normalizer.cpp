#include "text_normalizer.h"

#include <unicode/uscript.h>

#include <vector>

#include "errors.h"

namespace techbridge {
namespace {

// What Traditional-Simplified makes of each character of the Basic Multilingual Plane on its
// own: the character itself where it is unchanged, its Simplified form where that is one
// character, 0 otherwise. Found once by asking the transliterator itself, so that text
// already in Simplified characters (most Chinese text here) skips the costly transliteration.
const std::vector<char16_t>& simplified_characters(const icu::Transliterator& transliterator) {
    static const std::vector<char16_t> table = [&] {
        std::vector<char16_t> simplified(0x10000);
        for (UChar32 c = 0; c <= 0xFFFF; ++c) {
            simplified[static_cast<std::size_t>(c)] = static_cast<char16_t>(c);
            UErrorCode status = U_ZERO_ERROR;
            if (c < 0x3400 || uscript_getScript(c, &status) != USCRIPT_HAN) continue;
            icu::UnicodeString text(c);
            transliterator.transliterate(text);
            if (text == icu::UnicodeString(c)) continue;
            simplified[static_cast<std::size_t>(c)] = text.length() == 1 ? text[0] : 0;
        }
        return simplified;
    }();
    return table;
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
    if (has_traditional(text)) traditional_to_simplified_->transliterate(text);
    text.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0451)), icu::UnicodeString(static_cast<UChar32>(0x0435)));
    return text;
}

void TextNormalizer::simplify_characters(icu::UnicodeString& text) const {
    const std::vector<char16_t>* table = nullptr;
    for (int32_t i = 0; i < text.length(); ++i) {
        const char16_t c = text[i];
        if (c < 0x3400 || U16_IS_SURROGATE(c)) continue;  // no Han characters below U+3400
        if (!table) table = &simplified_characters(*traditional_to_simplified_);
        const char16_t simplified = (*table)[c];
        if (simplified != c && simplified != 0) text.setCharAt(i, simplified);
    }
}

bool TextNormalizer::has_traditional(const icu::UnicodeString& text) const {
    const std::vector<char16_t>* table = nullptr;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (c < 0x3400) continue;  // no Han characters below U+3400
        if (c > 0xFFFF) return true;  // rare supplementary Han: let the transliterator decide
        if (!table) table = &simplified_characters(*traditional_to_simplified_);
        if ((*table)[static_cast<std::size_t>(c)] != c) return true;
    }
    return false;
}

std::string TextNormalizer::normalize_to_utf8(std::string_view utf8) const {
    std::string out;
    normalize(utf8).toUTF8String(out);
    return out;
}

}  // namespace techbridge
