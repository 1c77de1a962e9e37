#pragma once
// The knowledge TechBridge matches through: thesaurus, sectors, regions, code lists.
#include <memory>
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

class HanWordLexicon;
class KnowledgeLabels;

/// The data files under corpus/ that make up the knowledge base, loaded and
/// cross-checked together.
class KnowledgeBase {
public:
    KnowledgeBase();
    KnowledgeBase(KnowledgeBase&&) noexcept;
    KnowledgeBase& operator=(KnowledgeBase&&) noexcept;
    ~KnowledgeBase();

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

    // Derived from the data at first use and kept with it (safe to ask from several threads):
    // every analyser and tagger built on this knowledge base shares them.
    /// The Chinese words the analyser keeps whole: its concepts' and regions' Chinese labels.
    const HanWordLexicon& han_words() const;
    /// Its concepts' and regions' labels in every language, as analysed word sequences.
    const KnowledgeLabels& labels() const;

private:
    struct Derived;
    std::unique_ptr<Derived> derived_;
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
