#pragma once
// The Xapian index: opening it for reading and writing documents into it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "document.h"
#include "document_term_generator.h"
#include "thesaurus.h"
#include "storage_paths.h"
#include "text_analyzer.h"

namespace techbridge {

/// Opens the index at `dir` for searching; throws IndexError naming the directory
/// and the command that builds it when there is none.
Xapian::Database open_index_for_reading(const std::filesystem::path& dir);
/// The database's index for reading: root/index, or its shards combined as one database
/// when paths.index_shards names them (local paths or tcp://host:port).
Xapian::Database open_index_for_reading(const StoragePaths& paths);

/// The index directories a reader opened (root/index, or the local shard folders), held open
/// to tell when another directory took their place: `techbridge reindex` and a repair build
/// a new index beside the old one and rename it over, and a reader that only reopens its
/// database keeps reading the deleted old one. Holding each directory open keeps its inode
/// from being reused, so the comparison cannot be fooled. Create the watch before opening the
/// index: a swap between the two is then seen as one more swap, never missed.
class IndexDirectoryWatch {
public:
    explicit IndexDirectoryWatch(const StoragePaths& paths);
    ~IndexDirectoryWatch();
    IndexDirectoryWatch(IndexDirectoryWatch&& other) noexcept;
    IndexDirectoryWatch& operator=(IndexDirectoryWatch&& other) noexcept;
    IndexDirectoryWatch(const IndexDirectoryWatch&) = delete;
    IndexDirectoryWatch& operator=(const IndexDirectoryWatch&) = delete;

    /// Whether a path now names another directory than the one opened (one stat each, cheap
    /// enough for every search). A path that names nothing, as for a moment during the swap,
    /// does not count: there is nothing newer to open yet.
    bool swapped() const;

private:
    struct Watched {
        std::filesystem::path path;
        int descriptor = -1;
    };
    void close_all();
    std::vector<Watched> watched_;
};

/// The index opened for reading, kept up with its writer: reopened at the latest commit, and
/// opened again when a rebuilt index was swapped in. One per reader thread (Searcher, Matcher).
class CatchingUpIndex {
public:
    explicit CatchingUpIndex(const StoragePaths& paths)
        : paths_(paths), watch_(paths), database_(open_index_for_reading(paths)) {}

    /// Catches up; true when what the index holds may have changed since the last call.
    bool catch_up() {
        if (watch_.swapped()) {
            IndexDirectoryWatch watch(paths_);  // before opening: see IndexDirectoryWatch
            database_ = open_index_for_reading(paths_);  // if this throws, the next call tries again
            watch_ = std::move(watch);
            return true;
        }
        return database_.reopen();
    }

    /// The same object for the reader's life: a reference to it stays valid across catch_up().
    Xapian::Database& database() { return database_; }

private:
    StoragePaths paths_;
    IndexDirectoryWatch watch_;  // made before database_ is opened
    Xapian::Database database_;
};

/// Writes documents into the index. One writer at a time: a second one gets an
/// IndexError saying another process is writing. Changes become visible to readers
/// at commit().
class SearchIndexWriter {
public:
    enum class Mode { open_or_create, create_empty };

    /// `version` names the analysis and data the documents are indexed with; it is
    /// recorded at every commit. `thesaurus`: what the documents' concept terms come from.
    SearchIndexWriter(const std::filesystem::path& dir, TextAnalyzer& analyzer, std::string version, Mode mode,
                      const Thesaurus& thesaurus);

    /// Adds or replaces the document with the same id.
    void replace(const Document& document, const AnalyzedDocument& analyzed, const DocumentTags& tags);
    /// Adds or replaces document `id` with terms made elsewhere by a DocumentTermGenerator.
    void replace(const std::string& id, const Xapian::Document& terms);
    void remove(const std::string& id);
    void commit();

    Xapian::doccount document_count() const { return database_.get_doccount(); }
    /// The version recorded in the index, if any.
    std::optional<std::string> recorded_version() const;

private:
    Xapian::WritableDatabase database_;
    DocumentTermGenerator generator_;
    std::string version_;
};

}  // namespace techbridge
