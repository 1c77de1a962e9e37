#include "searcher.h"

#include <algorithm>

#include "boolean_form.h"
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

Xapian::Enquire Searcher::ranking_enquire(bool browsing, SearchOrder order) const {
    Xapian::Enquire enquire(index_);
    if (browsing) {
        enquire.set_weighting_scheme(Xapian::BoolWeight());
    } else {
        // Xapian's BM25 defaults but for b, the weight of a document's length.
        enquire.set_weighting_scheme(Xapian::BM25Weight(1, 0, 1, knowledge_.search().length_normalization, 0.5));
    }
    // Highest first; a document without the value has an empty one, which sorts last.
    if (order == SearchOrder::trl) enquire.set_sort_by_value_then_relevance(layout::trl_slot, true);
    if (order == SearchOrder::published) enquire.set_sort_by_value_then_relevance(layout::published_slot, true);
    return enquire;
}

namespace {

void append(std::vector<RankedDocument>& page, const Xapian::MSet& matches, std::size_t parts_met) {
    for (auto it = matches.begin(); it != matches.end(); ++it) page.push_back({it.get_document(), it.get_weight(), parts_met});
}

}  // namespace

std::vector<RankedDocument> Searcher::find(const AnalyzedQuery& query, const SearchRequest& request,
                                                     bool browsing, SearchResult& result) {
    Xapian::Enquire enquire = ranking_enquire(browsing, request.order);
    const std::size_t limit = std::min(request.limit, max_limit);
    const auto counted_limit = static_cast<Xapian::doccount>(knowledge_.search().facet_count_limit);
    result.facets = {};
    result.facets_exact = false;
    std::vector<RankedDocument> page;
    if (query.tiers.empty()) {
        // One pass ranks the page and counts: checking every match up to the limit, it sees
        // what a counting pass would (xapian-tcpsrv runs no facet counter: shards give none).
        enquire.set_query(query.query);
        FacetCounter facets(remote_ ? nullptr : FacetTable::current(index_));
        if (!remote_) enquire.add_matchspy(&facets);
        const Xapian::MSet matches =
            enquire.get_mset(static_cast<Xapian::doccount>(request.offset), static_cast<Xapian::doccount>(limit), counted_limit);
        result.total = matches.get_matches_estimated();
        if (!remote_) {
            result.facets = facets.counts();
            result.facets_exact = matches.get_matches_lower_bound() == matches.get_matches_upper_bound() &&
                                  result.total <= counted_limit;
        }
        append(page, matches, query.parts);
        result.complete = result.total;
        result.partial = 0;
        return page;
    }
    if (!remote_) count(query, result);
    std::size_t skipped = request.offset;  // of the page's offset, what the tiers before passed
    std::size_t tiers_total = 0;
    for (const QueryTier& tier : query.tiers) {
        const bool first = tier.parts_met == query.parts;
        if (page.size() >= limit && !first && !remote_) break;  // the counts are known, the page is full
        // The tier's documents all match: ranking them needs no second look at `matching`. The
        // ranked pass checks enough of them to count the tier too.
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, tier.documents, 0), query.ranking));
        const std::size_t wanted = page.size() >= limit ? 0 : limit - page.size();
        const Xapian::MSet matches =
            enquire.get_mset(static_cast<Xapian::doccount>(skipped), static_cast<Xapian::doccount>(wanted), counted_limit);
        const std::size_t in_tier = matches.get_matches_estimated();
        tiers_total += in_tier;
        if (first) result.complete = in_tier;
        append(page, matches, tier.parts_met);
        skipped -= std::min(skipped, in_tier);
    }
    if (remote_) result.total = tiers_total;
    result.partial = result.total - std::min(result.complete, result.total);
    return page;
}

void Searcher::count(const AnalyzedQuery& query, SearchResult& result) {
    // Counting a query of tiers is a pass of its own without ranking: it must see every
    // match, which the tiers' ranked passes, each stopping once no other document can reach
    // the page, never do.
    const auto counted_limit = static_cast<Xapian::doccount>(knowledge_.search().facet_count_limit);
    Xapian::Enquire counting(index_);
    counting.set_query(query.matching);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    FacetCounter facets(FacetTable::current(index_));
    counting.add_matchspy(&facets);
    const Xapian::MSet counted = counting.get_mset(0, 0, counted_limit);
    result.total = counted.get_matches_estimated();
    result.facets = facets.counts();
    result.facets_exact =
        counted.get_matches_lower_bound() == counted.get_matches_upper_bound() && result.total <= counted_limit;
}

