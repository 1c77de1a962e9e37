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
    // The words and stems above also hold what the query's words stand for in the other
    // languages (its concepts' labels, its words' dictionary renderings), so that a snippet
    // marks "лазерной сварки" for 激光焊接.
};

/// The documents meeting exactly `parts_met` of a query's parts.
struct QueryTier {
    std::size_t parts_met = 0;
    Xapian::Query documents;
};

struct AnalyzedQuery {
    Xapian::Query query;  // empty (MatchNothing) when the text has no searchable token
    /// The documents `query` matches, without what only ranks them: cheaper to count.
    Xapian::Query matching;
    /// `matching` cut by the number of the query's parts met, most first (the first tier meets
    /// them all): the order of the results, `query` ranking within each tier. Empty when the
    /// query has no parts to meet (only phrases, or only stop-words) or has one.
    std::vector<QueryTier> tiers;
    /// What orders the documents meeting as many parts: the words, the concepts named and the
    /// renderings, weighted; it does not decide which documents match.
    Xapian::Query ranking;
    /// Any word may match: what to search when no document meets enough of the parts.
    /// Empty when the query has no such choice (only phrases, or only stop-words).
    Xapian::Query relaxed;
    std::size_t parts = 0;   // the query's parts: its words, or the groups of words a concept label covers
    std::size_t needed = 0;  // the parts a document must meet to match
    QueryTerms terms;
};


/// Query syntax, kept to what works the same in all three languages:
/// - words: each is a part a document meets in any of the three languages: the word
///   itself, a concept whose label covers it (all the words of the label are one part then),
///   or its dictionary rendering. Documents meeting every part rank first, then those
///   meeting fewer; a document must meet a clear share of them (search.json's
///   partial_share, at least one) to match. Only when none does may any word match
///   (AnalyzedQuery::relaxed). Among documents meeting as many parts, those with more of
///   the words, and with the rarer ones, rank higher.
///   Russian and English words match all their inflected forms (stems); Chinese is
///   segmented into words; Traditional characters find Simplified text.
/// - "a phrase in quotes": the words in this order.
/// - -word or -"a phrase": documents containing it are left out.
/// Stop-words are ignored outside phrases unless the query has nothing else.
///
/// Every thesaurus concept the query mentions (in any language) is added as a group
/// of synonyms: the concept's language-independent term, its narrower concepts, its
/// one-word labels in Chinese, Russian and English, and the query's words it covers (so a
/// document carrying the concept in another language ranks on the same evidence as one with
/// the words; the words count again on their own at corpus/search.json's
/// covered_word_weight). That is what lets 激光焊接 find "лазерная сварка". A word no concept covers is rendered in the other languages
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
    /// The words of each of the concept's labels of two or more Russian or English words, all
    /// of a label together, any label: what finds a text that writes the words apart
    /// ("электрообогрев лопастей ветроустановки" for "лопасть ветроустановки"); unweighted.
    Xapian::Query label_words_query(const Concept& entry);
    /// A word's renderings in the other languages (BilingualLexicon): per language one synonym
    /// group weighted by its confidence, all scaled by `weight`; empty if none.
    Xapian::Query dictionary_query(const Token& word, double weight);
    /// The same renderings, not kept, with only those `filter` lets through; unweighted.
    Xapian::Query render_in_other_languages(const Token& word, const RenderingFilter& filter = {});

private:
    Xapian::Query words_query(const std::vector<Token>& tokens, QueryTerms& terms);
    /// Appends what ranks the documents of a plain part (`tokens`; `words`, their words_query):
    /// the words no concept covers, all the words at covered_word_weight, and per concept
    /// mentioned one synonym group of the concept and the words it covers.
    void add_ranking(const std::vector<Token>& tokens, const std::vector<ConceptMention>& mentions,
                     const std::vector<Token>& untagged, const Xapian::Query& words,
                     std::vector<Xapian::Query>& ranking);
    /// The parts of a run of words, each a query a document meets by having the word in some
    /// language (no ranking).
    std::vector<Xapian::Query> part_conditions(const std::vector<Token>& tokens, const std::vector<ConceptMention>& mentions);
    /// The queries of `result` from the ranking query and the parts it must meet.
    void coordinate(AnalyzedQuery& result, const Xapian::Query& ranked, const std::vector<Xapian::Query>& required,
                    const std::vector<Xapian::Query>& parts) const;
    std::map<std::uint32_t, std::vector<Xapian::Query>> word_alternatives(const std::vector<Token>& tokens);
    Xapian::Query phrase_query(const std::vector<Token>& tokens, QueryTerms& terms);
    Xapian::Query rendering_query(std::string_view rendering, const RenderingFilter& filter);
    /// Adds to `terms` the words of other languages that `tokens` (a plain part of the query)
    /// stand for: the labels of the concepts they name, their words' dictionary renderings.
    void add_bridged_words(const std::vector<Token>& tokens, const std::vector<ConceptMention>& mentions,
                           QueryTerms& terms);
    /// The (term, stem) of each word of `text` worth marking (no stop-word, no single Han
    /// character), kept under `key`.
    const std::vector<std::pair<std::string, std::string>>& marked_words(const std::string& key,
                                                                         const std::vector<std::string>& texts);
    /// Appends what meets a concept: its synonym group and its labels' words apart.
    void add_concept(std::vector<Xapian::Query>& alternatives, const Concept& entry);

    TextAnalyzer& analyzer_;
    const KnowledgeBase& knowledge_;
    const Dictionaries& dictionaries_;
    DocumentTagger tagger_;
    // Built queries depend only on the built-in data, so they are kept: matching thousands of
    // documents asks for the same concepts and words again and again.
    std::unordered_map<std::string, Xapian::Query> concept_queries_;
    std::unordered_map<std::string, Xapian::Query> dictionary_queries_;
    std::unordered_map<std::string, std::vector<std::string>> concept_label_terms_;
    std::unordered_map<std::string, Xapian::Query> label_words_queries_;
    std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> marked_words_;
};

}  // namespace techbridge
