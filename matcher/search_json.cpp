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
    return {{"query", result.query}, {"total", result.total}, {"hits", hits}};
}

}  // namespace techbridge
