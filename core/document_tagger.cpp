#include "document_tagger.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <unordered_map>

namespace techbridge {

KnowledgeLabels::KnowledgeLabels(const KnowledgeBase& knowledge) {
    TextAnalyzer analyzer(knowledge.han_words());
    const auto& concepts = knowledge.thesaurus().concepts();
    for (std::size_t i = 0; i < concepts.size(); ++i) {
        for (const Language language : all_languages)
            for (const auto& label : concepts[i].labels.of(language))
                concepts_.add(label, static_cast<std::uint32_t>(i), analyzer);
    }
    const auto& regions = knowledge.regions().regions();
    for (std::size_t i = 0; i < regions.size(); ++i) {
        for (const Language language : all_languages)
            for (const auto& label : regions[i].labels.of(language))
                regions_.add(label, static_cast<std::uint32_t>(i), analyzer);
    }
}

DocumentTagger::DocumentTagger(const KnowledgeBase& knowledge, TextAnalyzer& analyzer)
    : knowledge_(knowledge), labels_(knowledge.labels()), analyzer_(analyzer) {}

void DocumentTagger::count_concepts(const std::vector<Token>& tokens, std::vector<int>& counts) const {
    if (tokens.empty()) return;
    const auto units = to_match_units(tokens);
    for (const auto& match : labels_.concepts().find_all(units))
        for (const auto target : *match.targets) ++counts[target];
}

namespace {

std::vector<ConceptCount> ranked_concepts(const Thesaurus& thesaurus, const std::vector<int>& counts) {
    std::vector<ConceptCount> out;
    for (std::size_t i = 0; i < counts.size(); ++i)
        if (counts[i] > 0) out.push_back({thesaurus.concepts()[i].id, counts[i]});
    std::sort(out.begin(), out.end(), [](const ConceptCount& a, const ConceptCount& b) {
        return a.count != b.count ? a.count > b.count : a.concept_id < b.concept_id;
    });
    return out;
}

}  // namespace

std::vector<ConceptCount> DocumentTagger::concepts_in(std::string_view text) {
    return concepts_in(analyzer_.analyze(text));
}

std::vector<ConceptCount> DocumentTagger::concepts_in(const std::vector<Token>& tokens) const {
    std::vector<int> counts(knowledge().thesaurus().concepts().size(), 0);
    count_concepts(tokens, counts);
    return ranked_concepts(knowledge().thesaurus(), counts);
}

std::vector<ConceptMention> DocumentTagger::concept_mentions(const std::vector<Token>& tokens) const {
    std::vector<ConceptMention> mentions;
    if (tokens.empty()) return mentions;
    const auto units = to_match_units(tokens);
    const auto& concepts = knowledge().thesaurus().concepts();
    for (const auto& match : labels_.concepts().find_all(units)) {
        ConceptMention mention{{}, units[match.begin].position, units[match.end - 1].position};
        for (const auto target : *match.targets) mention.concept_ids.push_back(concepts[target].id);
        mentions.push_back(std::move(mention));
    }
    return mentions;
}

std::vector<const Region*> DocumentTagger::regions_in(std::string_view text) {
    if (text.empty()) return {};
    return regions_in(analyzer_.analyze(text));
}

const Region* DocumentTagger::resolve_region(std::string_view text) {
    const RegionGazetteer& regions = knowledge().regions();
    if (const Region* region = regions.first_level(text)) return region;
    for (const Region* mentioned : regions_in(text))
        if (const Region* region = regions.first_level(mentioned->id)) return region;
    return nullptr;
}

std::vector<const Region*> DocumentTagger::regions_in(const std::vector<Token>& tokens) const {
    std::vector<const Region*> out;
    if (tokens.empty()) return out;
    const auto& regions = knowledge().regions().regions();
    const auto units = to_match_units(tokens);
    for (const auto& match : labels_.regions().find_all(units))
        for (const auto target : *match.targets) out.push_back(&regions[target]);
    return out;
}

std::vector<Token> DocumentTagger::untagged_tokens(std::string_view text) {
    return untagged_tokens(analyzer_.analyze(text));
}

std::vector<Token> DocumentTagger::untagged_tokens(std::vector<Token> tokens) const {
    const auto units = to_match_units(tokens);
    std::vector<bool> covered_position;
    for (const auto& match : labels_.concepts().find_all(units)) {
        for (std::size_t i = match.begin; i < match.end; ++i) {
            if (units[i].position >= covered_position.size()) covered_position.resize(units[i].position + 1, false);
            covered_position[units[i].position] = true;
        }
    }
    std::vector<Token> untagged;
    for (Token& token : tokens) {
        if (token.role != TokenRole::word || token.stopword || token.script == TokenScript::number ||
            token.script == TokenScript::other)
            continue;
        if (token.position < covered_position.size() && covered_position[token.position]) continue;
        untagged.push_back(std::move(token));
    }
    return untagged;
}

std::vector<std::string> DocumentTagger::untagged_words(std::string_view text) {
    std::vector<std::string> words;
    for (auto& token : untagged_tokens(text)) words.push_back(std::move(token.term));
    return words;
}

DocumentTags DocumentTagger::tag(const Document& document) {
    return tag(document, AnalyzedDocument::analyze(document, analyzer_));
}

DocumentTags DocumentTagger::tag(const Document& document, const AnalyzedDocument& analyzed) {
    DocumentTags tags;
    const KnowledgeBase& kb = knowledge();
    std::vector<int> counts(kb.thesaurus().concepts().size(), 0);
    count_concepts(analyzed.title, counts);
    for (const auto& keyword : analyzed.keywords) count_concepts(keyword, counts);
    count_concepts(analyzed.summary, counts);
    count_concepts(analyzed.body, counts);
    tags.concepts = ranked_concepts(kb.thesaurus(), counts);

    // Sectors: as stated when they resolve, otherwise inferred from the concepts.
    for (const auto& code : document.sectors) {
        const auto sector = kb.sectors().resolve(code);
        if (!sector) continue;
        const bool seen = std::any_of(tags.sectors.begin(), tags.sectors.end(),
                                      [&](const TaggedCode& tagged) { return tagged.id == *sector; });
        if (!seen) tags.sectors.push_back({*sector, Provenance::stated});
    }
    if (tags.sectors.empty()) {
        std::map<std::string, double> scores;
        for (const auto& mention : tags.concepts) {
            const Concept* entry = kb.thesaurus().find(mention.concept_id);
            for (const auto& sector : entry->sectors)
                scores[sector] += mention.count / static_cast<double>(entry->sectors.size());
        }
        std::vector<std::pair<std::string, double>> ranked(scores.begin(), scores.end());
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        const TaggingSettings& settings = kb.tagging();
        for (const auto& [sector, score] : ranked) {
            if (static_cast<int>(tags.sectors.size()) >= settings.max_inferred_sectors) break;
            if (score < settings.sector_min_score || score < settings.sector_share_of_top * ranked.front().second) break;
            tags.sectors.push_back({sector, Provenance::inferred});
        }
    }

    // Region: as stated (an id or a place name) when it resolves, otherwise the
    // first-level region the document mentions most, the organisation counting most.
    if (!document.region.empty()) {
        if (const Region* stated = resolve_region(document.region))
            tags.regions.push_back({stated->id, Provenance::stated});
    }
    if (tags.regions.empty()) {
        std::map<std::string, double> scores;
        std::vector<std::string> order;
        const TaggingSettings& settings = kb.tagging();
        auto score = [&](const std::vector<Token>& tokens, double weight) {
            for (const Region* mentioned : regions_in(tokens)) {
                const Region* level = kb.regions().first_level(mentioned->id);
                if (!level) continue;
                if (!scores.contains(level->id)) order.push_back(level->id);
                scores[level->id] += weight;
            }
        };
        score(analyzed.organization, settings.region_organization_weight);
        score(analyzed.title, settings.region_title_weight);
        score(analyzed.body, settings.region_body_weight);
        const std::string* best = nullptr;
        for (const auto& id : order)
            if (!best || scores[id] > scores[*best]) best = &id;
        if (best) tags.regions.push_back({*best, Provenance::inferred});
    }
    return tags;
}

}  // namespace techbridge
