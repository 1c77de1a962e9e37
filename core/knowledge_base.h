#pragma once
// The knowledge TechBridge matches through: thesaurus, sectors, regions, code lists.
#include <span>
#include <string>
#include <vector>

#include "classification_codes.h"
#include "embedded_file.h"
#include "located_problem.h"
#include "region_gazetteer.h"
#include "sector_taxonomy.h"
#include "tagging_settings.h"
#include "thesaurus.h"

namespace techbridge {

/// The data files under corpus/ that make up the knowledge base, loaded and
/// cross-checked together.
class KnowledgeBase {
public:
    /// Loads from files named by their project-relative paths: corpus/sectors.tsv,
    /// corpus/regions.tsv, corpus/tagging.json, corpus/search.json, corpus/classifications/{isic4,okved2}.tsv and every
    /// corpus/thesaurus/*.tsv. Every problem found is appended to `problems`.
    static KnowledgeBase load(std::span<const EmbeddedFile> files, std::vector<LocatedProblem>& problems);

    /// The knowledge base compiled into this program; throws DataError if it is broken.
    static const KnowledgeBase& builtin();

    const Thesaurus& thesaurus() const { return thesaurus_; }
    const SectorTaxonomy& sectors() const { return sectors_; }
    const RegionGazetteer& regions() const { return regions_; }
    const ClassificationCodes& codes() const { return codes_; }
    const TaggingSettings& tagging() const { return tagging_; }
    const SearchSettings& search() const { return search_; }
    /// Identifies the data; an index tagged with other data must be rebuilt.
    const std::string& version() const { return version_; }

private:
    ClassificationCodes codes_;
    SectorTaxonomy sectors_;
    RegionGazetteer regions_;
    Thesaurus thesaurus_;
    TaggingSettings tagging_;
    SearchSettings search_;
    std::string version_;
};

/// The knowledge data files compiled into the binary.
std::span<const EmbeddedFile> knowledge_data_files();

}  // namespace techbridge
