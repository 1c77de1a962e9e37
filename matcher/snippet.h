#pragma once
// The passage of a document shown under a search hit, with the query's words marked.
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <unicode/brkiter.h>

#include "query_builder.h"
#include "text_analyzer.h"

namespace techbridge {

struct Snippet {
    std::string text;
    /// Byte ranges (offset, length) of `text` that matched the query.
    std::vector<std::pair<std::size_t, std::size_t>> highlights;
};

/// Picks the window of a text with the most distinct query words and marks them.
/// Words are compared after the same normalisation and stemming as search, so
/// "технологий" is marked for a query "технология" and 裝備 for 装备.
class SnippetGenerator {
public:
    explicit SnippetGenerator(TextAnalyzer& analyzer);

    Snippet generate(std::string_view text, const QueryTerms& terms, std::size_t max_code_points = 180);

private:
    /// The terms and stems a word of a text stands for, analysed once per word form:
    /// the same words recur from hit to hit, and analysis is the costly part.
    const std::vector<std::pair<std::string, std::string>>& analysed(const std::string& word);

    TextAnalyzer& analyzer_;
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> analysed_words_;
    std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace techbridge
