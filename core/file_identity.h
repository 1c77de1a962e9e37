#pragma once
// Which file a path names, to notice when a file a process holds open was replaced.
#include <filesystem>
#include <optional>

#include <sys/stat.h>

namespace techbridge {

/// A file's device and inode. A file deleted and made again, restored from a backup or
/// renamed over at the same path has another identity; the inode of a file a process holds
/// open is not reused, so comparing identities tells whether a path still names it.
struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;

    /// What `path` names now; nullopt when nothing is there.
    static std::optional<FileIdentity> of(const std::filesystem::path& path) {
        struct stat status {};
        if (::stat(path.c_str(), &status) != 0) return std::nullopt;
        return FileIdentity{status.st_dev, status.st_ino};
    }
    /// What an open descriptor refers to; nullopt when it is not open.
    static std::optional<FileIdentity> of_descriptor(int descriptor) {
        struct stat status {};
        if (::fstat(descriptor, &status) != 0) return std::nullopt;
        return FileIdentity{status.st_dev, status.st_ino};
    }

    bool operator==(const FileIdentity&) const = default;
};

}  // namespace techbridge
