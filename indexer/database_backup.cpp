#include "database_backup.h"

#include <fstream>

#include <xapian.h>

#include "document_store.h"
#include "errors.h"
#include "search_index.h"

namespace techbridge {

namespace fs = std::filesystem;

std::size_t export_documents(const StoragePaths& paths, const fs::path& out) {
    DocumentStore store(paths.store_file(), StoreAccess::read_only);
    const fs::path partial = out.string() + ".partial";
    std::size_t count = 0;
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) throw Error("cannot write " + partial.string());
        store.for_each_json([&](const std::string&, const std::string& json) {
            file << json << '\n';
            ++count;
        });
        file.flush();
        if (!file) throw Error("writing " + partial.string() + " failed (disk full?)");
    }
    std::error_code error;
    fs::rename(partial, out, error);
    if (error) throw Error("cannot move the export into place at " + out.string() + ": " + error.message());
    return count;
}

void backup_database(const StoragePaths& from, const StoragePaths& to) {
    std::error_code error;
    if (fs::exists(to.root) && !fs::is_empty(to.root, error))
        throw InvalidInputError(to.root.string() + ": exists and is not empty; back up into a new folder");
    create_database_directory(to.root);
    DocumentStore store(from.store_file(), StoreAccess::read_only);
    store.backup_to(to.store_file());
    // A reader sees one committed revision, so the compacted copy is consistent; an import
    // committing twice meanwhile invalidates that revision, and the copy starts again.
    for (int attempt = 0;; ++attempt) {
        try {
            Xapian::Database index = open_index_for_reading(from.index_dir());
            index.compact(to.index_dir().string());
            return;
        } catch (const Xapian::DatabaseModifiedError&) {
            fs::remove_all(to.index_dir(), error);
            if (attempt < 3) continue;
            throw IndexError("the index kept changing during the backup; try again when imports are done");
        } catch (const Xapian::Error& failure) {
        throw IndexError("backing up the index failed: " + failure.get_description() +
                         "; the store is backed up, and `techbridge reindex --db " + to.root.string() +
                         "` rebuilds the index from it");
        }
    }
}

}  // namespace techbridge
