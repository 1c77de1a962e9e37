#pragma once
// The Xapian index: opening it for reading and writing documents into it.
#include <filesystem>
#include <optional>
#include <string>

#include <xapian.h>

#include "document.h"
#include "document_term_generator.h"
#include "storage_paths.h"
#include "text_analyzer.h"

namespace techbridge {

/// Opens the index at `dir` for searching; throws IndexError naming the directory
/// and the command that builds it when there is none.
Xapian::Database open_index_for_reading(const std::filesystem::path& dir);
/// The database's index for reading: root/index, or its shards combined as one database
/// when paths.index_shards names them (local paths or tcp://host:port).
Xapian::Database open_index_for_reading(const StoragePaths& paths);

/// Writes documents into the index. One writer at a time: a second one gets an
/// IndexError saying another process is writing. Changes become visible to readers
/// at commit().
class SearchIndexWriter {
public:
    enum class Mode { open_or_create, create_empty };

    /// `version` names the analysis and data the documents are indexed with; it is
    /// recorded at every commit.
    SearchIndexWriter(const std::filesystem::path& dir, TextAnalyzer& analyzer, std::string version,
                      Mode mode = Mode::open_or_create);

    /// Adds or replaces the document with the same id.
    void replace(const Document& document, const AnalyzedDocument& analyzed, const DocumentTags& tags);
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
