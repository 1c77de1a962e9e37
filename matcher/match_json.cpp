#include "match_json.h"

#include "knowledge_json.h"

#include <cmath>
#include <cstdio>

namespace techbridge {
namespace {

double rounded(double value) { return std::round(value * 1000.0) / 1000.0; }

std::string percent(double value) {
    char text[16];
    std::snprintf(text, sizeof text, "%.0f%%", value * 100);
    return text;
}

std::string_view relation_name(SectorRelation relation) {
    switch (relation) {
        case SectorRelation::same: return "same";
        case SectorRelation::related: return "related";
        case SectorRelation::unrelated: return "unrelated";
    }
    return "unrelated";
}

}  // namespace

std::string shared_concepts_text(const MatchCandidate& candidate, Language source_lang) {
    std::string text;
    for (const auto& shared : candidate.concepts) {
        if (!text.empty()) text += "; ";
        text += shared.source->labels.preferred(source_lang) + " ↔ " + shared.candidate->labels.preferred(candidate.lang);
        if (shared.relation != ConceptRelation::same) text += " (" + std::string(to_string(shared.relation)) + ")";
    }
    return text;
}

nlohmann::json explain(const MatchCandidate& candidate, Language source_lang, const KnowledgeBase& knowledge,
                       std::optional<int> source_trl) {
    nlohmann::json reasons = nlohmann::json::array();
    for (const auto& component : candidate.components) {
        nlohmann::json reason = {{"factor", to_string(component.factor)},
                                 {"value", rounded(component.value)},
                                 {"weight", rounded(component.weight)},
                                 {"contribution", rounded(component.contribution())}};
        std::string text;
        if (component.factor == ScoreFactor::concepts) {
            nlohmann::json shared = nlohmann::json::array();
            for (const auto& concept_match : candidate.concepts) {
                shared.push_back({{"concept", concept_match.source->id},
                                  {"source_label", concept_match.source->labels.preferred(source_lang)},
                                  {"candidate_concept", concept_match.candidate->id},
                                  {"candidate_label", concept_match.candidate->labels.preferred(candidate.lang)},
                                  {"relation", to_string(concept_match.relation)},
                                  {"credit", rounded(concept_match.credit)}});
            }
            reason["shared"] = shared;
            text = candidate.concepts.empty() ? "no shared concepts"
                                              : "shared concepts: " + shared_concepts_text(candidate, source_lang);
        } else if (component.factor == ScoreFactor::text) {
            text = "text similarity across languages " + percent(component.value);
        } else if (component.factor == ScoreFactor::sector) {
            reason["relation"] = relation_name(candidate.sector_relation);
            reason["sectors"] = candidate.sectors;
            std::string names;
            for (const auto& id : candidate.sectors)
                if (const Sector* sector = knowledge.sectors().find(id))
                    names += (names.empty() ? "" : ", ") + sector->names.preferred(Language::en);
            text = std::string(relation_name(candidate.sector_relation)) + " sector" + (names.empty() ? "" : " (" + names + ")");
        } else if (component.factor == ScoreFactor::trl) {
            if (candidate.trl) reason["candidate_trl"] = *candidate.trl;
            if (source_trl) reason["source_trl"] = *source_trl;
            text = candidate.trl ? "readiness TRL " + std::to_string(*candidate.trl) + ": fit " + percent(component.value)
                                 : "readiness not stated";
        } else if (component.factor == ScoreFactor::cooperation) {
            reason["shared"] = candidate.shared_cooperation;
            text = component.value >= 1 ? "a cooperation type both want" : "cooperation types " + percent(component.value);
        } else if (component.factor == ScoreFactor::region) {
            const Region* region = knowledge.regions().find(candidate.region);
            reason["region"] = candidate.region;
            if (region) reason["region_labels"] = labels_json(region->labels);
            text = (region ? region->labels.preferred(Language::en) + ": " : std::string("region unknown: ")) +
                   "proximity " + percent(component.value);
        }
        reason["text"] = text;
        reasons.push_back(std::move(reason));
    }
    if (candidate.expired) reasons.push_back({{"factor", "expired"}, {"text", "the document has expired"}});
    return reasons;
}

nlohmann::json to_json(const MatchResult& result, const KnowledgeBase& knowledge) {
    nlohmann::json candidates = nlohmann::json::array();
    for (const auto& candidate : result.candidates) {
        candidates.push_back({{"id", candidate.id},
                              {"kind", to_string(candidate.kind)},
                              {"lang", to_string(candidate.lang)},
                              {"title", candidate.title},
                              {"score", rounded(candidate.score)},
                              {"expired", candidate.expired},
                              {"reasons", explain(candidate, result.source_lang, knowledge, result.source_trl)}});
    }
    // A pasted text has no id: null, not "", so a client cannot mistake it for a document.
    const nlohmann::json id = result.source_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(result.source_id);
    nlohmann::json source = {{"id", id}, {"kind", to_string(result.source_kind)}, {"lang", to_string(result.source_lang)}};
    if (!result.source_id.empty()) source["title"] = result.source_title;
    return {{"id", id},
            {"source", source},
            {"kind", to_string(result.source_kind)},
            {"lang", to_string(result.source_lang)},
            {"concepts", result.source_concepts},
            {"threshold", result.threshold},
            {"no_strong_candidate", result.no_strong_candidate},
            {"candidates", candidates}};
}

}  // namespace techbridge
