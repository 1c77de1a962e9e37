#include "search_json.h"

#include <cmath>

#include "knowledge_json.h"

namespace techbridge {

namespace {

/// The snippet cut at its highlights, so a page can show it with text nodes only.
nlohmann::json snippet_parts(const Snippet& snippet) {
    nlohmann::json parts = nlohmann::json::array();
    auto part = [&parts](std::string text, bool hit) {
        nlohmann::json& added = parts.emplace_back(nlohmann::json::object());
        added["text"] = std::move(text);
        added["hit"] = hit;
    };
    std::size_t done = 0;
    for (const auto& [offset, length] : snippet.highlights) {
        if (offset < done || offset + length > snippet.text.size()) continue;
        if (offset > done) part(snippet.text.substr(done, offset - done), false);
        part(snippet.text.substr(offset, length), true);
        done = offset + length;
    }
    if (done < snippet.text.size()) part(snippet.text.substr(done), false);
    return parts;
}

// {"id", "labels"}: what a page shows of a concept the query or a hit names.
nlohmann::json named_concept_json(const Concept& entry) {
    nlohmann::json out = nlohmann::json::object();
    out["id"] = entry.id;
    out["labels"] = labels_json(entry.labels);
    return out;
}

// Objects are filled member by member: an initializer list would copy every nested value,
// and this runs for every search the server answers.
nlohmann::json hit_json(const SearchHit& hit) {
    nlohmann::json out = nlohmann::json::object();
    out["id"] = hit.id;
    out["kind"] = to_string(hit.kind);
    out["lang"] = to_string(hit.lang);
    out["title"] = hit.title;
    out["organization"] = hit.organization;
    out["region"] = hit.region;
    out["trl"] = hit.trl ? nlohmann::json(*hit.trl) : nlohmann::json();
    out["score"] = std::round(hit.score * 1000.0) / 1000.0;
    out["parts_met"] = hit.parts_met;
    out["snippet"] = hit.snippet.text;
    nlohmann::json& highlights = out["highlights"] = nlohmann::json::array();
    for (const auto& [offset, length] : hit.snippet.highlights) {
        nlohmann::json& pair = highlights.emplace_back(nlohmann::json::array());
        pair.emplace_back(offset);
        pair.emplace_back(length);
    }
    out["snippet_parts"] = snippet_parts(hit.snippet);
    out["published"] = hit.published.empty() ? nlohmann::json() : nlohmann::json(hit.published);
    nlohmann::json& translations = out["translations"] = nlohmann::json::object();
    for (const Translation& translation : hit.translations) {
        nlohmann::json& added = translations[std::string(to_string(translation.lang))] = nlohmann::json::object();
        if (!translation.title.empty()) added["title"] = translation.title;
        if (!translation.summary.empty()) added["summary"] = translation.summary;
    }
    nlohmann::json& gloss = out["gloss"] = nlohmann::json::object();
    nlohmann::json& concepts = gloss["concepts"] = nlohmann::json::array();
    for (const Concept* entry : hit.concepts) concepts.push_back(named_concept_json(*entry));
    gloss["sectors"] = hit.sectors;
    gloss["regions"] = hit.regions;
    return out;
}

}  // namespace

nlohmann::json to_json(const SearchResult& result) {
    nlohmann::json out = nlohmann::json::object();
    out["query"] = result.query;
    out["total"] = result.total;
    out["complete"] = result.complete;
    out["partial"] = result.partial;
    out["parts"] = result.parts;
    out["offset"] = result.offset;
    out["limit"] = result.limit;
    nlohmann::json& hits = out["hits"] = nlohmann::json::array();
    for (const auto& hit : result.hits) hits.push_back(hit_json(hit));
    nlohmann::json& concepts = out["concepts"] = nlohmann::json::array();
    for (const Concept* entry : result.concepts)
        if (entry) concepts.push_back(named_concept_json(*entry));
    nlohmann::json& facets = out["facets"] = nlohmann::json::object();
    for (const auto& [facet, values] : result.facets) {
        nlohmann::json& counts = facets[facet] = nlohmann::json::array();
        for (const auto& [value, count] : values) {
            nlohmann::json& entry = counts.emplace_back(nlohmann::json::object());
            entry["value"] = value;
            entry["count"] = count;
        }
    }
    out["facets_exact"] = result.facets_exact;
    out["relaxed"] = result.relaxed;
    out["order"] = to_string(result.order);
    if (result.suggestion) out["suggestion"] = *result.suggestion;
    nlohmann::json& nearest = out["nearest_concepts"] = nlohmann::json::array();
    for (const NearConcept& near : result.nearest_concepts) {
        nlohmann::json& added = nearest.emplace_back(named_concept_json(*near.entry));
        added["documents"] = near.documents;
    }
    nlohmann::json& looser = out["looser"] = nlohmann::json::array();
    for (const LooserSearch& search : result.looser) {
        nlohmann::json& added = looser.emplace_back(nlohmann::json::object());
        added["query"] = search.query;
        added["without_filters"] = search.without_filters;
        added["total"] = search.total;
    }
    return out;
}

}  // namespace techbridge
