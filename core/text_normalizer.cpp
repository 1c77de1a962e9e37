#include "text_normalizer.h"

#include <unicode/uscript.h>

#include <vector>

#include "chinese_variants.h"
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

namespace {

// Latin letters that look like Cyrillic ones, after case folding, in pairs: the lower-case
// look-alikes and those of capitals (B В, H Н, M М, T Т, K К) a user may type in either.
constexpr std::pair<char16_t, char16_t> look_alikes[] = {
    {u'a', u'а'}, {u'e', u'е'}, {u'o', u'о'}, {u'p', u'р'}, {u'c', u'с'}, {u'x', u'х'},
    {u'y', u'у'}, {u'k', u'к'}, {u'm', u'м'}, {u't', u'т'}, {u'h', u'н'}, {u'b', u'в'},
};

char16_t cyrillic_of(char16_t latin) {
    for (const auto& [l, c] : look_alikes)
        if (l == latin) return c;
    return 0;
}

char16_t latin_of(char16_t cyrillic) {
    for (const auto& [l, c] : look_alikes)
        if (c == cyrillic) return l;
    return 0;
}

bool is_cyrillic(char16_t c) { return c >= 0x0400 && c <= 0x04FF; }
bool is_latin(char16_t c) { return c >= u'a' && c <= u'z'; }

// In a word of both scripts, the letters of the fewer that look like letters of the other
// are written in the other ("сваркa" with a Latin a is "сварка"), when all of them do.
void fold_word(icu::UnicodeString& text, int32_t begin, int32_t end) {
    int cyrillic = 0, latin = 0;
    for (int32_t i = begin; i < end; ++i) {
        cyrillic += is_cyrillic(text[i]);
        latin += is_latin(text[i]);
    }
    if (cyrillic == 0 || latin == 0 || cyrillic == latin) return;
    const bool to_cyrillic = cyrillic > latin;
    for (int32_t i = begin; i < end; ++i) {
        const char16_t c = text[i];
        if ((to_cyrillic && is_latin(c) && !cyrillic_of(c)) || (!to_cyrillic && is_cyrillic(c) && !latin_of(c))) return;
    }
    for (int32_t i = begin; i < end; ++i) {
        const char16_t c = text[i];
        if (to_cyrillic && is_latin(c)) text.setCharAt(i, cyrillic_of(c));
        if (!to_cyrillic && is_cyrillic(c)) text.setCharAt(i, latin_of(c));
    }
}

void fold_look_alikes(icu::UnicodeString& text) {
    for (int32_t i = 0; i < text.length();) {
        if (!is_cyrillic(text[i]) && !is_latin(text[i])) {
            ++i;
            continue;
        }
        int32_t end = i;
        while (end < text.length() && (is_cyrillic(text[end]) || is_latin(text[end]))) ++end;
        fold_word(text, i, end);
        i = end;
    }
}

}  // namespace

std::u32string code_points(const icu::UnicodeString& text) {
    std::u32string out;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        out.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

icu::UnicodeString TextNormalizer::normalize(std::string_view utf8) const {
    UErrorCode status = U_ZERO_ERROR;
    const std::string mainland = ChineseVariants::installed().to_mainland(utf8);
    const auto source = icu::UnicodeString::fromUTF8(icu::StringPiece(mainland.data(), static_cast<int32_t>(mainland.size())));
    icu::UnicodeString text = nfkc_casefold_->normalize(source, status);
    if (U_FAILURE(status)) throw AnalysisError(std::string("ICU normalisation failed: ") + u_errorName(status));
    if (has_traditional(text)) traditional_to_simplified_->transliterate(text);
    text.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0451)), icu::UnicodeString(static_cast<UChar32>(0x0435)));
    fold_look_alikes(text);
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
