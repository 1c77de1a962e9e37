#pragma once
// What a search asks for and what it answers.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "concept_lookup.h"
#include "document.h"
#include "facet_counter.h"
#include "filter_terms.h"
#include "snippet.h"
#include "thesaurus.h"

namespace techbridge {

using SearchFilters = DocumentFilters;

/// The order of a result page. Documents meeting more of the query's parts come first in
/// every order; among as many parts, `trl` puts the highest TRL first and `published` the
/// newest, each then by relevance, and documents without the value last.
enum class SearchOrder { relevance, trl, published };

std::string_view to_string(SearchOrder order);
/// "relevance", "trl" or "published"; nullopt for anything else.
std::optional<SearchOrder> parse_search_order(std::string_view text);

struct SearchRequest {
    std::string query;  // may be empty: then every document passing the filters
    SearchFilters filters;
    SearchOrder order = SearchOrder::relevance;
    std::size_t offset = 0;
    std::size_t limit = 10;
};

struct SearchHit {
    std::string id;
    DocumentKind kind = DocumentKind::offer;
    Language lang = Language::en;
    std::string title;
    std::string organization;
    std::string region;  // as stated by the document
    std::optional<int> trl;
    double score = 0;  // Xapian's BM25 weight of the words; larger is better (within as many parts met)
    std::size_t parts_met = 0;  // of the query's parts (SearchResult::parts), how many this document meets
    Snippet snippet;
    // The gloss, what a reader of another language reads the hit by: the concepts the
    // document mentions most (at most corpus/search.json's gloss_concepts), its sectors and its regions as tagged.
    std::vector<const Concept*> concepts;
    std::vector<std::string> sectors;
    std::vector<std::string> regions;
    std::string published;  // ISO date, or empty
    std::vector<Translation> translations;  // the author's own title and summary in other languages
};

/// A search that finds what a query of no results did not: `query` with `filters`.
struct LooserSearch {
    std::string query;
    bool without_filters = false;  // the request's filters dropped (else kept)
    std::size_t total = 0;
};

struct SearchResult {
    std::string query;
    std::size_t offset = 0;  // the request's page
    std::size_t limit = 0;
    SearchOrder order = SearchOrder::relevance;
    std::size_t total = 0;  // Xapian's estimate of all matches, exact for small collections
    std::size_t complete = 0;  // of those, the documents meeting every part of the query
    std::size_t partial = 0;   // the others: meeting enough of the parts, not all
    std::size_t parts = 0;     // the query's parts (words, or words a concept label covers together)
    std::vector<SearchHit> hits;
    std::vector<const Concept*> concepts;  // thesaurus concepts found in the query
    FacetCounts facets;  // over every match, not only this page, up to corpus/search.json's facet_count_limit
    bool facets_exact = true;  // false when there were more matches than were counted
    bool relaxed = false;      // no document met enough parts of the query: these have some of its words
    /// The query with its mistyped words corrected (SpellingSuggester), when it had some.
    std::optional<std::string> suggestion;
    // When nothing matched: the concepts nearest the query, and looser searches that find
    // something (a word of the query alone, the query without its filters).
    std::vector<NearConcept> nearest_concepts;
    std::vector<LooserSearch> looser;
};

}  // namespace techbridge
