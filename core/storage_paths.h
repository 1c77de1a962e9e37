#pragma once
// The layout of a TechBridge database directory (--db DIR).
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include <sys/stat.h>

#include "errors.h"

namespace techbridge {

struct StoragePaths {
    std::filesystem::path root;
    /// Where readers find the index when it is split into shards: local paths or
    /// tcp://host:port addresses of xapian-tcpsrv (--index). Empty: root/index.
    std::vector<std::string> index_shards = {};

    std::filesystem::path store_file() const { return root / "store.sqlite"; }
    std::filesystem::path index_dir() const { return root / "index"; }
};

/// Creates `dir` (a database directory, or a backup or shards of one) when it does not exist,
/// open to its owner only (0700): it holds every stored document and the access token, which
/// other users of the machine have no business reading. Missing parent folders are made as
/// usual; a directory that exists keeps the mode its operator gave it. Throws StoreError
/// saying why when it cannot be made.
inline void create_database_directory(const std::filesystem::path& dir) {
    std::error_code error;
    if (std::filesystem::is_directory(dir, error)) return;
    if (dir.has_parent_path()) {
        std::filesystem::create_directories(dir.parent_path(), error);
        if (error) throw StoreError("cannot create the folder " + dir.parent_path().string() + ": " + error.message());
    }
    if (::mkdir(dir.c_str(), S_IRWXU) != 0 && errno != EEXIST)
        throw StoreError("cannot create the database directory " + dir.string() + ": " + std::strerror(errno));
}

}  // namespace techbridge
