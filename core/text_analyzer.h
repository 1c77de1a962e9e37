#pragma once
// The one text analysis used both to index documents and to interpret queries.
// Using the same component on both sides is what keeps Chinese segmentation,
// stemming and normalisation consistent between what is stored and what is asked.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <unicode/brkiter.h>
#include <xapian.h>

#include "text_normalizer.h"

namespace techbridge {

enum class TokenScript { han, cyrillic, latin, number, other };

enum class TokenRole {
    word,      // a word as segmented by ICU
    compound,  // words joined by a hyphen or slash, kept whole as well ("ту-204", "li-ion")
    part,      // the number or the unit of a glued quantity ("10мпа" gives "10" and "мпа")
};

struct Token {
    std::string term;       // normalised surface form
    std::string stem;       // Russian or English stem (stop-words too); empty where stemming does not apply
    TokenScript script = TokenScript::other;
    TokenRole role = TokenRole::word;
    std::uint32_t position = 0;  // word position, 1-based; compounds and parts share a word's position
    bool stopword = false;
};

/// Turns UTF-8 text in Chinese, Russian, English or any mix of them into tokens:
/// normalisation (TextNormalizer), word segmentation with ICU's dictionary-based word
/// break iterator (which segments Chinese into words), stemming per script with
/// Xapian's Russian and English stemmers, and stop-word marking from the built-in lists.
///
/// Not thread-safe (ICU iterators hold state): use one analyser per thread.
class TextAnalyzer {
public:
    TextAnalyzer();

    std::vector<Token> analyze(std::string_view utf8_text);

    /// The normalised form of a single term or phrase, as stored in the index.
    std::string normalize(std::string_view utf8_text) const { return normalizer_.normalize_to_utf8(utf8_text); }

    const TextNormalizer& normalizer() const { return normalizer_; }

    /// Identifies the analysis (code revision and data). An index built with another
    /// version must be rebuilt from the store.
    static std::string version();

private:
    void emit_word(const icu::UnicodeString& text, int32_t start, int32_t end, std::uint32_t position,
                   std::vector<Token>& out);
    std::string stem_for(TokenScript script, const std::string& term);
    bool is_stopword(const std::string& term) const { return stopwords_.contains(term); }

    TextNormalizer normalizer_;
    std::unique_ptr<icu::BreakIterator> words_;
    Xapian::Stem russian_{"russian"};
    Xapian::Stem english_{"english"};
    std::unordered_set<std::string> stopwords_;
};

}  // namespace techbridge
