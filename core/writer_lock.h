#pragma once
// One writer at a time per database directory: imports, reindexing and repairs take this
// lock; readers never need it.
#include <string>

#include "storage_paths.h"

namespace techbridge {

class WriterLock {
public:
    /// Takes the lock (DIR/writer.lock, an advisory lock the kernel drops when the process
    /// ends, even when killed). Throws BusyError naming the holder's process when another
    /// writer has it.
    explicit WriterLock(const StoragePaths& paths);
    ~WriterLock();
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;

private:
    int descriptor_ = -1;
};

}  // namespace techbridge
