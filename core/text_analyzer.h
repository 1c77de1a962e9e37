#pragma once
// The one text analysis used both to index documents and to interpret queries.
// Using the same component on both sides is what keeps Chinese segmentation,
// stemming and normalisation consistent between what is stored and what is asked.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <unicode/brkiter.h>
#include <xapian.h>

#include "han_word_lexicon.h"
#include "text_normalizer.h"

namespace techbridge {

enum class TokenScript { han, cyrillic, latin, number, other };

enum class TokenRole {
    word,      // a word as segmented by ICU
    compound,  // words joined by a hyphen or slash, kept whole as well ("ту-204", "li-ion")
    part,      // the number or the unit of a glued quantity ("10мпа" gives "10" and "мпа")
    piece,     // an ICU word inside a joined lexicon word, as ICU cuts the word alone (激光焊接: 激光, 焊接)
    bigram,    // two adjacent Han characters of a run, whatever the words: recall when words differ
};

struct Token {
    std::string term;       // normalised surface form
    std::string stem;       // Russian or English stem (stop-words too); empty where stemming does not apply
    TokenScript script = TokenScript::other;
    TokenRole role = TokenRole::word;
    std::uint32_t position = 0;  // word position, 1-based; compounds, parts, pieces and bigrams share a word's position
    bool stopword = false;
    std::uint32_t han_run = 0;  // of a Han token: which run of Han characters (1-based) holds it
};

/// Turns UTF-8 text in Chinese, Russian, English or any mix of them into tokens:
/// normalisation (TextNormalizer), word segmentation with ICU's dictionary-based word
/// break iterator (which segments Chinese into words), stemming per script with
/// Xapian's Russian and English stemmers, and stop-word marking from the built-in lists.
/// In a run of Han characters, ICU's words are joined again into the longest word of a
/// HanWordLexicon (the thesaurus's Chinese labels) they form, so 风电叶片 stays one word
/// wherever ICU cut it into 风/电/叶/片; every pair of adjacent Han characters is a bigram
/// token as well, which finds a word where ICU's cut went across it.
///
/// Not thread-safe (ICU iterators hold state): use one analyser per thread.
class TextAnalyzer {
public:
    /// `lexicon` is usually KnowledgeBase::han_words() of the knowledge base in use.
    explicit TextAnalyzer(const HanWordLexicon& lexicon);

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
    struct Piece {
        int32_t start = 0, end = 0;  // UTF-16 offsets in the normalised text
    };
    void emit_han_run(const icu::UnicodeString& text, const std::vector<Piece>& pieces, std::uint32_t run,
                      std::uint32_t& position, std::vector<Token>& out);
    void emit_han_word(const std::string& term, bool from_lexicon, std::uint32_t run, std::uint32_t position,
                       std::vector<Token>& out);
    const std::vector<std::string>& pieces_of(const std::string& word);
    std::string stem_for(TokenScript script, const std::string& term);
    bool is_stopword(const std::string& term) const { return stopwords_.contains(term); }

    TextNormalizer normalizer_;
    std::unique_ptr<icu::BreakIterator> words_;
    std::unique_ptr<icu::BreakIterator> word_alone_;  // cuts a lexicon word by itself, outside any sentence
    const HanWordLexicon& lexicon_;
    std::unordered_map<std::string, std::vector<std::string>> pieces_;
    Xapian::Stem russian_{"russian"};
    Xapian::Stem english_{"english"};
    std::unordered_set<std::string> stopwords_;
};

}  // namespace techbridge
