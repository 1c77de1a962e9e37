#pragma once
// Searchers and matchers shared by the threads of a server, one in use per thread at a time.
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "storage_paths.h"

namespace techbridge {

/// Lends workers (objects that must not be shared between threads, such as Searcher,
/// Matcher and DocumentStore) to concurrent callers; one is made when none is free and
/// returned to the pool when the lease ends.
template <typename Worker>
class WorkerPool {
public:
    using Factory = std::function<std::unique_ptr<Worker>()>;
    explicit WorkerPool(Factory make) : make_(std::move(make)) {}
    /// For workers built from the database directory.
    explicit WorkerPool(const StoragePaths& paths)
        : make_([paths] { return std::make_unique<Worker>(paths); }) {}

    class Lease {
    public:
        Lease(WorkerPool& pool, std::unique_ptr<Worker> worker) : pool_(pool), worker_(std::move(worker)) {}
        ~Lease() { pool_.give_back(std::move(worker_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Worker& operator*() { return *worker_; }
        Worker* operator->() { return worker_.get(); }

    private:
        WorkerPool& pool_;
        std::unique_ptr<Worker> worker_;
    };

    Lease borrow() {
        {
            std::lock_guard lock(mutex_);
            if (!free_.empty()) {
                auto worker = std::move(free_.back());
                free_.pop_back();
                return Lease(*this, std::move(worker));
            }
        }
        return Lease(*this, make_());
    }

private:
    void give_back(std::unique_ptr<Worker> worker) {
        if (!worker) return;
        std::lock_guard lock(mutex_);
        free_.push_back(std::move(worker));
    }

    Factory make_;
    std::mutex mutex_;
    std::vector<std::unique_ptr<Worker>> free_;
};

}  // namespace techbridge
