#include "index_synchronizer.h"

#include <filesystem>
#include <utility>
#include <vector>

#include "errors.h"
#include "index_layout.h"
#include "overlapped_indexing.h"
#include "search_index.h"

namespace techbridge {

namespace {

struct IndexedRevision {
    std::string id;
    std::int64_t revision;
    DocumentTags tags;
};

// Records in the store, in one transaction, what the index now holds.
void mark_batch(DocumentStore& store, std::vector<IndexedRevision>& batch) {
    SqliteTransaction transaction(store.connection());
    for (const auto& done : batch) {
        store.replace_tags(done.id, done.tags);
        store.mark_indexed(done.id, done.revision);
    }
    transaction.commit();
    batch.clear();
}

}  // namespace

IndexSynchronizer::IndexSynchronizer(const StoragePaths& paths, DocumentStore& store, TextAnalyzer& analyzer,
                                     ProgressCallback progress, const KnowledgeBase& knowledge)
    : paths_(paths),
      store_(store),
      analyzer_(analyzer),
      progress_(std::move(progress)),
      knowledge_(knowledge),
      tagger_(knowledge, analyzer),
      generator_(analyzer, knowledge.thesaurus()) {}

std::string IndexSynchronizer::index_version() const {
    return TextAnalyzer::version() + "/" + knowledge_.version() + "/" + std::string(index_layout::revision);
}

std::size_t IndexSynchronizer::documents_to_index() {
    const auto everything = static_cast<std::size_t>(store_.document_count());
    if (!std::filesystem::exists(paths_.index_dir())) return everything;
    const std::string recorded =
        open_index_for_reading(paths_.index_dir()).get_metadata(std::string(index_layout::analysis_version_key));
    if (!recorded.empty() && recorded != index_version()) return everything;
    return store_.revisions_pending_index().size();
}

OverlappedIndexing::Prepare IndexSynchronizer::preparation() {
    return [this](const Document& document, std::int64_t revision) {
        const AnalyzedDocument analyzed = AnalyzedDocument::analyze(document, analyzer_);
        DocumentTags tags = tagger_.tag(document, analyzed);
        Xapian::Document terms = generator_.generate(document, analyzed, tags);
        return PreparedDocument{document.id, revision, std::move(tags), std::move(terms)};
    };
}

SyncReport IndexSynchronizer::sync(const std::unordered_map<std::string, const Document*>& in_memory) {
    if (std::filesystem::exists(paths_.index_dir())) {
        const auto recorded = SearchIndexWriter(paths_.index_dir(), analyzer_, index_version(), SearchIndexWriter::Mode::open_or_create, knowledge_.thesaurus()).recorded_version();
        if (recorded && *recorded != index_version()) return rebuild();
    } else {
        store_.mark_all_unindexed();
    }

    SyncReport report;
    const auto pending = store_.revisions_pending_index();
    SearchIndexWriter writer(paths_.index_dir(), analyzer_, index_version(), SearchIndexWriter::Mode::open_or_create,
                             knowledge_.thesaurus());
    std::vector<IndexedRevision> batch;
    OverlappedIndexing indexing(preparation(), [&](std::vector<PreparedDocument>& chunk) {
        for (auto& done : chunk) {
            writer.replace(done.id, done.terms);
            batch.push_back({std::move(done.id), done.revision, std::move(done.tags)});
            ++report.indexed;
            if (batch.size() >= batch_size) {
                writer.commit();
                mark_batch(store_, batch);
            }
        }
        if (progress_) progress_("indexing", report.indexed, pending.size());
    });
    for (const auto& [id, revision] : pending) {
        if (const auto it = in_memory.find(id); it != in_memory.end()) {
            indexing.add(*it->second, revision);
        } else if (auto stored = store_.get(id)) {
            indexing.add(std::move(stored->document), revision);
        }
    }
    indexing.finish();
    writer.commit();
    mark_batch(store_, batch);
    return report;
}

SyncReport IndexSynchronizer::rebuild() {
    namespace fs = std::filesystem;
    SyncReport report;
    report.rebuilt = true;
    const fs::path fresh = paths_.index_dir().string() + ".new";
    const fs::path old = paths_.index_dir().string() + ".old";
    fs::remove_all(fresh);
    const auto total = static_cast<std::size_t>(store_.document_count());
    std::vector<IndexedRevision> indexed;
    {
        SearchIndexWriter writer(fresh, analyzer_, index_version(), SearchIndexWriter::Mode::create_empty, knowledge_.thesaurus());
        OverlappedIndexing indexing(preparation(), [&](std::vector<PreparedDocument>& chunk) {
            for (auto& done : chunk) {
                writer.replace(done.id, done.terms);
                indexed.push_back({std::move(done.id), done.revision, std::move(done.tags)});
                if (indexed.size() % batch_size == 0) writer.commit();
            }
            if (progress_) progress_("indexing", indexed.size(), total);
        });
        store_.for_each([&](const StoredDocument& stored) { indexing.add(Document(stored.document), stored.revision); });
        indexing.finish();
        writer.commit();
    }
    fs::remove_all(old);
    if (fs::exists(paths_.index_dir())) fs::rename(paths_.index_dir(), old);
    fs::rename(fresh, paths_.index_dir());
    fs::remove_all(old);

    report.indexed = indexed.size();
    store_.mark_all_unindexed();
    mark_batch(store_, indexed);
    return report;
}

}  // namespace techbridge
