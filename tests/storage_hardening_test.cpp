// Hardening tests (issue 13): each reproduces a finding and fails without its fix.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include "database_backup.h"
#include "document_store.h"
#include "fixtures.h"
#include "ingestion.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

/// The permission bits of `path` (0700, 0755, ...).
unsigned mode_of(const std::filesystem::path& path) {
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 07777;
}

}  // namespace

TEST_CASE("storage: the store connection of an import syncs every commit to disk (synchronous=FULL)") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    DocumentStore store = open_store(paths);
    SqliteStatement synchronous(store.connection(), "PRAGMA synchronous");
    REQUIRE(synchronous.step());
    // 2 is FULL: in WAL mode NORMAL (1) may roll back the last acknowledged commit after a power loss.
    CHECK(synchronous.integer(0) == 2);
}

TEST_CASE("storage: a new database directory is open to its owner only, an existing one keeps its mode") {
    TempDir dir;
    const StoragePaths fresh{dir / "parent" / "db"};
    Ingestion(fresh, {}).run({write_fixture_collection(dir)});
    CHECK(mode_of(fresh.root) == 0700);
    const StoragePaths backup{dir / "backup"};
    backup_database(fresh, backup);
    CHECK(mode_of(backup.root) == 0700);

    const StoragePaths shared{dir / "shared"};
    std::filesystem::create_directory(shared.root);
    std::filesystem::permissions(shared.root, std::filesystem::perms(0755));
    Ingestion(shared, {}).run({dir / "docs"});
    CHECK(mode_of(shared.root) == 0755);  // the operator's choice
}
