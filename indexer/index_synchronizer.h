#pragma once
// Keeps the Xapian index derived from the SQLite store.
#include <cstddef>
#include <string>
#include <unordered_map>

#include "document_store.h"
#include "document_tagger.h"
#include "document_term_generator.h"
#include "knowledge_base.h"
#include "overlapped_indexing.h"
#include "progress.h"
#include "storage_paths.h"
#include "text_analyzer.h"

namespace techbridge {

struct SyncReport {
    std::size_t indexed = 0;
    bool rebuilt = false;  // the whole index was rebuilt (new analysis version or explicit reindex)
};

/// Brings the index up to date with the store. The store records, per document, which
/// revision the index holds; whatever the index lacks (new or changed documents, or
/// work an interrupted run left undone) is tagged with the knowledge base, indexed and
/// committed in batches, and only then marked as indexed together with its tags. An
/// index built with another analysis or other knowledge data is rebuilt.
class IndexSynchronizer {
public:
    IndexSynchronizer(const StoragePaths& paths, DocumentStore& store, TextAnalyzer& analyzer,
                      ProgressCallback progress, const KnowledgeBase& knowledge);

    /// The version an index built now records: analysis and knowledge data.
    std::string index_version() const;

    /// How many documents sync() would index now: those pending, or all of them when the index
    /// is missing or built with another version. 0 when the index is up to date.
    std::size_t documents_to_index();

    /// Indexes what the index lacks. `in_memory` may hold documents the caller has just
    /// stored (by id), which are then not read back from the store.
    SyncReport sync(const std::unordered_map<std::string, const Document*>& in_memory = {});

    /// Rebuilds the whole index from the store into a new directory and swaps it in,
    /// so readers never see a half-built index.
    SyncReport rebuild();

    // Documents per commit. Each Xapian commit merges the batch's postings into the index; Xapian
    // itself flushes every 10,000 documents by default, so committing more often only adds merges.
    // Work after the last commit is redone by
    // the next run, so a larger batch costs only repeated work after a crash.
    static constexpr std::size_t batch_size = 10000;

private:
    /// Analysis, tagging and term generation of one document; run on the preparing thread,
    /// which alone uses the analyzer, the tagger and the generator while indexing runs.
    OverlappedIndexing::Prepare preparation();

    const StoragePaths& paths_;
    DocumentStore& store_;
    TextAnalyzer& analyzer_;
    ProgressCallback progress_;
    const KnowledgeBase& knowledge_;
    DocumentTagger tagger_;
    DocumentTermGenerator generator_;
};

}  // namespace techbridge
