#include "search_json.h"

#include <cmath>

namespace techbridge {

nlohmann::json to_json(const SearchResult& result) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : result.hits) {
        nlohmann::json highlights = nlohmann::json::array();
        for (const auto& [offset, length] : hit.snippet.highlights) highlights.push_back({offset, length});
        hits.push_back({{"id", hit.id},
                        {"kind", to_string(hit.kind)},
                        {"lang", to_string(hit.lang)},
                        {"title", hit.title},
                        {"score", std::round(hit.score * 1000.0) / 1000.0},
                        {"snippet", hit.snippet.text},
                        {"highlights", highlights}});
    }
    nlohmann::json concepts = nlohmann::json::array();
    for (const Concept* entry : result.concepts) {
        if (!entry) continue;
        nlohmann::json labels = nlohmann::json::object();
        for (const Language language : all_languages)
            labels[std::string(to_string(language))] = entry->labels.preferred(language);
        concepts.push_back({{"id", entry->id}, {"labels", labels}});
    }
    return {{"query", result.query}, {"total", result.total}, {"hits", hits}, {"concepts", concepts}};
}

}  // namespace techbridge
