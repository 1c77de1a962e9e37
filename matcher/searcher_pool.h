#pragma once
// Searchers shared by the threads of a server, one in use per thread at a time.
#include <memory>
#include <mutex>
#include <vector>

#include "searcher.h"
#include "storage_paths.h"

namespace techbridge {

/// Lends Searchers to concurrent callers; a Searcher is created when none is free
/// and returned to the pool when the lease ends.
class SearcherPool {
public:
    explicit SearcherPool(StoragePaths paths) : paths_(std::move(paths)) {}

    class Lease {
    public:
        Lease(SearcherPool& pool, std::unique_ptr<Searcher> searcher) : pool_(pool), searcher_(std::move(searcher)) {}
        ~Lease() { pool_.give_back(std::move(searcher_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Searcher& operator*() { return *searcher_; }
        Searcher* operator->() { return searcher_.get(); }

    private:
        SearcherPool& pool_;
        std::unique_ptr<Searcher> searcher_;
    };

    Lease borrow() {
        {
            std::lock_guard lock(mutex_);
            if (!free_.empty()) {
                auto searcher = std::move(free_.back());
                free_.pop_back();
                return Lease(*this, std::move(searcher));
            }
        }
        return Lease(*this, std::make_unique<Searcher>(paths_));
    }

private:
    void give_back(std::unique_ptr<Searcher> searcher) {
        if (!searcher) return;
        std::lock_guard lock(mutex_);
        free_.push_back(std::move(searcher));
    }

    StoragePaths paths_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Searcher>> free_;
};

}  // namespace techbridge
