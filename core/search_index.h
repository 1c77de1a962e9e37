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
