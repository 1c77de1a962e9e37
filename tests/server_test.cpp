#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <thread>

#include <sys/socket.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "process_support.h"
#include "access_token.h"
#include "running_server.h"

using namespace techbridge;
using namespace techbridge::testing;

TEST_CASE("server: /api/search finds the Chinese demand for 激光焊接 as JSON") {
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
    CHECK(page->body.find("src=\"/static/app.js\"") != std::string::npos);
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

TEST_CASE("server: search results carry facet counts over all matches and snippets cut at their highlights") {
    RunningServer server;
    auto client = server.client();
    const auto response = client.Get("/api/search?q=&limit=1");  // every document
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto json = nlohmann::json::parse(response->body);
    CHECK(json["total"] == 6);
    CHECK(json["hits"].size() == 1);
    std::map<std::string, int> kinds;
    for (const auto& entry : json["facets"]["kind"]) kinds[entry["value"]] = entry["count"];
    CHECK(kinds["offer"] == 3);
    CHECK(kinds["demand"] == 2);
    CHECK(kinds["knowledge"] == 1);

    const auto laser = nlohmann::json::parse(client.Get("/api/search?q=%D1%81%D0%B2%D0%B0%D1%80%D0%BA%D0%B0")->body);  // сварка
    REQUIRE(laser["hits"].size() > 0);
    std::string joined, marked;
    for (const auto& part : laser["hits"][0]["snippet_parts"]) {
        joined += part["text"].get<std::string>();
        if (part["hit"].get<bool>()) marked += part["text"].get<std::string>();
    }
    CHECK(joined == laser["hits"][0]["snippet"].get<std::string>());
    CHECK(marked.find("сварк") != std::string::npos);

    const auto filtered = nlohmann::json::parse(client.Get("/api/search?q=&trl_min=7&kind=offer")->body);
    REQUIRE(filtered["hits"].size() > 0);
    for (const auto& hit : filtered["hits"]) {
        CHECK(hit["kind"] == "offer");
        CHECK(hit["trl"].get<int>() >= 7);
    }
    CHECK(client.Get("/api/search?q=&trl_min=12")->status == 400);
}

TEST_CASE("server: a document comes with every field, its concepts in three languages and its sectors") {
    RunningServer server;
    auto client = server.client();
    const auto response = client.Get("/api/documents/t-off-ru-1");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto json = nlohmann::json::parse(response->body);
    CHECK(json["document"]["id"] == "t-off-ru-1");
    CHECK(json["document"]["lang"] == "ru");
    REQUIRE(json["concepts"].size() > 0);
    CHECK(json["concepts"][0]["labels"]["zh"].get<std::string>().size() > 0);
    REQUIRE(json["sectors"].size() > 0);
    CHECK(json["sectors"][0].contains("provenance"));
    const auto missing = client.Get("/api/documents/no-such-document");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK(nlohmann::json::parse(missing->body)["error"]["code"] == "not_found");
}

TEST_CASE("server: matches for a stored demand, as JSON and as CSV, and the partner finder stores nothing") {
    RunningServer server;
    auto client = server.client();
    const auto response = client.Get("/api/match?id=t-dem-zh-1&limit=5");
    REQUIRE(response);
    REQUIRE(response->status == 200);
    const auto json = nlohmann::json::parse(response->body);
    CHECK(json["source"]["lang"] == "zh");
    REQUIRE(json["candidates"].size() > 0);
    for (const auto& candidate : json["candidates"]) CHECK(candidate["kind"] == "offer");
    CHECK(json["candidates"][0]["reasons"].size() > 0);
    CHECK(json["candidates"][0]["expired"].is_boolean());

    const auto csv = client.Get("/api/match?id=t-dem-zh-1&limit=5&format=csv");
    REQUIRE(csv);
    CHECK(csv->get_header_value("Content-Type").starts_with("text/csv"));
    CHECK(csv->body.starts_with("source_id,source_kind,source_lang,rank,candidate_id"));
    CHECK(csv->body.find("t-dem-zh-1,demand,zh,1,") != std::string::npos);

    const std::string need = R"({"text": "Нам нужна лазерная сварка толстых стальных листов для северных условий", "kind": "demand"})";
    const auto finder = client.Post("/api/match", need, "application/json");
    REQUIRE(finder);
    REQUIRE(finder->status == 200);
    const auto found = nlohmann::json::parse(finder->body);
    CHECK(found["id"].is_null());
    REQUIRE(found["candidates"].size() > 0);
    CHECK(found["candidates"][0]["kind"] == "offer");
    const auto total = nlohmann::json::parse(client.Get("/api/search?q=&limit=0")->body)["total"];
    CHECK(total == 6);  // nothing stored

    CHECK(client.Post("/api/match", "not json", "application/json")->status == 400);
    CHECK(client.Post("/api/match", R"({"text": "x", "kind": "proposal"})", "application/json")->status == 400);
    CHECK(client.Get("/api/match?id=missing")->status == 404);
    CHECK(client.Get("/api/match")->status == 400);
}

TEST_CASE("server: landscape, meta and the thesaurus by sector") {
    RunningServer server;
    auto client = server.client();
    const auto landscape = nlohmann::json::parse(client.Get("/api/landscape")->body);
    REQUIRE(landscape["by_sector"].size() > 0);
    std::size_t demands = 0;
    for (const auto& row : landscape["by_region"]) demands += row["demands"].get<std::size_t>();
    CHECK(demands >= 2);

    httplib::Headers russian = {{"Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8"}};
    CHECK(nlohmann::json::parse(client.Get("/api/meta", russian)->body)["ui_language"] == "ru");
    httplib::Headers chinese = {{"Accept-Language", "en;q=0.5,zh-CN"}};
    const auto meta = nlohmann::json::parse(client.Get("/api/meta", chinese)->body);
    CHECK(meta["ui_language"] == "zh");
    CHECK(meta["sectors"].size() >= 35);

    const auto concepts = nlohmann::json::parse(client.Get("/api/concepts?sector=lasers-photonics")->body);
    REQUIRE(concepts["concepts"].size() > 0);
    for (const auto& entry : concepts["concepts"]) {
        const auto& sectors = entry["sectors"];
        CHECK(std::find(sectors.begin(), sectors.end(), "lasers-photonics") != sectors.end());
    }
    const auto welding = nlohmann::json::parse(client.Get("/api/concepts?q=%E7%84%8A%E6%8E%A5")->body);  // 焊接
    REQUIRE(welding["concepts"].size() > 0);
    CHECK(client.Get("/api/concepts?sector=nonsense")->status == 400);
}

TEST_CASE("server: an import needs the token, reports bad lines and stores nothing until confirmed") {
    RunningServer server;
    auto client = server.client();
    const std::string file =
        R"({"id":"web-ru-1","kind":"offer","lang":"ru","title":"Лазерная наплавка лопаток турбин","body":"Институт предлагает лазерную наплавку изношенных лопаток паровых турбин порошками на основе никеля."})"
        "\n"
        R"({"id":"web-zh-1","kind":"demand","lang":"zh","title":"汽轮机叶片修复","body":"需要汽轮机叶片激光修复技术。","trl":12})"
        "\n";
    const char* path = "/api/import?format=jsonl&filename=new.jsonl";
    const auto anonymous = client.Post(path, file, "application/x-ndjson");
    REQUIRE(anonymous);
    CHECK(anonymous->status == 401);
    httplib::Headers wrong = {{"Authorization", "Bearer not-the-token"}};
    CHECK(client.Post(path, wrong, file, "application/x-ndjson")->status == 401);

    httplib::Headers authorized = {{"Authorization", std::string("Bearer ") + RunningServer::token}};
    const auto checked = client.Post(path, authorized, file, "application/x-ndjson");
    REQUIRE(checked);
    REQUIRE(checked->status == 200);
    const auto report = nlohmann::json::parse(checked->body);
    CHECK(report["confirmed"] == false);
    CHECK(report["valid"] == 1);
    REQUIRE(report["problems"].size() == 1);
    CHECK(report["problems"][0]["line"] == 2);
    CHECK(report["problems"][0]["field"] == "trl");
    CHECK(client.Get("/api/documents/web-ru-1")->status == 404);

    const auto stored = client.Post("/api/import?format=jsonl&filename=new.jsonl&confirm=1", authorized, file,
                                    "application/x-ndjson");
    REQUIRE(stored);
    REQUIRE(stored->status == 200);
    CHECK(nlohmann::json::parse(stored->body)["stored"] == 1);
    CHECK(client.Get("/api/documents/web-ru-1")->status == 200);
    CHECK(client.Get("/api/documents/t-off-ru-1")->status == 200);  // nothing already stored is lost
    const auto found = nlohmann::json::parse(client.Get("/api/search?q=%D0%BB%D0%BE%D0%BF%D0%B0%D1%82%D0%BE%D0%BA")->body);
    REQUIRE(found["hits"].size() > 0);
    CHECK(found["hits"][0]["id"] == "web-ru-1");

    CHECK(client.Post("/api/import?format=xml", authorized, file, "text/plain")->status == 400);
    CHECK(client.Post(path, authorized, std::string("{\"id\":\"x\xff\"}\n"), "text/plain")->status == 400);
}

TEST_CASE("server: a title with markup is sent as JSON text, never as page markup") {
    RunningServer server;
    auto client = server.client();
    httplib::Headers authorized = {{"Authorization", std::string("Bearer ") + RunningServer::token}};
    const std::string file =
        R"({"id":"web-xss","kind":"offer","lang":"en","title":"<script>alert(1)</script> laser cladding","body":"Laser cladding of worn shafts."})"
        "\n";
    REQUIRE(client.Post("/api/import?format=jsonl&filename=x.jsonl&confirm=1", authorized, file, "text/plain")->status == 200);
    const auto response = client.Get("/api/documents/web-xss");
    REQUIRE(response);
    CHECK(response->get_header_value("Content-Type").starts_with("application/json"));
    CHECK(nlohmann::json::parse(response->body)["document"]["title"] == "<script>alert(1)</script> laser cladding");
    CHECK(response->get_header_value("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("server: the access token is generated once per database and kept private") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    std::filesystem::create_directories(paths.root);
    ::unsetenv("TECHBRIDGE_TOKEN");
    const AccessToken first = AccessToken::for_database(paths);
    const AccessToken second = AccessToken::for_database(paths);
    CHECK(first.secret().size() == 64);
    CHECK(first.secret() == second.secret());
    CHECK(first.admits("Bearer " + first.secret()));
    CHECK_FALSE(first.admits(first.secret()));
    CHECK_FALSE(first.admits("Bearer " + first.secret() + "x"));
    const auto permissions = std::filesystem::status(paths.root / "token").permissions();
    CHECK((permissions & (std::filesystem::perms::group_all | std::filesystem::perms::others_all)) ==
          std::filesystem::perms::none);
}

TEST_CASE("server: an expo plan needs the token and names the entry of a bad event") {
    RunningServer server;
    auto client = server.client();
    const std::string event = R"({"slots": [{"id": "s1", "start": "2027-06-15T09:00", "end": "2027-06-15T09:30"},
                                            {"id": "s2", "start": "2027-06-15T09:30", "end": "2027-06-15T10:00"}],
        "tables": [{"id": "T1"}],
        "participants": [{"id": "harbin", "name": "哈尔滨某焊接企业", "languages": ["zh"], "documents": ["t-dem-zh-1"]},
                         {"id": "tomsk", "name": "Лаборатория", "languages": ["ru", "en"], "documents": ["t-off-ru-1"]}],
        "requests": [{"from": "harbin", "to": "tomsk", "priority": "must"}],
        "interpreters": [{"id": "int-1", "languages": ["zh", "ru"]}]})";
    CHECK(client.Post("/api/expo/plan", event, "application/json")->status == 401);
    httplib::Headers authorized = {{"Authorization", std::string("Bearer ") + RunningServer::token}};
    const auto planned = client.Post("/api/expo/plan", authorized, event, "application/json");
    REQUIRE(planned);
    REQUIRE(planned->status == 200);
    const auto plan = nlohmann::json::parse(planned->body);
    REQUIRE(plan["meetings"].size() == 1);
    CHECK(plan["meetings"][0]["interpreter"] == "int-1");
    CHECK(plan["event"]["participants"].size() == 2);
    const auto csv = client.Post("/api/expo/plan?format=csv", authorized, event, "application/json");
    REQUIRE(csv);
    CHECK(csv->body.starts_with("slot,start,end,table,a,a_name,b,b_name,interpreter"));
    const auto ics = client.Post("/api/expo/plan?format=ics&participant=tomsk", authorized, event, "application/json");
    REQUIRE(ics);
    CHECK(ics->get_header_value("Content-Type").starts_with("text/calendar"));
    CHECK(ics->body.find("BEGIN:VEVENT") != std::string::npos);

    std::string bad = event;
    bad.replace(bad.find(R"("documents": ["t-dem-zh-1"])"), 27, R"("available": ["s9"])");
    const auto refused = client.Post("/api/expo/plan", authorized, bad, "application/json");
    REQUIRE(refused);
    CHECK(refused->status == 400);
    CHECK(nlohmann::json::parse(refused->body)["error"]["message"].get<std::string>().find("participants[0] (\"harbin\")") !=
          std::string::npos);
}

