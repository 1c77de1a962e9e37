#pragma once
// Opening the document store of a database directory from a command.
#include "document_store.h"
#include "errors.h"
#include "storage_paths.h"

namespace techbridge::cli {

/// The store of `paths`; an Error saying what to run first when there is none.
inline DocumentStore open_existing_store(const StoragePaths& paths) {
    if (!std::filesystem::exists(paths.store_file()))
        throw Error("no document store at " + paths.store_file().string() + "; index some documents first");
    return DocumentStore(paths.store_file());
}

}  // namespace techbridge::cli
