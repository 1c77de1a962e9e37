#pragma once
// How well the thesaurus covers the stored documents, to guide its growth.
#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "document_store.h"
#include "document_tagger.h"

namespace techbridge {

struct LanguageCoverage {
    std::size_t documents = 0;
    std::size_t with_three_concepts = 0;
    /// Words no concept label covers, with the number of documents they occur in, most frequent first.
    std::vector<std::pair<std::string, std::size_t>> untagged;
};

/// Tags every stored document again and counts, per language, the words outside
/// every concept label (stop-words and numbers left out) by document frequency.
std::map<std::string, LanguageCoverage> measure_coverage(DocumentStore& store, DocumentTagger& tagger,
                                                         std::size_t words_per_language);

}  // namespace techbridge
