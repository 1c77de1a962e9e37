#include "concept_listing.h"

#include "concept_lookup.h"
#include "document_tagger.h"
#include "knowledge_json.h"
#include "text_analyzer.h"

namespace techbridge {

ConceptListing list_concepts(const KnowledgeBase& knowledge, const std::map<std::string, std::int64_t>& document_counts,
                             const ConceptQuery& query) {
    TextAnalyzer analyzer(knowledge.han_words());
    DocumentTagger tagger(knowledge, analyzer);
    ConceptListing listing;
    if (!query.sector.empty()) listing.sector = knowledge.sectors().resolve(query.sector).value_or("");
    for (const Concept* entry : look_up_concepts(knowledge, tagger, analyzer, query.text, query.sector)) {
        const auto count = document_counts.find(entry->id);
        listing.concepts.push_back({entry, count == document_counts.end() ? 0 : count->second});
    }
    return listing;
}

nlohmann::json to_json(const ConceptListing& listing) {
    nlohmann::json concepts = nlohmann::json::array();
    for (const ListedConcept& listed : listing.concepts) {
        nlohmann::json item = concept_json(*listed.entry);
        nlohmann::json& variants = item["variants"] = nlohmann::json::object();
        for (const Language language : all_languages)
            variants[std::string(to_string(language))] = listed.entry->labels.of(language);
        item["documents"] = listed.documents;
        concepts.push_back(std::move(item));
    }
    return {{"sector", listing.sector}, {"total", listing.concepts.size()}, {"concepts", std::move(concepts)}};
}

}  // namespace techbridge
