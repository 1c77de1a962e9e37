#include "startup_indexing.h"

#include "errors.h"
#include "index_synchronizer.h"
#include "ingestion.h"
#include "text_analyzer.h"
#include "writer_lock.h"

namespace techbridge {

namespace {

/// Thrown from the progress callback to leave the indexing when the server stops.
struct StopRequested {};

/// Whether no run is left "running" and nothing waits to be indexed, read without the writer
/// lock (which the usual start, with nothing left, then never takes from a writer starting too).
bool nothing_left(const StoragePaths& paths, const KnowledgeBase& knowledge) {
    DocumentStore store(paths.store_file(), StoreAccess::read_only);
    SqliteStatement running(store.connection(), "SELECT 1 FROM runs WHERE status = ?1 LIMIT 1");
    running.bind(1, std::string(to_string(RunStatus::running)));
    if (running.step()) return false;
    TextAnalyzer analyzer(knowledge.han_words());
    return IndexSynchronizer(paths, store, analyzer, {}, knowledge).documents_to_index() == 0;
}

}  // namespace

StartupIndexing::StartupIndexing(StoragePaths paths, const KnowledgeBase& knowledge)
    : paths_(std::move(paths)), knowledge_(knowledge), thread_([this] { run(); }) {}

StartupIndexing::~StartupIndexing() {
    stop_ = true;
    thread_.join();
}

StartupIndexingProgress StartupIndexing::progress() const {
    const std::lock_guard lock(mutex_);
    return progress_;
}

bool StartupIndexing::running() const {
    const std::lock_guard lock(mutex_);
    return running_;
}

bool StartupIndexing::wait_until_done(std::chrono::milliseconds longest) const {
    std::unique_lock lock(mutex_);
    return ended_.wait_for(lock, longest, [this] { return !running_; });
}

void StartupIndexing::update(const StartupIndexingProgress& progress) {
    const std::lock_guard lock(mutex_);
    progress_ = progress;
}

std::string_view to_string(StartupIndexingState state) {
    switch (state) {
        case StartupIndexingState::starting: return "starting";
        case StartupIndexingState::indexing: return "indexing";
        case StartupIndexingState::finished: return "finished";
        case StartupIndexingState::skipped: return "skipped";
        case StartupIndexingState::stopped: return "stopped";
        case StartupIndexingState::failed: return "failed";
    }
    return "failed";
}

void StartupIndexing::run() {
    StartupIndexingProgress progress;
    try {
        if (!nothing_left(paths_, knowledge_)) index_what_is_left(progress);
        progress.pending = 0;
        progress.state = StartupIndexingState::finished;
    } catch (const StopRequested&) {
        progress.state = StartupIndexingState::stopped;
    } catch (const BusyError& error) {
        progress.state = StartupIndexingState::skipped;
        progress.message = error.what();
    } catch (const std::exception& error) {
        progress.state = StartupIndexingState::failed;
        progress.message = error.what();
    }
    // After the writer lock is released, so that an import told it ended may take it.
    const std::lock_guard lock(mutex_);
    progress_ = progress;
    running_ = false;
    ended_.notify_all();
}

void StartupIndexing::index_what_is_left(StartupIndexingProgress& progress) {
    const WriterLock lock(paths_);
    DocumentStore store = open_store(paths_, lock);  // marks the runs of killed imports interrupted
    TextAnalyzer analyzer(knowledge_.han_words());
    IndexSynchronizer synchronizer(paths_, store, analyzer, [this, &progress](std::string_view, std::size_t done,
                                                                              std::size_t total) {
        if (stop_) throw StopRequested{};
        progress.done = done;
        progress.pending = total > done ? total - done : 0;
        update(progress);
    }, knowledge_);
    progress.pending = synchronizer.documents_to_index();
    if (progress.pending == 0) return;
    progress.state = StartupIndexingState::indexing;
    update(progress);
    synchronizer.sync();
}

}  // namespace techbridge
