#pragma once
// Getting a database directory's documents out: a lossless JSON Lines export, and a
// consistent copy of store and index taken while the database stays in use.
#include <cstddef>
#include <filesystem>

#include "storage_paths.h"

namespace techbridge {

/// Writes every stored document, one JSON object per line in id order, exactly as stored
/// (fields the contract does not know included), so that indexing the file into a new
/// store and exporting again gives the same file. Written beside `out` and renamed into
/// place, so a failed export leaves no half-written file. Returns the number of documents.
std::size_t export_documents(const StoragePaths& paths, const std::filesystem::path& out);

/// Copies the store with SQLite's online backup and the index through a read snapshot
/// (Xapian's compaction), into `to`, which must not exist or be empty.
void backup_database(const StoragePaths& from, const StoragePaths& to);

}  // namespace techbridge
