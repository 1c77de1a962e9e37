#pragma once
// Looking up thesaurus concepts by what a user types.
#include <string_view>
#include <vector>

#include "document_tagger.h"
#include "knowledge_base.h"

namespace techbridge {

/// Concepts for a query: first those the query text mentions (tagged as documents
/// are, in any language), then those whose id or any label contains the query.
/// An empty query lists every concept. `sector` (a sector id or code) narrows the list.
std::vector<const Concept*> look_up_concepts(const KnowledgeBase& knowledge, DocumentTagger& tagger,
                                             TextAnalyzer& analyzer, std::string_view query,
                                             std::string_view sector = {});

}  // namespace techbridge
