#pragma once
// Boolean filter terms for what users type as filters, shared by search and matching.
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "document.h"

#include "document_tagger.h"
#include "knowledge_base.h"

namespace techbridge {

/// What a user narrows search results or match candidates by. Empty or unset: no filter.
struct DocumentFilters {
    std::optional<DocumentKind> kind;  // search only; matching chooses the kind itself
    std::optional<Language> lang;
    std::string sector;  // a sector id or an ISIC/OKVED2 code
    std::string region;  // a region id or a place name
    std::optional<int> trl_min;
    std::optional<int> trl_max;
    std::string cooperation;  // one of cooperation_types()
    bool operator==(const DocumentFilters&) const = default;
};

/// One query per filter set; InvalidInputError naming the filter for an unknown value.
std::vector<Xapian::Query> filter_queries(const DocumentFilters& filters, const KnowledgeBase& knowledge,
                                          DocumentTagger& tagger);

/// The filter for a sector given as an id or an ISIC/OKVED2 code; InvalidInputError if unknown.
Xapian::Query sector_filter(const KnowledgeBase& knowledge, const std::string& sector);
/// The filter for a region given as an id or a place name; InvalidInputError if unknown.
Xapian::Query region_filter(DocumentTagger& tagger, const std::string& region);

}  // namespace techbridge
