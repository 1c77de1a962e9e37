#pragma once
// Builds the Xapian document for a TechBridge document.
#include <xapian.h>

#include "document.h"
#include "analyzed_document.h"
#include "document_tags.h"
#include "text_analyzer.h"
#include "thesaurus.h"

namespace techbridge {

/// Indexes a Document's fields with the shared TextAnalyzer: title, keywords,
/// summary, organisation and body as positional word terms plus stemmed terms
/// (title and keywords weighted up); its concepts as language-independent terms
/// (as often as they are mentioned) and as branches of the thesaurus (each concept with
/// all its broader ones); boolean terms for filtering (kind, language,
/// organisation, and the sectors and regions it was tagged with, stated or inferred);
/// values for ranges. The document's data is its id; the store holds everything else.
class DocumentTermGenerator {
public:
    DocumentTermGenerator(TextAnalyzer& analyzer, const Thesaurus& thesaurus) : analyzer_(analyzer), thesaurus_(thesaurus) {}

    Xapian::Document generate(const Document& document, const AnalyzedDocument& analyzed, const DocumentTags& tags);

private:
    void index_tokens(Xapian::Document& out, const std::vector<Token>& tokens, Xapian::termcount weight);

    TextAnalyzer& analyzer_;
    const Thesaurus& thesaurus_;
    Xapian::termpos next_position_ = 0;
};

}  // namespace techbridge
