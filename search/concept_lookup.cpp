#include "concept_lookup.h"

#include <algorithm>

#include "errors.h"

namespace techbridge {

std::vector<const Concept*> look_up_concepts(const KnowledgeBase& knowledge, DocumentTagger& tagger,
                                             TextAnalyzer& analyzer, std::string_view query, std::string_view sector) {
    std::string sector_id;
    if (!sector.empty()) {
        const auto resolved = knowledge.sectors().resolve(sector);
        if (!resolved) throw InvalidInputError("sector: unknown sector \"" + std::string(sector) + "\"");
        sector_id = *resolved;
    }
    auto in_sector = [&](const Concept& entry) {
        return sector_id.empty() ||
               std::find(entry.sectors.begin(), entry.sectors.end(), sector_id) != entry.sectors.end();
    };
    std::vector<const Concept*> found;
    auto add = [&](const Concept* entry) {
        if (entry && in_sector(*entry) && std::find(found.begin(), found.end(), entry) == found.end())
            found.push_back(entry);
    };
    const std::string needle = analyzer.normalize(query);
    if (needle.find_first_not_of(" \t") == std::string::npos) {
        for (const auto& entry : knowledge.thesaurus().concepts()) add(&entry);
        return found;
    }
    for (const auto& mention : tagger.concepts_in(query)) add(knowledge.thesaurus().find(mention.concept_id));
    for (const auto& entry : knowledge.thesaurus().concepts()) {
        bool hit = entry.id.find(needle) != std::string::npos;
        for (const Language language : all_languages)
            for (const auto& label : entry.labels.of(language))
                hit = hit || analyzer.normalize(label).find(needle) != std::string::npos;
        if (hit) add(&entry);
    }
    return found;
}

}  // namespace techbridge
