#include "index_sharding.h"

#include <string>
#include <vector>

#include <xapian.h>

#include "errors.h"
#include "index_layout.h"
#include "search_index.h"

namespace techbridge {

namespace fs = std::filesystem;

std::size_t split_index(const StoragePaths& paths, std::size_t shards, const fs::path& out) {
    if (shards < 1 || shards > 64) throw InvalidInputError("shards: give a number from 1 to 64");
    std::error_code error;
    if (fs::exists(out) && !fs::is_empty(out, error))
        throw InvalidInputError(out.string() + ": exists and is not empty; split into a new folder");
    const Xapian::Database index = open_index_for_reading(paths.index_dir());
    const std::string version_key(index_layout::analysis_version_key);
    std::vector<Xapian::WritableDatabase> parts;
    create_database_directory(out);
    for (std::size_t i = 0; i < shards; ++i) {
        const fs::path dir = out / ("shard-" + std::to_string(i));
        fs::create_directories(dir, error);
        parts.emplace_back(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
        parts.back().set_metadata(version_key, index.get_metadata(version_key));
    }
    std::size_t copied = 0;
    for (auto posting = index.postlist_begin(""); posting != index.postlist_end(""); ++posting) {
        parts[copied % shards].add_document(index.get_document(*posting));
        ++copied;
    }
    for (auto& part : parts) part.commit();
    return copied;
}

}  // namespace techbridge
