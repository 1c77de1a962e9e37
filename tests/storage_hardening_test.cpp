// Hardening tests (issue 13): each reproduces a finding and fails without its fix.
#include <doctest/doctest.h>

#include "document_store.h"
#include "fixtures.h"
#include "ingestion.h"

using namespace techbridge;
using namespace techbridge::testing;

TEST_CASE("storage: the store connection of an import syncs every commit to disk (synchronous=FULL)") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    DocumentStore store = open_store(paths);
    SqliteStatement synchronous(store.connection(), "PRAGMA synchronous");
    REQUIRE(synchronous.step());
    // 2 is FULL: in WAL mode NORMAL (1) may roll back the last acknowledged commit after a power loss.
    CHECK(synchronous.integer(0) == 2);
}
