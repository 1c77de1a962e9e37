#include "service_meta.h"

#include "document.h"
#include "document_validation.h"
#include "knowledge_json.h"
#include "language.h"

namespace techbridge {

nlohmann::json meta_json(const KnowledgeBase& knowledge, const std::string& ui_language) {
    nlohmann::json sectors = nlohmann::json::array();
    for (const auto& sector : knowledge.sectors().sectors()) sectors.push_back(sector_json(sector));
    nlohmann::json regions = nlohmann::json::array();
    for (const auto& region : knowledge.regions().regions()) regions.push_back(region_json(region, knowledge.regions()));
    nlohmann::json kinds = nlohmann::json::array();
    for (const DocumentKind kind : {DocumentKind::offer, DocumentKind::demand, DocumentKind::knowledge})
        kinds.push_back(to_string(kind));
    nlohmann::json languages = nlohmann::json::array();
    for (const Language language : all_languages) languages.push_back(to_string(language));
    return {{"ui_language", ui_language},
            {"sectors", sectors},
            {"regions", regions},
            {"cooperation_types", cooperation_types()},
            {"kinds", kinds},
            {"languages", languages}};
}

nlohmann::json to_json(const HealthReport& health) {
    if (!health.store_problem.empty())
        return {{"status", "store_unavailable"},
                {"error", {{"code", "store_unavailable"}, {"message", health.store_problem}}},
                {"dictionaries", health.dictionaries}};
    nlohmann::json out = {{"status", "ok"}, {"documents", health.documents}, {"dictionaries", health.dictionaries}};
    if (health.indexing) {
        const StartupIndexingProgress& progress = *health.indexing;
        nlohmann::json& indexing = out["indexing"] = {
            {"state", to_string(progress.state)}, {"pending", progress.pending}, {"done", progress.done}};
        if (!progress.message.empty()) indexing["message"] = progress.message;
    }
    return out;
}

}  // namespace techbridge
