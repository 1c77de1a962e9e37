#include "searcher.h"

#include <algorithm>

#include "errors.h"
#include "filter_terms.h"
#include "index_layout.h"
#include "search_index.h"

namespace techbridge {

namespace layout = index_layout;

Searcher::Searcher(const StoragePaths& paths, const KnowledgeBase& knowledge, const Dictionaries& dictionaries,
                   SearchResultCache* cache)
    : paths_(paths),
      reader_(paths),
      store_(paths.store_file(), StoreAccess::read_only),
      analyzer_(knowledge.han_words()),
      knowledge_(knowledge),
      tagger_(knowledge_, analyzer_),
      queries_(analyzer_, knowledge_, dictionaries),
      cache_(cache) {
    // xapian-tcpsrv cannot run a match spy it does not know, so remote shards give no facet counts.
    for (const auto& location : paths.index_shards) remote_ = remote_ || location.starts_with("tcp://");
}

SearchResult Searcher::search(const SearchRequest& request) {
    // A writer committing between our reads invalidates the old revision: reopen
    // and try again, a few times at most.
    for (int attempt = 0;; ++attempt) {
        try {
            reader_.catch_up();
            const std::optional<IndexRevision> revision = cache_ ? current_revision() : std::nullopt;
            if (revision) {
                if (auto kept = cache_->find(*revision, request)) return std::move(*kept);
            }
            SearchResult result = run(request);
            if (revision) cache_->keep(*revision, request, result);
            return result;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt >= 3) throw IndexError("the index kept changing during the search; try again");
        } catch (const Xapian::Error& error) {
            throw IndexError("search failed: " + error.get_description());
        }
    }
}

std::optional<IndexRevision> Searcher::current_revision() const {
    if (remote_ || index_.size() != 1) return std::nullopt;  // shards have no one revision
    return IndexRevision(index_.get_revision(), index_.get_uuid());
}

Xapian::MSet Searcher::find(const Xapian::Query& ranked, const Xapian::Query& matching, const SearchRequest& request,
                          bool browsing, SearchResult& result) {
    Xapian::Enquire enquire(index_);
    enquire.set_query(ranked);
    if (browsing) {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    } else {
        // Xapian's BM25 defaults but for b, the weight of a document's length.
        enquire.set_weighting_scheme(Xapian::BM25Weight(1, 0, 1, knowledge_.search().length_normalization, 0.5));
    }
    const std::size_t limit = std::min(request.limit, max_limit);
    const auto counted_limit = static_cast<Xapian::doccount>(knowledge_.search().facet_count_limit);
    // Without a counting pass (remote shards), the ranked pass checks enough matches for a true total.
    Xapian::MSet matches = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                            static_cast<Xapian::doccount>(limit), remote_ ? counted_limit : 0);
    result.total = matches.get_matches_estimated();
    result.facets = {};
    result.facets_exact = false;
    if (!remote_) {
        // Counting is a second pass without ranking: it must see every match, which the
        // ranked pass, stopping once no other document can reach the page, never does.
        Xapian::Enquire counting(index_);
        counting.set_query(matching);
        counting.set_weighting_scheme(Xapian::BoolWeight());
        FacetCounter facets(FacetTable::current(index_));
        counting.add_matchspy(&facets);
        const Xapian::MSet counted = counting.get_mset(0, 0, counted_limit);
        result.total = counted.get_matches_estimated();
        result.facets = facets.counts();
        result.facets_exact =
            counted.get_matches_lower_bound() == counted.get_matches_upper_bound() && result.total <= counted_limit;
    }
    return matches;
}

SearchResult Searcher::run(const SearchRequest& request) {
    SearchResult result;
    result.query = request.query;
    result.offset = request.offset;
    result.limit = request.limit;
    AnalyzedQuery analyzed = queries_.build(request.query);
    const bool browsing = analyzed.query.empty();
    if (browsing) {
        const bool only_spaces = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
        if (!only_spaces) return result;  // words that cannot match anything (e.g. only punctuation)
        analyzed.query = analyzed.matching = Xapian::Query::MatchAll;
    }

    for (const auto& id : analyzed.terms.concepts) result.concepts.push_back(knowledge_.thesaurus().find(id));
    const std::vector<Xapian::Query> filters = filter_queries(request.filters, knowledge_, tagger_);
    auto filtered = [&](const Xapian::Query& wanted) {
        if (filters.empty()) return wanted;
        return Xapian::Query(Xapian::Query::OP_FILTER, wanted,
                             Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    };
    Xapian::MSet matches = find(filtered(analyzed.query), filtered(analyzed.matching), request, browsing, result);
    if (result.total == 0 && !analyzed.relaxed.empty()) {
        result.relaxed = true;
        matches = find(filtered(analyzed.relaxed), filtered(analyzed.relaxed), request, browsing, result);
    }
    const SnippetQuery marked(analyzed.terms);
    for (auto it = matches.begin(); it != matches.end(); ++it) {
        const std::string id = it.get_document().get_data();
        auto stored = store_.summary(id);
        if (!stored) continue;  // removed from the store after the index was read
        SearchHit hit;
        hit.id = id;
        hit.kind = stored->kind;
        hit.lang = stored->lang;
        hit.title = std::move(stored->title);
        hit.organization = std::move(stored->organization);
        hit.region = std::move(stored->region);
        hit.trl = stored->trl;
        hit.score = it.get_weight();
        hit.snippet = snippets_.generate(stored->body, marked);
        result.hits.push_back(std::move(hit));
    }
    return result;
}

}  // namespace techbridge
