#include "document_json.h"

#include "knowledge_json.h"

namespace techbridge {

nlohmann::json to_json(const StoredDocument& stored, const DocumentTags& tags, const KnowledgeBase& knowledge) {
    nlohmann::json concepts = nlohmann::json::array();
    for (const auto& mention : tags.concepts) {
        nlohmann::json entry = {{"id", mention.concept_id}, {"mentions", mention.count}};
        if (const Concept* known = knowledge.thesaurus().find(mention.concept_id))
            entry["labels"] = labels_json(known->labels);
        concepts.push_back(std::move(entry));
    }
    nlohmann::json sectors = nlohmann::json::array();
    for (const auto& sector : tags.sectors) {
        nlohmann::json entry = {{"id", sector.id}, {"provenance", to_string(sector.provenance)}};
        if (const Sector* known = knowledge.sectors().find(sector.id)) entry["labels"] = labels_json(known->names);
        sectors.push_back(std::move(entry));
    }
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& region : tags.regions) {
        nlohmann::json entry = {{"id", region.id}, {"provenance", to_string(region.provenance)}};
        if (const Region* known = knowledge.regions().find(region.id)) entry["labels"] = labels_json(known->labels);
        regions.push_back(std::move(entry));
    }
    return {{"document", stored.document.to_json()},
            {"lang_detected", stored.document.lang_detected},
            {"revision", stored.revision},
            {"updated_at", stored.updated_at},
            {"source", {{"path", stored.source.path}, {"line", stored.source.line}}},
            {"concepts", concepts},
            {"sectors", sectors},
            {"regions", regions}};
}

}  // namespace techbridge
