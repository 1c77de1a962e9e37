#pragma once
// The layout of a TechBridge database directory (--db DIR).
#include <filesystem>
#include <string>
#include <vector>

namespace techbridge {

struct StoragePaths {
    std::filesystem::path root;
    /// Where readers find the index when it is split into shards: local paths or
    /// tcp://host:port addresses of xapian-tcpsrv (--index). Empty: root/index.
    std::vector<std::string> index_shards = {};

    std::filesystem::path store_file() const { return root / "store.sqlite"; }
    std::filesystem::path index_dir() const { return root / "index"; }
};

}  // namespace techbridge
