#pragma once
// What a search asks for and what it answers.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "document.h"
#include "facet_counter.h"
#include "filter_terms.h"
#include "snippet.h"
#include "thesaurus.h"

namespace techbridge {

using SearchFilters = DocumentFilters;

struct SearchRequest {
    std::string query;  // may be empty: then every document passing the filters
    SearchFilters filters;
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
};

struct SearchResult {
    std::string query;
    std::size_t offset = 0;  // the request's page
    std::size_t limit = 0;
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
};

}  // namespace techbridge
