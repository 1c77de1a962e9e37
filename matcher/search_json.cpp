#include "search_json.h"

#include <cmath>

#include "knowledge_json.h"

namespace techbridge {

namespace {

/// The snippet cut at its highlights, so a page can show it with text nodes only.
nlohmann::json snippet_parts(const Snippet& snippet) {
    nlohmann::json parts = nlohmann::json::array();
    std::size_t done = 0;
    for (const auto& [offset, length] : snippet.highlights) {
        if (offset < done || offset + length > snippet.text.size()) continue;
        if (offset > done) parts.push_back({{"text", snippet.text.substr(done, offset - done)}, {"hit", false}});
        parts.push_back({{"text", snippet.text.substr(offset, length)}, {"hit", true}});
        done = offset + length;
    }
    if (done < snippet.text.size()) parts.push_back({{"text", snippet.text.substr(done)}, {"hit", false}});
    return parts;
}

}  // namespace

nlohmann::json to_json(const SearchResult& result) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto& hit : result.hits) {
        nlohmann::json highlights = nlohmann::json::array();
        for (const auto& [offset, length] : hit.snippet.highlights) highlights.push_back({offset, length});
        hits.push_back({{"id", hit.id},
                        {"kind", to_string(hit.kind)},
                        {"lang", to_string(hit.lang)},
                        {"title", hit.title},
                        {"organization", hit.organization},
                        {"region", hit.region},
                        {"trl", hit.trl ? nlohmann::json(*hit.trl) : nlohmann::json()},
                        {"score", std::round(hit.score * 1000.0) / 1000.0},
                        {"snippet", hit.snippet.text},
                        {"highlights", highlights},
                        {"snippet_parts", snippet_parts(hit.snippet)}});
    }
    nlohmann::json concepts = nlohmann::json::array();
    for (const Concept* entry : result.concepts) {
        if (!entry) continue;
        concepts.push_back({{"id", entry->id}, {"labels", labels_json(entry->labels)}});
    }
    nlohmann::json facets = nlohmann::json::object();
    for (const auto& [facet, values] : result.facets) {
        nlohmann::json counts = nlohmann::json::array();
        for (const auto& [value, count] : values) counts.push_back({{"value", value}, {"count", count}});
        facets[facet] = std::move(counts);
    }
    return {{"query", result.query}, {"total", result.total}, {"hits", hits}, {"concepts", concepts},
            {"facets", facets}, {"facets_exact", result.facets_exact}, {"relaxed", result.relaxed}};
}

}  // namespace techbridge
