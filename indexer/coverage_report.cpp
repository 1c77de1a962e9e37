#include "coverage_report.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace techbridge {

std::map<std::string, LanguageCoverage> measure_coverage(DocumentStore& store, DocumentTagger& tagger,
                                                         std::size_t words_per_language) {
    std::map<std::string, LanguageCoverage> coverage;
    std::map<std::string, std::unordered_map<std::string, std::size_t>> frequencies;
    store.for_each([&](const StoredDocument& stored) {
        const Document& doc = stored.document;
        const std::string lang(to_string(doc.lang));
        LanguageCoverage& entry = coverage[lang];
        ++entry.documents;
        if (tagger.tag(doc).concepts.size() >= 3) ++entry.with_three_concepts;
        const auto words = tagger.untagged_words(doc.title + "\n" + doc.body);
        for (const auto& word : std::set<std::string>(words.begin(), words.end())) ++frequencies[lang][word];
    });
    for (auto& [lang, counts] : frequencies) {
        auto& untagged = coverage[lang].untagged;
        untagged.assign(counts.begin(), counts.end());
        std::sort(untagged.begin(), untagged.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second > b.second : a.first < b.first;
        });
        if (untagged.size() > words_per_language) untagged.resize(words_per_language);
    }
    return coverage;
}

}  // namespace techbridge
