#include "writer_lock.h"

#include <filesystem>
#include <string>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "errors.h"

namespace techbridge {

WriterLock::WriterLock(const StoragePaths& paths) {
    create_database_directory(paths.root);
    const std::string file = (paths.root / "writer.lock").string();
    descriptor_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (descriptor_ < 0) throw StoreError("cannot open " + file + " to take the writer lock");
    if (::flock(descriptor_, LOCK_EX | LOCK_NB) != 0) {
        char holder[32] = {};
        const ssize_t n = ::pread(descriptor_, holder, sizeof holder - 1, 0);
        ::close(descriptor_);
        descriptor_ = -1;
        std::string who = n > 0 ? std::string(holder, static_cast<std::size_t>(n)) : std::string();
        while (!who.empty() && (who.back() == '\n' || who.back() == ' ')) who.pop_back();
        throw BusyError("another import or reindex is writing to " + paths.root.string() +
                        (who.empty() ? std::string() : " (process " + who + ")") +
                        "; wait for it to finish, then run this again");
    }
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(descriptor_, 0) == 0) {
        [[maybe_unused]] const ssize_t written = ::pwrite(descriptor_, pid.data(), pid.size(), 0);
    }
}

WriterLock::~WriterLock() {
    if (descriptor_ >= 0) ::close(descriptor_);  // closing drops the lock
}

}  // namespace techbridge