SearchResult Searcher::run(const SearchRequest& request) {
    SearchResult result;
    result.query = request.query;
    result.offset = request.offset;
    result.limit = request.limit;
    result.order = request.order;
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
    AnalyzedQuery wanted = analyzed;
    for (Xapian::Query* query : {&wanted.query, &wanted.matching}) *query = filtered(*query);
    for (QueryTier& tier : wanted.tiers) tier.documents = filtered(tier.documents);
    result.parts = analyzed.parts;
    std::vector<RankedDocument> page = find(wanted, request, browsing, result);
    if (result.total == 0 && !analyzed.relaxed.empty()) {
        result.relaxed = true;
        wanted.query = filtered(analyzed.relaxed);
        wanted.matching = boolean_form(wanted.query);
        wanted.tiers.clear();
        wanted.parts = 0;
        page = find(wanted, request, browsing, result);
        result.complete = 0;
        result.partial = result.total;
    }
    if (!browsing && (result.total == 0 || result.relaxed || result.complete == 0))
        result.suggestion = suggester_.suggest(request.query, index_);
    if (!browsing && result.total == 0 && request.limit > 0) offer_alternatives(request, result);
    add_hits(page, analyzed.terms, result);
    return result;
}

void Searcher::add_hits(const std::vector<RankedDocument>& page, const QueryTerms& terms, SearchResult& result) {
    const SnippetQuery marked(terms);
    const SqliteReadSnapshot snapshot = store_.read_snapshot();  // the page's documents as of one moment
    std::vector<std::string> ids;
    for (const RankedDocument& ranked : page) ids.push_back(ranked.document.get_data());
    std::map<std::string, DocumentTags> tags = store_.tags_of(ids);
    for (std::size_t i = 0; i < page.size(); ++i) {
        const RankedDocument& ranked = page[i];
        const std::string& id = ids[i];
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
        hit.parts_met = ranked.parts_met;
        hit.score = ranked.weight;
        hit.snippet = snippets_.generate(stored->body, marked);
        hit.published = std::move(stored->published);
        hit.translations = std::move(stored->translations);
        add_gloss(tags[id], hit);
        result.hits.push_back(std::move(hit));
    }
}

void Searcher::offer_alternatives(const SearchRequest& request, SearchResult& result) {
    result.nearest_concepts = nearest_concepts(knowledge_, analyzer_, request.query, index_,
                                               static_cast<std::size_t>(knowledge_.search().nearest_concepts));
    auto count = [this](std::string query, const SearchFilters& filters) {
        SearchRequest looser;
        looser.query = std::move(query);
        looser.filters = filters;
        looser.limit = 0;  // counts only, and offers no alternatives of its own
        return run(looser).total;
    };
    if (request.filters != SearchFilters{}) {
        if (const std::size_t total = count(request.query, {})) result.looser.push_back({request.query, true, total});
    }
    std::vector<std::string> words;
    for (std::size_t start = 0; start < request.query.size();) {
        const std::size_t end = std::min(request.query.find_first_of(" \t", start), request.query.size());
        if (end > start && request.query[start] != '-') words.push_back(request.query.substr(start, end - start));
        start = end + 1;
    }
    if (words.size() < 2) return;
    for (const auto& word : words)
        if (const std::size_t total = count(word, request.filters)) result.looser.push_back({word, false, total});
}

void Searcher::add_gloss(const DocumentTags& tags, SearchHit& hit) const {
    for (const ConceptCount& mentioned : tags.concepts) {  // most mentioned first
        if (hit.concepts.size() >= static_cast<std::size_t>(knowledge_.search().gloss_concepts)) break;
        if (const Concept* entry = knowledge_.thesaurus().find(mentioned.concept_id)) hit.concepts.push_back(entry);
    }
    for (const TaggedCode& sector : tags.sectors) hit.sectors.push_back(sector.id);
    for (const TaggedCode& region : tags.regions) hit.regions.push_back(region.id);
}

}  // namespace techbridge
