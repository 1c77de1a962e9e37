#pragma once
// Full-text search over the index, with filters, returning hits from the store.
#include <cstddef>
#include <optional>

#include <xapian.h>

#include "document_store.h"
#include "query_builder.h"
#include "search_index.h"
#include "search_request.h"
#include "search_result_cache.h"
#include "snippet.h"
#include "spelling_suggestion.h"
#include "storage_paths.h"
#include "text_analyzer.h"

namespace techbridge {

/// A document of a result page as ranked: its weight and how many of the query's parts it meets.
struct RankedDocument {
    Xapian::Document document;
    double weight = 0;
    std::size_t parts_met = 0;
};

/// Searches one database directory. Holds an open index, store connection and
/// analyser, none of which may be shared between threads: use one Searcher per thread.
/// Each search first catches up with the latest committed index, and opens the new one when
/// a rebuild (`techbridge reindex`, a repair) swapped it in. A sector filter may
/// be a sector id or an ISIC/OKVED2 code; a region filter an id or a place name; one
/// that names nothing known is an InvalidInputError.
class Searcher {
public:
    /// With a cache, a request asked before of the same index revision is answered from it.
    /// `knowledge`: the thesaurus, sectors and regions queries and filters are read with (the
    /// one the index was built with); `dictionaries`: where words outside it are rendered from.
    Searcher(const StoragePaths& paths, const KnowledgeBase& knowledge, const Dictionaries& dictionaries,
             SearchResultCache* cache = nullptr);

    SearchResult search(const SearchRequest& request);

    static constexpr std::size_t max_limit = 1000;

private:
    SearchResult run(const SearchRequest& request);
    /// The request's page: the query's tiers in order (documents meeting more of its parts
    /// first), each ranked by the query; and the counts of `result`.
    std::vector<RankedDocument> find(const AnalyzedQuery& query, const SearchRequest& request, bool browsing,
                                     SearchResult& result);
    /// Counts the matches of a query of several tiers and their facets in a pass without ranking.
    void count(const AnalyzedQuery& query, SearchResult& result);
    Xapian::Enquire ranking_enquire(bool browsing, SearchOrder order) const;
    /// The page's hits from the store, each with its snippet and gloss.
    void add_hits(const std::vector<RankedDocument>& page, const QueryTerms& terms, SearchResult& result);
    /// For a request that found nothing: the nearest concepts and the looser searches.
    void offer_alternatives(const SearchRequest& request, SearchResult& result);
    /// The hit's gloss (SearchHit::concepts, sectors, regions) from the tags the store keeps.
    void add_gloss(const DocumentTags& tags, SearchHit& hit) const;
    /// The index revision, if it has one (a single local database).
    std::optional<IndexRevision> current_revision() const;

    StoragePaths paths_;
    CatchingUpIndex reader_;
    Xapian::Database& index_ = reader_.database();
    DocumentStore store_;
    TextAnalyzer analyzer_;
    const KnowledgeBase& knowledge_;
    DocumentTagger tagger_;
    QueryBuilder queries_;
    SnippetGenerator snippets_{analyzer_};
    SpellingSuggester suggester_{analyzer_, knowledge_};
    SearchResultCache* cache_;
    bool remote_ = false;  // some shards are served by xapian-tcpsrv
};

}  // namespace techbridge
