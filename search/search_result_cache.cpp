#include "search_result_cache.h"

namespace techbridge {

std::string SearchResultCache::key_of(const SearchRequest& request) {
    // Each field with its length before it, so no two requests share a key whatever their text.
    std::string key;
    auto add = [&key](std::string_view field) {
        key += std::to_string(field.size());
        key.push_back(':');
        key += field;
    };
    const DocumentFilters& f = request.filters;
    add(request.query);
    add(f.kind ? to_string(*f.kind) : "");
    add(f.lang ? to_string(*f.lang) : "");
    add(f.sector);
    add(f.region);
    add(f.trl_min ? std::to_string(*f.trl_min) : "");
    add(f.trl_max ? std::to_string(*f.trl_max) : "");
    add(f.cooperation);
    add(std::to_string(request.offset));
    add(std::to_string(request.limit));
    add(to_string(request.order));
    return key;
}

std::optional<SearchResult> SearchResultCache::find(const IndexRevision& revision, const SearchRequest& request) {
    if (capacity_ == 0) return std::nullopt;
    const std::string key = key_of(request);
    const std::lock_guard lock(mutex_);
    if (revision != revision_) return std::nullopt;
    const auto found = by_key_.find(key);
    if (found == by_key_.end()) return std::nullopt;
    recent_.splice(recent_.begin(), recent_, found->second);
    return found->second->second;
}

void SearchResultCache::keep(const IndexRevision& revision, const SearchRequest& request, const SearchResult& result) {
    if (capacity_ == 0) return;
    std::string key = key_of(request);
    const std::lock_guard lock(mutex_);
    const bool same_index = revision.database == revision_.database;
    if (same_index && revision.revision < revision_.revision) return;
    if (revision != revision_) {
        recent_.clear();
        by_key_.clear();
        revision_ = revision;
    }
    if (const auto found = by_key_.find(key); found != by_key_.end()) {
        recent_.splice(recent_.begin(), recent_, found->second);
        return;
    }
    recent_.emplace_front(key, result);
    by_key_.emplace(std::move(key), recent_.begin());
    if (recent_.size() > capacity_) {
        by_key_.erase(recent_.back().first);
        recent_.pop_back();
    }
}

}  // namespace techbridge
