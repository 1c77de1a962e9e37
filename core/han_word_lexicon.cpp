#include "han_word_lexicon.h"

#include <unicode/uscript.h>
#include <unicode/unistr.h>

#include "knowledge_base.h"
#include "text_normalizer.h"

namespace techbridge {
namespace {

bool all_han(std::u32string_view word) {
    for (const char32_t c : word) {
        UErrorCode status = U_ZERO_ERROR;
        if (uscript_getScript(static_cast<UChar32>(c), &status) != USCRIPT_HAN) return false;
    }
    return true;
}

void add_labels(HanWordLexicon& lexicon, const MultilingualLabels& labels, const TextNormalizer& normalizer) {
    for (const auto& label : labels.of(Language::zh)) lexicon.add(code_points(normalizer.normalize(label)));
}

}  // namespace

void HanWordLexicon::add(std::u32string_view word) {
    if (word.size() < 2 || !all_han(word)) return;
    std::uint32_t node = 0;
    for (const char32_t c : word) {
        const auto key = static_cast<UChar32>(c);
        const auto found = nodes_[node].next.find(key);
        if (found != nodes_[node].next.end()) {
            node = found->second;
            continue;
        }
        const auto created = static_cast<std::uint32_t>(nodes_.size());
        nodes_[node].next.emplace(key, created);
        nodes_.emplace_back();
        node = created;
    }
    if (!nodes_[node].ends_word) ++words_;
    nodes_[node].ends_word = true;
}

std::vector<std::size_t> HanWordLexicon::lengths_at(const std::vector<UChar32>& chars, std::size_t from) const {
    std::vector<std::size_t> lengths;
    std::uint32_t node = 0;
    for (std::size_t i = from; i < chars.size(); ++i) {
        const auto found = nodes_[node].next.find(chars[i]);
        if (found == nodes_[node].next.end()) break;
        node = found->second;
        if (nodes_[node].ends_word) lengths.push_back(i + 1 - from);
    }
    return lengths;
}

HanWordLexicon HanWordLexicon::from_knowledge(const KnowledgeBase& knowledge, const TextNormalizer& normalizer) {
    HanWordLexicon lexicon;
    for (const auto& entry : knowledge.thesaurus().concepts()) add_labels(lexicon, entry.labels, normalizer);
    for (const auto& region : knowledge.regions().regions()) add_labels(lexicon, region.labels, normalizer);
    return lexicon;
}

}  // namespace techbridge
