#pragma once
// The passage of a document shown under a search hit, with the query's words marked.
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/unistr.h>

#include "query_builder.h"
#include "text_analyzer.h"

namespace techbridge {

struct Snippet {
    std::string text;
    /// Byte ranges (offset, length) of `text` that matched the query.
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

/// What snippets look for, prepared once per search from the query's terms (which it
/// refers to, so they must outlive it): the Chinese words to find in runs of Han characters,
/// and the first letters of the other words, which rule out most words of a text unanalysed.
class SnippetQuery {
public:
    explicit SnippetQuery(const QueryTerms& terms);

    const QueryTerms& terms() const { return terms_; }
    /// Each Chinese word as text to look for, and as the term it counts as.
    const std::vector<std::pair<icu::UnicodeString, std::string>>& han_words() const { return han_words_; }
    /// Whether a word starting with these two letters (folded; {0, 0}: not Latin or Cyrillic)
    /// may be one of the query's words.
    bool may_start_word(std::pair<UChar32, UChar32> start) const;

private:
    const QueryTerms& terms_;
    std::vector<std::pair<icu::UnicodeString, std::string>> han_words_;
    std::vector<std::pair<UChar32, UChar32>> word_starts_;
};

/// Picks the window of a text with the most distinct query words and marks them.
/// Russian and English words are compared after the same normalisation and stemming as
/// search, so "технологий" is marked for a query "технология". Chinese query words are
/// found wherever their characters occur, in Simplified or Traditional writing (装备 marks
/// 裝備): the text is not segmented again, which would cost more than the search itself.
class SnippetGenerator {
public:
    explicit SnippetGenerator(TextAnalyzer& analyzer);

    Snippet generate(std::string_view text, const SnippetQuery& query, std::size_t max_code_points = 180);
    Snippet generate(std::string_view text, const QueryTerms& terms, std::size_t max_code_points = 180) {
        return generate(text, SnippetQuery(terms), max_code_points);
    }

    struct Match {
        int32_t start;
        int32_t end;
        std::string term;  // what counts as one distinct query word
    };

private:
    /// The terms and stems a word of a text stands for, analysed once per word form:
    /// the same words recur from hit to hit, and analysis is the costly part.
    const std::vector<std::pair<std::string, std::string>>& analysed(const std::string& word);
    void match_word(const icu::UnicodeString& text, int32_t start, int32_t end, const QueryTerms& terms,
                    std::vector<Match>& matches);
    void match_han_run(const icu::UnicodeString& text, int32_t start, int32_t end, const SnippetQuery& query,
                       std::vector<Match>& matches) const;

    TextAnalyzer& analyzer_;
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> analysed_words_;
    std::string word_;  // reused for each word of a text
};

}  // namespace techbridge
