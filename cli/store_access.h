#pragma once
// Opening the document store of a database directory from a command.
#include "arguments.h"
#include "document_store.h"
#include "errors.h"
#include "storage_paths.h"

namespace techbridge::cli {

/// The store of `paths`; an Error saying what to run first when there is none. Read-only
/// unless a command that writes asks otherwise, so reading works in a read-only directory too.
inline DocumentStore open_existing_store(const StoragePaths& paths, StoreAccess access = StoreAccess::read_only) {
    if (!std::filesystem::exists(paths.store_file()) && !std::filesystem::exists(paths.index_dir()))
        throw Error("no document store at " + paths.store_file().string() + "; index some documents first");
    return DocumentStore(paths.store_file(), access);  // a store missing beside its index: StoreError says so
}

/// --db DIR, and --index LOC[,LOC...] when the index is split into shards.
inline StoragePaths storage_paths(const Arguments& args) {
    StoragePaths paths{args.required("db")};
    if (const auto shards = args.value("index")) {
        std::string rest = *shards;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const std::string location = rest.substr(0, comma);
            if (!location.empty()) paths.index_shards.push_back(location);
            rest = comma == std::string::npos ? std::string() : rest.substr(comma + 1);
        }
        if (paths.index_shards.empty()) throw UsageError("--index needs LOC[,LOC...]: shard folders or tcp://host:port");
    }
    return paths;
}

}  // namespace techbridge::cli
