#pragma once
// Recent search results, shared by the searchers of a server.
#include <cstddef>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include <xapian.h>

#include "search_request.h"

namespace techbridge {

/// The results of the most recent distinct requests against one index revision: a page
/// asked again (paging back, a facet filter taken off, the same words from another user)
/// is answered without searching. A result of an older revision is never returned; the
/// first result of a newer one empties the cache. Safe to share between threads.
class SearchResultCache {
public:
    /// Holds at most `capacity` results; 0 holds none.
    explicit SearchResultCache(std::size_t capacity) : capacity_(capacity) {}

    std::optional<SearchResult> find(Xapian::rev revision, const SearchRequest& request);
    void keep(Xapian::rev revision, const SearchRequest& request, const SearchResult& result);

    std::size_t capacity() const { return capacity_; }

private:
    static std::string key_of(const SearchRequest& request);

    using Entry = std::pair<std::string, SearchResult>;
    const std::size_t capacity_;
    std::mutex mutex_;
    Xapian::rev revision_ = 0;
    std::list<Entry> recent_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace techbridge
