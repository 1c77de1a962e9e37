#include "index_synchronizer.h"

#include <filesystem>
#include <utility>
#include <vector>

#include "errors.h"
#include "search_index.h"

namespace techbridge {

IndexSynchronizer::IndexSynchronizer(const StoragePaths& paths, DocumentStore& store, TextAnalyzer& analyzer,
                                     ProgressCallback progress)
    : paths_(paths), store_(store), analyzer_(analyzer), progress_(std::move(progress)) {}

SyncReport IndexSynchronizer::sync() {
    {
        const bool exists = std::filesystem::exists(paths_.index_dir());
        std::optional<std::string> version;
        if (exists) version = SearchIndexWriter(paths_.index_dir(), analyzer_).analysis_version();
        if (exists && version && *version != TextAnalyzer::version()) return rebuild();
        if (!exists) store_.mark_all_unindexed();
    }

    SyncReport report;
    const std::vector<std::string> pending = store_.ids_pending_index();
    SearchIndexWriter writer(paths_.index_dir(), analyzer_);
    std::vector<std::pair<std::string, std::int64_t>> batch;
    auto commit_batch = [&] {
        writer.commit();
        SqliteTransaction transaction(store_.connection());
        for (const auto& [id, revision] : batch) store_.mark_indexed(id, revision);
        transaction.commit();
        batch.clear();
    };
    for (const auto& id : pending) {
        const auto stored = store_.get(id);
        if (!stored) continue;
        writer.replace(stored->document);
        batch.emplace_back(id, stored->revision);
        ++report.indexed;
        if (batch.size() >= batch_size) commit_batch();
        if (progress_) progress_("indexing", report.indexed, pending.size());
    }
    commit_batch();
    return report;
}

SyncReport IndexSynchronizer::rebuild() {
    namespace fs = std::filesystem;
    SyncReport report;
    report.rebuilt = true;
    const fs::path fresh = paths_.index_dir().string() + ".new";
    const fs::path old = paths_.index_dir().string() + ".old";
    fs::remove_all(fresh);
    const auto total = static_cast<std::size_t>(store_.counts().total);
    std::vector<std::pair<std::string, std::int64_t>> indexed;
    {
        SearchIndexWriter writer(fresh, analyzer_, SearchIndexWriter::Mode::create_empty);
        store_.for_each([&](const StoredDocument& stored) {
            writer.replace(stored.document);
            indexed.emplace_back(stored.document.id, stored.revision);
            if (indexed.size() % batch_size == 0) writer.commit();
            if (progress_) progress_("indexing", indexed.size(), total);
        });
        writer.commit();
    }
    fs::remove_all(old);
    if (fs::exists(paths_.index_dir())) fs::rename(paths_.index_dir(), old);
    fs::rename(fresh, paths_.index_dir());
    fs::remove_all(old);

    SqliteTransaction transaction(store_.connection());
    store_.mark_all_unindexed();
    for (const auto& [id, revision] : indexed) store_.mark_indexed(id, revision);
    transaction.commit();
    report.indexed = indexed.size();
    return report;
}

}  // namespace techbridge
