#pragma once
// "Did you mean": a query with its mistyped words corrected.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "knowledge_base.h"
#include "text_analyzer.h"

namespace techbridge {

/// Corrects the words of a query that no document has. A Russian or English word is
/// corrected from Xapian's spelling data (the indexed documents' words, within two edits);
/// a Chinese run of characters, of which some pair of adjacent characters no document has,
/// becomes the nearest Chinese thesaurus label (one character replaced, added or dropped)
/// that documents have, the one most documents have (激光悍接 → 激光焊接). Words documents
/// have are kept, so a query that finds what it asks for gets no suggestion.
class SpellingSuggester {
public:
    SpellingSuggester(TextAnalyzer& analyzer, const KnowledgeBase& knowledge)
        : analyzer_(analyzer), knowledge_(knowledge) {}

    /// The query with its corrections, each space-separated part corrected or kept as typed
    /// (quotes and a leading minus stay); nothing when no part needed or found one.
    std::optional<std::string> suggest(std::string_view query, const Xapian::Database& index) const;

private:
    std::optional<std::string> correct_part(std::string_view part, const Xapian::Database& index) const;
    std::optional<std::string> nearest_label(const std::u32string& run, const Xapian::Database& index) const;

    const std::vector<std::u32string>& chinese_labels() const;

    TextAnalyzer& analyzer_;
    const KnowledgeBase& knowledge_;
    mutable std::vector<std::u32string> chinese_labels_;  // normalised, two characters or more; read at first need
};

}  // namespace techbridge
