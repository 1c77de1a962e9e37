#pragma once
// Chinese words that must stay whole wherever they occur. ICU segments the same characters
// differently in different sentences (风电叶片 alone is 风电/叶片, in a sentence it may be
// 风/电/叶/片), so a document and a query could disagree on the words they share. The
// analyser looks these words up first, in any context, and leaves the rest to ICU.
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <unicode/umachine.h>

namespace techbridge {

class KnowledgeBase;
class TextNormalizer;

class HanWordLexicon {
public:
    /// Words of at least two characters, normalised as the analyser normalises text.
    HanWordLexicon() = default;

    /// The Chinese labels of `knowledge`'s concepts and regions.
    static HanWordLexicon from_knowledge(const KnowledgeBase& knowledge, const TextNormalizer& normalizer);

    /// Adds a normalised word; words of fewer than two Han characters are ignored.
    void add(std::u32string_view word);

    /// The lengths in characters of the words that start at `chars[from]`, shortest first.
    std::vector<std::size_t> lengths_at(const std::vector<UChar32>& chars, std::size_t from) const;

    std::size_t size() const { return words_; }

private:
    struct Node {
        std::unordered_map<UChar32, std::uint32_t> next;
        bool ends_word = false;
    };
    std::vector<Node> nodes_{Node{}};
    std::size_t words_ = 0;
};

}  // namespace techbridge
