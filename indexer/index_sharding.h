#pragma once
// Splitting a database's index into shards that Xapian combines again at search time
// (locally or through xapian-tcpsrv), for collections that outgrow one machine.
#include <cstddef>
#include <filesystem>

#include "storage_paths.h"

namespace techbridge {

/// Writes the index of `paths` as `shards` Xapian databases out/shard-0 ... out/shard-(N-1),
/// document k of the index going to shard k mod N, each carrying the index's version.
/// `out` must not exist or be empty. Returns the number of documents copied.
std::size_t split_index(const StoragePaths& paths, std::size_t shards, const std::filesystem::path& out);

}  // namespace techbridge
