#pragma once
// Turns what a user typed into a Xapian query, through the same TextAnalyzer that
// indexed the documents.
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "dictionaries.h"
#include "document_tagger.h"
#include "knowledge_base.h"
#include "text_analyzer.h"

namespace techbridge {

/// The terms a query looks for, used to rank and to highlight snippets.
struct QueryTerms {
    std::vector<std::string> words;     // unprefixed terms (words as normalised)
    std::vector<std::string> stems;     // stems of Russian and English words
    std::vector<std::string> concepts;  // thesaurus concepts the query mentions
};

struct AnalyzedQuery {
    Xapian::Query query;  // empty (MatchNothing) when the text has no searchable token
    /// The documents `query` matches, without what only ranks them: cheaper to count.
    Xapian::Query matching;
    /// The same query where any word may match: what to search when no document has every
    /// word. Empty when the query has no such choice (only phrases, or only stop-words).
    Xapian::Query relaxed;
    QueryTerms terms;
};

/// Query syntax, kept to what works the same in all three languages:
/// - words: a document has each of them, in any of the three languages: the word itself,
///   a concept whose label covers it, or its dictionary rendering. Only when no document
///   has them all does any of them match (AnalyzedQuery::relaxed). Documents with more of
///   them, and with the rarer ones, rank higher.
///   Russian and English words match all their inflected forms (stems); Chinese is
///   segmented into words; Traditional characters find Simplified text.
/// - "a phrase in quotes": the words in this order.
/// - -word or -"a phrase": documents containing it are left out.
/// Stop-words are ignored outside phrases unless the query has nothing else.
///
/// Every thesaurus concept the query mentions (in any language) is added as a group
/// of synonyms: the concept's language-independent term, its narrower concepts, and
/// its one-word labels in Chinese, Russian and English. That is what lets 激光焊接
/// find "лазерная сварка". A word no concept covers is rendered in the other languages
/// through the general dictionaries (BilingualLexicon: a weighted zh↔ru lexicon derived
/// through English), its renderings in each language one synonym group, at a lower weight
/// (corpus/search.json).
/// Which dictionary renderings are worth a posting list: those whose rarest word some
/// document of `index` has and at most `max_documents` have (no filter without an index).
struct RenderingFilter {
    const Xapian::Database* index = nullptr;
    double max_documents = 0;
};

class QueryBuilder {
public:
    /// `dictionaries`: where the renderings of words outside the thesaurus come from.
    QueryBuilder(TextAnalyzer& analyzer, const KnowledgeBase& knowledge, const Dictionaries& dictionaries)
        : analyzer_(analyzer), knowledge_(knowledge), dictionaries_(dictionaries), tagger_(knowledge, analyzer) {}

    AnalyzedQuery build(std::string_view text);

    /// The synonym group of a concept: its subtree term (the concept and all concepts under
    /// it) and its one-word labels in the three languages.
    Xapian::Query concept_query(const Concept& entry);
    /// The lean form for documents that are all tagged: the concept's subtree term, no labels.
    Xapian::Query concept_terms_query(const Concept& entry);
    /// The terms of the words of the concept's labels in one language, each once: what finds
    /// a text that writes a label's words apart or inflected ("таяние мерзлоты" for
    /// "многолетняя мерзлота") and so was not tagged with the concept.
    const std::vector<std::string>& concept_label_terms(const Concept& entry, Language language);
    /// A word's renderings in the other languages (BilingualLexicon): per language one synonym
    /// group weighted by its confidence, all scaled by `weight`; empty if none.
    Xapian::Query dictionary_query(const Token& word, double weight);
    /// The same renderings, not kept, with only those `filter` lets through; unweighted.
    Xapian::Query render_in_other_languages(const Token& word, const RenderingFilter& filter = {});

private:
    Xapian::Query words_query(const std::vector<Token>& tokens, QueryTerms& terms);
    /// Matches documents that have every word in some language (no ranking); `untagged`: the
    /// tokens no concept label covers, which dictionary renderings may stand for.
    Xapian::Query every_word_query(const std::vector<Token>& tokens, const std::vector<Token>& untagged);
    std::map<std::uint32_t, std::vector<Xapian::Query>> word_alternatives(const std::vector<Token>& tokens,
                                                                          const std::vector<Token>& untagged);
    Xapian::Query phrase_query(const std::vector<Token>& tokens, QueryTerms& terms);
    Xapian::Query rendering_query(std::string_view rendering, const RenderingFilter& filter);

    TextAnalyzer& analyzer_;
    const KnowledgeBase& knowledge_;
    const Dictionaries& dictionaries_;
    DocumentTagger tagger_;
    // Built queries depend only on the built-in data, so they are kept: matching thousands of
    // documents asks for the same concepts and words again and again.
    std::unordered_map<std::string, Xapian::Query> concept_queries_;
    std::unordered_map<std::string, Xapian::Query> dictionary_queries_;
    std::unordered_map<std::string, std::vector<std::string>> concept_label_terms_;
};

}  // namespace techbridge
