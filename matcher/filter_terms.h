#pragma once
// Boolean filter terms for what users type as filters, shared by search and matching.
#include <string>

#include <xapian.h>

#include "document_tagger.h"
#include "knowledge_base.h"

namespace techbridge {

/// The filter for a sector given as an id or an ISIC/OKVED2 code; InvalidInputError if unknown.
Xapian::Query sector_filter(const KnowledgeBase& knowledge, const std::string& sector);
/// The filter for a region given as an id or a place name; InvalidInputError if unknown.
Xapian::Query region_filter(DocumentTagger& tagger, const std::string& region);

}  // namespace techbridge
