#pragma once
// The sectors users filter by, with their official classification codes.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "classification_codes.h"
#include "located_problem.h"
#include "multilingual_labels.h"

namespace techbridge {

struct Sector {
    std::string id;
    MultilingualLabels names;
    std::vector<std::string> isic;     // ISIC codes the sector covers
    std::vector<std::string> okved;    // OKVED2 codes (dotted)
    std::vector<std::string> gbt4754;  // GB/T 4754-2017 divisions, where stated
    std::vector<std::string> related;  // ids of related sectors
};

enum class SectorRelation { same, related, unrelated };

/// The sector table of corpus/sectors.tsv (columns id, zh, ru, en, isic, okved2,
/// gbt4754, related). Every code is checked against the shipped code lists and every
/// relation must be symmetric.
class SectorTaxonomy {
public:
    void load(std::string_view path, std::string_view content, const ClassificationCodes& codes,
              std::vector<LocatedProblem>& problems);

    const std::vector<Sector>& sectors() const { return sectors_; }
    const Sector* find(std::string_view id) const;

    /// The sector a code stands for: a sector id (any case), an OKVED2 code such as
    /// "19.20" or an ISIC code such as "1920" (the most specific listed code that
    /// contains it), or a GB/T 4754 division such as "C25". nullopt when none fits.
    std::optional<std::string> resolve(std::string_view code) const;

    SectorRelation relation(std::string_view a, std::string_view b) const;

private:
    std::vector<Sector> sectors_;
    std::unordered_map<std::string, std::size_t> by_id_;
};

}  // namespace techbridge