TEST_CASE("server: hostile requests get proper errors and the server stays up") {
    RunningServer server(1);
    auto client = server.client();
    httplib::Headers authorized = {{"Authorization", std::string("Bearer ") + RunningServer::token}};

    // A body over the limit.
    const auto huge = client.Post("/api/import?format=jsonl&filename=big.jsonl", authorized, std::string(100 << 10, 'x'),
                                  "text/plain");
    REQUIRE(huge);
    CHECK(huge->status == 413);

    // A line break smuggled into a value that could reach a header.
    const auto injected = client.Get("/api/match?id=t-dem-zh-1%0d%0aSet-Cookie:%20x=1&format=csv");
    REQUIRE(injected);
    CHECK(injected->status == 404);
    CHECK_FALSE(injected->has_header("Set-Cookie"));

    // A slow client that never finishes its request is cut off; others are served meanwhile.
    const int slow = connect_loopback(server.port());
    REQUIRE(slow >= 0);
    const std::string partial = "GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    CHECK(::send(slow, partial.data(), partial.size(), 0) == static_cast<ssize_t>(partial.size()));
    CHECK(client.Get("/api/health")->status == 200);
    // Within the read timeout the server answers with an error or closes; either way it lets go.
    timeval wait{4, 0};
    ::setsockopt(slow, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    char reply[512];
    const ssize_t got = ::recv(slow, reply, sizeof reply, 0);
    if (got > 0) CHECK(std::string(reply, static_cast<std::size_t>(got)).starts_with("HTTP/1.1 4"));
    else CHECK(got == 0);
    ::close(slow);

    // A burst of idle connections: each is cut off after the read timeout, and then the
    // server answers as before.
    std::vector<int> burst;
    for (int i = 0; i < 200; ++i)
        if (const int fd = connect_loopback(server.port()); fd >= 0) burst.push_back(fd);
    CHECK(burst.size() == 200);
    std::size_t cut_off = 0;
    for (const int fd : burst) {
        timeval patience{30, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
        char ignored[512];
        while (true) {
            const ssize_t n = ::recv(fd, ignored, sizeof ignored, 0);
            if (n == 0) {
                ++cut_off;
                break;
            }
            if (n < 0) break;  // still open after 30 s
        }
        ::close(fd);
    }
    CHECK(cut_off == burst.size());
    CHECK(client.Get("/api/health")->status == 200);
    CHECK(client.Get("/api/search?q=%E7%84%8A%E6%8E%A5")->status == 200);
}
