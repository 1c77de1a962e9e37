#pragma once
// The work interrupted imports left, finished in the background when a server starts.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "knowledge_base.h"
#include "storage_paths.h"

namespace techbridge {

enum class StartupIndexingState {
    starting,  // checking whether anything is left
    indexing,
    finished,  // nothing is left (or never was)
    skipped,   // another process is writing; it indexes what it stores
    stopped,   // the server stopped first
    failed,
};
/// "starting", "indexing", "finished", "skipped", "stopped" or "failed".
std::string_view to_string(StartupIndexingState state);

struct StartupIndexingProgress {
    StartupIndexingState state = StartupIndexingState::starting;
    std::size_t pending = 0;  // documents still to index
    std::size_t done = 0;     // documents indexed so far
    std::string message;      // why it was skipped or failed
};

/// What killed imports left, finished at a server's start: their runs, still "running", are
/// marked "interrupted", and the documents they stored but did not index are indexed (all of
/// them when the index was built with another analysis version). It runs in a thread of its
/// own so that the server answers meanwhile, and so that the next small import does not do
/// it all while its sender waits. It holds the writer lock while it works; when another
/// process holds it, that writer indexes whatever is pending itself, and this is skipped.
class StartupIndexing {
public:
    /// Starts the work.
    /// `knowledge`: what the documents are tagged with (the one the server serves with).
    StartupIndexing(StoragePaths paths, const KnowledgeBase& knowledge);
    /// Stops at the next document (what was committed stays indexed; the rest is done by the
    /// next start or import) and waits for the thread.
    ~StartupIndexing();
    StartupIndexing(const StartupIndexing&) = delete;
    StartupIndexing& operator=(const StartupIndexing&) = delete;

    StartupIndexingProgress progress() const;
    /// Whether the work is still under way (it holds the writer lock until then).
    bool running() const;
    /// Waits at most `longest` for the work to end; false when it is still under way.
    bool wait_until_done(std::chrono::milliseconds longest) const;

private:
    void run();
    /// Marks interrupted runs and indexes what is pending, holding the writer lock.
    void index_what_is_left(StartupIndexingProgress& progress);
    void update(const StartupIndexingProgress& progress);

    const StoragePaths paths_;
    const KnowledgeBase& knowledge_;
    mutable std::mutex mutex_;
    mutable std::condition_variable ended_;
    StartupIndexingProgress progress_;
    std::atomic<bool> stop_{false};
    bool running_ = true;  // guarded by mutex_
    std::thread thread_;  // last, so that it starts once the rest is made
};

}  // namespace techbridge
