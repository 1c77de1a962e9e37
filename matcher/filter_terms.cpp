#include "filter_terms.h"

#include "errors.h"
#include "index_layout.h"

namespace techbridge {

namespace layout = index_layout;

Xapian::Query sector_filter(const KnowledgeBase& knowledge, const std::string& sector) {
    const auto resolved = knowledge.sectors().resolve(sector);
    if (!resolved)
        throw InvalidInputError("sector: unknown sector \"" + sector + "\"; use a sector id or an ISIC or OKVED2 code");
    return Xapian::Query(layout::boolean_term(layout::sector_prefix, *resolved));
}

Xapian::Query region_filter(DocumentTagger& tagger, const std::string& region) {
    const Region* resolved = tagger.resolve_region(region);
    if (!resolved)
        throw InvalidInputError("region: unknown region \"" + region +
                                "\"; use a province or federal subject code such as CN-HL or RU-KHA, or its name");
    return Xapian::Query(layout::boolean_term(layout::region_prefix, resolved->id));
}

}  // namespace techbridge
