#pragma once
// Ties documents and queries to the knowledge base.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzed_document.h"
#include "document.h"
#include "document_tags.h"
#include "knowledge_base.h"
#include "label_index.h"
#include "text_analyzer.h"

namespace techbridge {

/// The labels of a knowledge base, indexed for matching: every label and variant of
/// every concept and place, in all three languages. Built once per knowledge base
/// and then shared, read-only, between threads.
class KnowledgeLabels {
public:
    const LabelIndex& concepts() const { return concepts_; }
    const LabelIndex& regions() const { return regions_; }

    explicit KnowledgeLabels(const KnowledgeBase& knowledge);

private:
    LabelIndex concepts_;  // targets: positions in thesaurus().concepts()
    LabelIndex regions_;   // targets: positions in regions().regions()
};

/// A thesaurus label found in text: the concepts it names (more than one where the label is
/// ambiguous) and the word positions it spans.
struct ConceptMention {
    std::vector<std::string> concept_ids;
    std::uint32_t first_position = 0;
    std::uint32_t last_position = 0;
};

/// Finds concepts and places in text with the same analysis as search (so Russian
/// inflected forms, Traditional characters and any segmentation of Chinese match),
/// and decides a document's sectors and regions: those it states when they resolve,
/// otherwise those inferred from its concepts and the places it mentions.
class DocumentTagger {
public:
    DocumentTagger(const KnowledgeBase& knowledge, TextAnalyzer& analyzer);

    DocumentTags tag(const Document& document);
    /// The same, from fields already analysed (as the indexer does, to analyse once).
    DocumentTags tag(const Document& document, const AnalyzedDocument& analyzed);

    /// Concepts mentioned in `text`, most mentioned first.
    std::vector<ConceptCount> concepts_in(std::string_view text);
    /// The same, of text already analysed.
    std::vector<ConceptCount> concepts_in(const std::vector<Token>& tokens) const;
    /// Each label found in analysed text, in order: what a query's words say as concepts.
    std::vector<ConceptMention> concept_mentions(const std::vector<Token>& tokens) const;
    /// Places mentioned in `text`, in order of mention.
    std::vector<const Region*> regions_in(std::string_view text);
    /// The province or federal subject a region field or filter names: an id ("RU-KHA",
    /// "harbin") or a place name in any language ("Хабаровск", "哈尔滨"); nullptr if none.
    const Region* resolve_region(std::string_view text);

    /// The words of `text` that no concept label covers (stop-words, numbers and codes
    /// left out): what the thesaurus misses, and what a dictionary may still bridge.
    std::vector<Token> untagged_tokens(std::string_view text);
    std::vector<Token> untagged_tokens(std::vector<Token> tokens) const;
    std::vector<std::string> untagged_words(std::string_view text);

    const KnowledgeBase& knowledge() const { return knowledge_; }

private:
    void count_concepts(const std::vector<Token>& tokens, std::vector<int>& counts) const;
    std::vector<const Region*> regions_in(const std::vector<Token>& tokens) const;

    const KnowledgeBase& knowledge_;
    const KnowledgeLabels& labels_;
    TextAnalyzer& analyzer_;
};

}  // namespace techbridge
