#pragma once
// Use case: look concepts up in the thesaurus (by words in any language, by sector) with
// the number of stored documents tagged with each.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "knowledge_base.h"

namespace techbridge {

struct ConceptQuery {
    std::string text;    // words in any language; empty: every concept (of the sector)
    std::string sector;  // a sector id or an ISIC/OKVED2 code; empty: all sectors
};

struct ListedConcept {
    const Concept* entry = nullptr;
    std::int64_t documents = 0;  // stored documents tagged with it
};

struct ConceptListing {
    std::string sector;  // the sector id the query's sector resolved to, empty if none
    std::vector<ListedConcept> concepts;
};

/// `document_counts`: concept id → stored documents tagged with it (DocumentStore).
ConceptListing list_concepts(const KnowledgeBase& knowledge, const std::map<std::string, std::int64_t>& document_counts,
                             const ConceptQuery& query);

/// {"sector", "total", "concepts": [{"id", "broader", "sectors", "labels": {lang: preferred},
///  "variants": {lang: [every label]}, "documents"}]}, the form of /api/concepts and
/// `techbridge concepts --json`.
nlohmann::json to_json(const ConceptListing& listing);

}  // namespace techbridge
