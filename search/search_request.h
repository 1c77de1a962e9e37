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
    double score = 0;  // Xapian's BM25 weight; larger is better
    Snippet snippet;
};

struct SearchResult {
    std::string query;
    std::size_t offset = 0;  // the request's page
    std::size_t limit = 0;
    std::size_t total = 0;  // Xapian's estimate of all matches, exact for small collections
    std::vector<SearchHit> hits;
    std::vector<const Concept*> concepts;  // thesaurus concepts found in the query
    FacetCounts facets;  // over every match, not only this page, up to corpus/search.json's facet_count_limit
    bool facets_exact = true;  // false when there were more matches than were counted
    bool relaxed = false;      // no document had every word of the query: these have some of them
};

}  // namespace techbridge
