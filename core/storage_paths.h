#pragma once
// The layout of a TechBridge database directory (--db DIR).
#include <filesystem>

namespace techbridge {

struct StoragePaths {
    std::filesystem::path root;

    std::filesystem::path store_file() const { return root / "store.sqlite"; }
    std::filesystem::path index_dir() const { return root / "index"; }
};

}  // namespace techbridge
