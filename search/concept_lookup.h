#pragma once
// Looking up thesaurus concepts by what a user types.
#include <string_view>
#include <vector>

#include <xapian.h>

#include "document_tagger.h"
#include "knowledge_base.h"

namespace techbridge {

/// Concepts for a query: first those the query text mentions (tagged as documents
/// are, in any language), then those whose id or any label contains the query.
/// An empty query lists every concept. `sector` (a sector id or code) narrows the list.
std::vector<const Concept*> look_up_concepts(const KnowledgeBase& knowledge, DocumentTagger& tagger,
                                             TextAnalyzer& analyzer, std::string_view query,
                                             std::string_view sector = {});

/// A concept near a query that found nothing, and how many documents carry it.
struct NearConcept {
    const Concept* entry = nullptr;
    std::size_t documents = 0;
};

/// For a query that found nothing: the concepts with a label holding one of its words' stems
/// (Russian, English) or two of its adjacent Chinese characters, among those documents of
/// `index` carry, the most carried first, at most `limit`.
std::vector<NearConcept> nearest_concepts(const KnowledgeBase& knowledge, TextAnalyzer& analyzer, std::string_view query,
                                          const Xapian::Database& index, std::size_t limit);

}  // namespace techbridge
