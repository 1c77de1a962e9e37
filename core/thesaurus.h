#pragma once
// Technology concepts with their labels in Chinese, Russian and English.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "located_problem.h"
#include "multilingual_labels.h"
#include "sector_taxonomy.h"

namespace techbridge {

struct Concept {
    std::string id;       // stable, lowercase kebab-case ("laser-cladding")
    std::string broader;  // id of the broader concept, or ""
    std::vector<std::string> sectors;
    MultilingualLabels labels;  // preferred label first, then synonyms, abbreviations, variants
};

/// The concepts of corpus/thesaurus/*.tsv (columns id, broader, sectors, zh, ru, en;
/// labels separated by '|'). Load every file, then call finish() to check references
/// between concepts.
class Thesaurus {
public:
    void load(std::string_view path, std::string_view content, const SectorTaxonomy& sectors,
              std::vector<LocatedProblem>& problems);
    /// Checks that every broader concept exists and that broader links form no cycle.
    void finish(std::vector<LocatedProblem>& problems);

    const std::vector<Concept>& concepts() const { return concepts_; }
    const Concept* find(std::string_view id) const;
    /// Steps from the concept up to its top concept (0 for a top concept).
    int depth(std::string_view id) const;
    /// The concept's broader concepts, nearest first.
    std::vector<const Concept*> ancestors(std::string_view id) const;
    /// The concepts directly under this one (available after finish()).
    const std::vector<const Concept*>& narrower(std::string_view id) const;

private:
    struct Origin {
        std::string path;
        std::int64_t line = 0;
    };
    std::vector<Concept> concepts_;
    std::vector<Origin> origins_;
    std::unordered_map<std::string, std::size_t> by_id_;
    std::unordered_map<std::string, std::vector<const Concept*>> narrower_;
};

}  // namespace techbridge
