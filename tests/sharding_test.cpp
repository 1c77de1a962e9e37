#include <doctest/doctest.h>

#include <chrono>
#include <random>
#include <thread>

#include <signal.h>
#include <sys/wait.h>

#include "dictionaries.h"
#include "index_sharding.h"
#include "ingestion.h"
#include "matcher.h"
#include "searcher.h"
#include "process_support.h"
#include "test_support.h"
#include "service_context.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

bool accepts_connections(int port) {
    const int fd = connect_loopback(port);
    if (fd >= 0) ::close(fd);
    return fd >= 0;
}

/// xapian-tcpsrv serving one shard on a loopback port, stopped at scope exit.
class ShardServer {
public:
    explicit ShardServer(const std::filesystem::path& shard) {
        std::mt19937 random(static_cast<unsigned>(::getpid()) ^ static_cast<unsigned>(shard.string().size() * 7919));
        for (int attempt = 0; attempt < 20 && port_ == 0; ++attempt) {
            const int port = 20000 + static_cast<int>(random() % 20000);
            if (accepts_connections(port)) continue;  // taken
            // Its own process group: on SIGTERM the forking server signals its whole group.
            pid_ = spawn_silently({"xapian-tcpsrv", "--interface", "127.0.0.1", "--port", std::to_string(port),
                                   shard.string()},
                                  true);
            REQUIRE_MESSAGE(pid_ > 0, "xapian-tcpsrv is missing: scripts/install-deps installs xapian-tools");
            for (int wait = 0; wait < 50 && !accepts_connections(port); ++wait)
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            if (accepts_connections(port)) port_ = port;
            else stop();
        }
        REQUIRE(port_ != 0);
    }
    ~ShardServer() { stop(); }
    std::string location() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

private:
    void stop() {
        if (pid_ <= 0) return;
        kill(-pid_, SIGTERM);  // the server and the children serving connections
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = 0;
    }
    pid_t pid_ = 0;
    int port_ = 0;
};

std::vector<std::string> search_ids(const StoragePaths& paths, const std::string& query) {
    Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
    SearchRequest request;
    request.query = query;
    request.limit = 10;
    std::vector<std::string> ids;
    for (const auto& hit : searcher.search(request).hits) ids.push_back(hit.id);
    return ids;
}

std::vector<std::string> match_ids(const StoragePaths& paths, const std::string& id) {
    Matcher matcher(paths, ServiceContext::builtin().matching_data());
    MatchRequest request;
    request.id = id;
    request.limit = 5;
    std::vector<std::string> ids;
    for (const auto& candidate : matcher.match(request).candidates) ids.push_back(candidate.id);
    return ids;
}

}  // namespace

TEST_CASE("sharding: two shards served by xapian-tcpsrv give the single index's results in all three languages") {
    TempDir dir;
    const StoragePaths single{dir / "db"};
    Ingestion(single, {}, KnowledgeBase::builtin()).run({std::string(TECHBRIDGE_SOURCE_DIR) + "/corpus/documents"});
    REQUIRE(split_index(single, 2, dir / "shards") > 400);
    ShardServer first(dir / "shards" / "shard-0");
    ShardServer second(dir / "shards" / "shard-1");
    StoragePaths remote = single;
    remote.index_shards = {first.location(), second.location()};
    StoragePaths local = single;
    local.index_shards = {(dir / "shards" / "shard-0").string(), (dir / "shards" / "shard-1").string()};

    for (const char* query : {"激光焊接", "稠油 开采", "煤化工", "лазерная сварка", "катализатор гидроочистки",
                              "вечная мерзлота", "heavy oil", "permafrost foundations", "laser cladding"}) {
        INFO(std::string(query));
        const auto expected = search_ids(single, query);
        REQUIRE(expected.size() > 0);
        CHECK(search_ids(remote, query) == expected);
        CHECK(search_ids(local, query) == expected);
    }
    for (const char* demand : {"dem-zh-001", "dem-zh-004", "dem-zh-106"}) {
        INFO(std::string(demand));
        CHECK(match_ids(remote, demand) == match_ids(single, demand));
    }
}
