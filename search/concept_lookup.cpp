#include "concept_lookup.h"

#include <algorithm>

#include <unicode/unistr.h>

#include "errors.h"
#include "index_layout.h"

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

namespace {

// What a label must hold to be near the query: each word's stem (or the word) of three
// letters or more, each pair of adjacent Chinese characters.
std::vector<std::string> probes_of(TextAnalyzer& analyzer, std::string_view query) {
    std::vector<std::string> probes;
    for (const Token& token : analyzer.analyze(query)) {
        if (token.stopword) continue;
        std::string probe;
        if (token.script == TokenScript::han) {
            if (token.role == TokenRole::bigram) probe = token.term;
        } else if (token.role == TokenRole::word) {
            probe = token.stem.empty() ? token.term : token.stem;
            if (icu::UnicodeString::fromUTF8(probe).countChar32() < 3) probe.clear();
        }
        if (!probe.empty() && std::find(probes.begin(), probes.end(), probe) == probes.end()) probes.push_back(probe);
    }
    return probes;
}

}  // namespace

std::vector<NearConcept> nearest_concepts(const KnowledgeBase& knowledge, TextAnalyzer& analyzer, std::string_view query,
                                          const Xapian::Database& index, std::size_t limit) {
    const std::vector<std::string> probes = probes_of(analyzer, query);
    std::vector<NearConcept> near;
    if (probes.empty()) return near;
    for (const auto& entry : knowledge.thesaurus().concepts()) {
        bool holds = false;
        for (const Language language : all_languages)
            for (const auto& label : entry.labels.of(language)) {
                if (holds) break;
                const std::string text = analyzer.normalize(label);
                holds = std::any_of(probes.begin(), probes.end(),
                                    [&](const std::string& probe) { return text.find(probe) != std::string::npos; });
            }
        if (!holds) continue;
        const Xapian::doccount documents =
            index.get_termfreq(index_layout::boolean_term(index_layout::concept_subtree_prefix, entry.id));
        if (documents > 0) near.push_back({&entry, documents});
    }
    std::stable_sort(near.begin(), near.end(), [](const NearConcept& a, const NearConcept& b) { return a.documents > b.documents; });
    if (near.size() > limit) near.resize(limit);
    return near;
}

}  // namespace techbridge
