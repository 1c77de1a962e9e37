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

/// Which committed state of which index a result was found in. Xapian's revision counts the
/// commits of one database; an index rebuilt by `techbridge reindex` is a new database (with
/// a new UUID) that counts from the start again, so the revision alone could match a result
/// of the old index.
struct IndexRevision {
    IndexRevision(Xapian::rev commit, std::string database_uuid = {})  // implicit: a revision of "the" index
        : revision(commit), database(std::move(database_uuid)) {}
    Xapian::rev revision = 0;
    std::string database;
    bool operator==(const IndexRevision&) const = default;
};

/// The results of the most recent distinct requests against one index revision: a page
/// asked again (paging back, a facet filter taken off, the same words from another user)
/// is answered without searching. A result of an older revision is never returned; the
/// first result of a newer one empties the cache. Safe to share between threads.
class SearchResultCache {
public:
    /// Holds at most `capacity` results; 0 holds none.
    explicit SearchResultCache(std::size_t capacity) : capacity_(capacity) {}

    std::optional<SearchResult> find(const IndexRevision& revision, const SearchRequest& request);
    /// Keeps a result; one of an older revision of the same index is dropped, and one of
    /// another index (rebuilt, or a reader not yet caught up with the rebuild) replaces all.
    void keep(const IndexRevision& revision, const SearchRequest& request, const SearchResult& result);

    std::size_t capacity() const { return capacity_; }

private:
    static std::string key_of(const SearchRequest& request);

    using Entry = std::pair<std::string, SearchResult>;
    const std::size_t capacity_;
    std::mutex mutex_;
    IndexRevision revision_{0};
    std::list<Entry> recent_;  // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
};

}  // namespace techbridge
