#include <doctest/doctest.h>

#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "ingestion.h"
#include "server.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

/// A server on a free loopback port over the fixture collection, stopped at scope exit.
class RunningServer {
public:
    RunningServer() {
        Ingestion(paths_, {}).run({write_fixture_collection(dir_)});
        ServerOptions options;
        options.paths = paths_;
        options.port = 0;
        server_ = std::make_unique<Server>(options);
        port_ = server_->bind();
        thread_ = std::thread([this] { server_->serve(); });
    }
    ~RunningServer() {
        server_->stop();
        thread_.join();
    }
    httplib::Client client() const {
        httplib::Client client("127.0.0.1", port_);
        client.set_read_timeout(10, 0);
        return client;
    }

private:
    TempDir dir_;
    StoragePaths paths_{dir_ / "db"};
    std::unique_ptr<Server> server_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace

TEST_CASE("server: /api/search answers with the CLI's JSON") {
    RunningServer server;
    auto client = server.client();
    const auto response = client.Get("/api/search?q=%E6%BF%80%E5%85%89%E7%84%8A%E6%8E%A5&kind=demand");  // 激光焊接
    REQUIRE(response);
    CHECK(response->status == 200);
    CHECK(response->get_header_value("Content-Type").starts_with("application/json"));
    const auto json = nlohmann::json::parse(response->body);
    CHECK(json["query"] == "激光焊接");
    REQUIRE(json["hits"].size() > 0);
    CHECK(json["hits"][0]["id"] == "t-dem-zh-1");
}

TEST_CASE("server: bad parameters get a JSON error with status 400") {
    RunningServer server;
    auto client = server.client();
    const auto bad_kind = client.Get("/api/search?q=x&kind=proposal");
    REQUIRE(bad_kind);
    CHECK(bad_kind->status == 400);
    const auto error = nlohmann::json::parse(bad_kind->body);
    CHECK(error["error"]["code"] == "invalid_parameter");
    CHECK(error["error"]["message"].get<std::string>().starts_with("kind:"));

    const auto bad_utf8 = client.Get("/api/search?q=%C3%28");
    REQUIRE(bad_utf8);
    CHECK(bad_utf8->status == 400);

    const auto bad_limit = client.Get("/api/search?q=x&limit=-1");
    REQUIRE(bad_limit);
    CHECK(bad_limit->status == 400);
}

TEST_CASE("server: the page and its assets are served with a strict security policy") {
    RunningServer server;
    auto client = server.client();
    const auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body.find("<script src=\"/static/app.js\"") != std::string::npos);
    const std::string policy = page->get_header_value("Content-Security-Policy");
    CHECK(policy.find("script-src 'self'") != std::string::npos);
    CHECK(policy.find("unsafe-inline") == std::string::npos);
    const auto script = client.Get("/static/app.js");
    REQUIRE(script);
    CHECK(script->status == 200);
    CHECK(script->body.find("textContent") != std::string::npos);
}

TEST_CASE("server: unknown paths and traversal attempts get 404 JSON") {
    RunningServer server;
    auto client = server.client();
    for (const char* path : {"/nope", "/static/../../etc/passwd", "/static/%2e%2e/CMakeLists.txt"}) {
        const auto response = client.Get(path);
        REQUIRE(response);
        CHECK(response->status == 404);
        CHECK(nlohmann::json::parse(response->body)["error"]["code"] == "not_found");
    }
}
