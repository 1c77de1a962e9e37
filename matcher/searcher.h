#pragma once
// Full-text search over the index, with filters, returning hits from the store.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "document.h"
#include "document_store.h"
#include "facet_counter.h"
#include "filter_terms.h"
#include "query_builder.h"
#include "snippet.h"
#include "storage_paths.h"
#include "text_analyzer.h"

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
    std::size_t total = 0;  // Xapian's estimate of all matches, exact for small collections
    std::vector<SearchHit> hits;
    std::vector<const Concept*> concepts;  // thesaurus concepts found in the query
    FacetCounts facets;  // over every match, not only this page, up to corpus/search.json's facet_count_limit
    bool facets_exact = true;  // false when there were more matches than were counted
};

/// Searches one database directory. Holds an open index, store connection and
/// analyser, none of which may be shared between threads: use one Searcher per thread.
/// Each search first catches up with the latest committed index. A sector filter may
/// be a sector id or an ISIC/OKVED2 code; a region filter an id or a place name; one
/// that names nothing known is an InvalidInputError.
class Searcher {
public:
    explicit Searcher(const StoragePaths& paths);

    SearchResult search(const SearchRequest& request);

    static constexpr std::size_t max_limit = 1000;

private:
    SearchResult run(const SearchRequest& request);

    Xapian::Database index_;
    DocumentStore store_;
    TextAnalyzer analyzer_;
    const KnowledgeBase& knowledge_ = KnowledgeBase::builtin();
    DocumentTagger tagger_{knowledge_, analyzer_};
    QueryBuilder queries_{analyzer_, knowledge_};
    SnippetGenerator snippets_{analyzer_};
    bool remote_ = false;  // some shards are served by xapian-tcpsrv
};

}  // namespace techbridge
