#pragma once
// A TechBridge server on a free loopback port over the fixture collection, for the tests
// that talk to it over HTTP (server_test.cpp, http_hardening_test.cpp).
#include <functional>
#include <memory>
#include <thread>

#include <httplib.h>

#include "access_token.h"
#include "dictionaries.h"
#include "fixtures.h"
#include "general_dictionary.h"
#include "ingestion.h"
#include "server.h"
#include "service_context.h"

namespace techbridge::testing {

/// A Server on a free loopback port, serving from a thread of the test until scope exit.
class ServerThread {
public:
    /// Serves `options` (its port replaced by a free one) with `token` until scope exit.
    ServerThread(ServerOptions options, const std::string& token) {
        options.port = 0;
        server_ = std::make_unique<Server>(options, AccessToken(token), ServiceContext::builtin());
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->serve(); });
    }
    ~ServerThread() {
        server_->stop();
        thread_.join();
    }
    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    int port() const { return port_; }
    httplib::Client client() const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(10, 0);
        return client;
    }

private:
    std::unique_ptr<Server> server_;
    int port_ = 0;
    std::thread thread_;
};

/// Serves the fixture collection from a thread of the test; stopped at scope exit.
class RunningServer {
public:
    /// The defaults of the server tests: read timeout `read_timeout_seconds`, bodies up to 64 KiB.
    explicit RunningServer(int read_timeout_seconds = 5)
        : RunningServer([read_timeout_seconds](ServerOptions& options) {
              options.read_timeout_seconds = read_timeout_seconds;
          }) {}
    /// The defaults above, then changed by `adjust` (limits, host, allowed names).
    explicit RunningServer(const std::function<void(ServerOptions&)>& adjust) {
        Ingestion(paths_, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir_)});
        // Loaded before serving, as `techbridge serve` does: the first request would otherwise
        // wait for it (seconds on a busy machine) and tests with short patience would fail.
        Dictionaries::installed().general();
        ServerOptions options;
        options.paths = paths_;
        options.max_body_bytes = 64 << 10;
        adjust(options);
        serving_ = std::make_unique<ServerThread>(options, token);
    }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    static constexpr const char* token = "test-token-2c5e-7a91";
    int port() const { return serving_->port(); }
    const StoragePaths& paths() const { return paths_; }
    httplib::Client client() const { return serving_->client(); }
    /// The Authorization header that write requests need.
    static httplib::Headers authorized() { return {{"Authorization", std::string("Bearer ") + token}}; }

private:
    TempDir dir_;
    StoragePaths paths_{dir_ / "db"};
    std::unique_ptr<ServerThread> serving_;
};

}  // namespace techbridge::testing
