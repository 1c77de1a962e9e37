#include "filter_terms.h"

#include <algorithm>

#include "document_validation.h"
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

std::vector<Xapian::Query> filter_queries(const DocumentFilters& f, const KnowledgeBase& knowledge,
                                          DocumentTagger& tagger) {
    std::vector<Xapian::Query> filters;
    if (f.kind) filters.emplace_back(layout::boolean_term(layout::kind_prefix, to_string(*f.kind)));
    if (f.lang) filters.emplace_back(layout::boolean_term(layout::lang_prefix, to_string(*f.lang)));
    if (!f.sector.empty()) filters.push_back(sector_filter(knowledge, f.sector));
    if (!f.region.empty()) filters.push_back(region_filter(tagger, f.region));
    if (!f.cooperation.empty()) {
        const auto& types = cooperation_types();
        if (std::find(types.begin(), types.end(), f.cooperation) == types.end())
            throw InvalidInputError("cooperation: unknown cooperation type \"" + f.cooperation + "\"");
        filters.emplace_back(layout::boolean_term(layout::cooperation_prefix, f.cooperation));
    }
    if (f.trl_min || f.trl_max) {
        filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, layout::trl_slot,
                             Xapian::sortable_serialise(f.trl_min.value_or(1)),
                             Xapian::sortable_serialise(f.trl_max.value_or(9)));
    }
    return filters;
}

}  // namespace techbridge
