#pragma once
// Unicode normalisation shared by indexing and querying.
#include <memory>
#include <string>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace techbridge {

/// Brings text in any of the three languages to one comparable form:
/// Taiwan and Hong Kong Chinese words as the mainland writes them (ChineseVariants: 軟體
/// 软件, 雷射 激光), NFKC with case folding (full-width forms, ligatures, case), Traditional to
/// Simplified Chinese, ё to е (Russian writers use the two interchangeably and
/// the Russian stemmer does not fold them), and look-alike letters of the other script
/// inside a Cyrillic or Latin word written in the word's script (a Latin "a" typed in
/// "сваркa", a Cyrillic "е" in "wеlding").
///
/// Holds ICU objects that are not safe to share: use one normaliser per thread.
/// The code points of `text`, one per character (UTF-16 surrogate pairs joined).
std::u32string code_points(const icu::UnicodeString& text);

class TextNormalizer {
public:
    TextNormalizer();  // throws AnalysisError when ICU data is missing

    icu::UnicodeString normalize(std::string_view utf8) const;
    std::string normalize_to_utf8(std::string_view utf8) const;

    /// Rewrites Traditional Chinese characters of `text` as Simplified one character at a
    /// time, so that no position moves: for marking words in text as it was written.
    /// Characters whose Simplified form is longer stay as they are.
    void simplify_characters(icu::UnicodeString& text) const;

private:
    bool has_traditional(const icu::UnicodeString& text) const;

    const icu::Normalizer2* nfkc_casefold_;
    std::unique_ptr<icu::Transliterator> traditional_to_simplified_;
};

}  // namespace techbridge
