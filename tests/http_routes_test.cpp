#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "running_server.h"

using namespace techbridge;
using namespace techbridge::testing;

// Every route of the server, table-driven as libkiwix's test/server.cpp is: a request, the
// status it gets and the Content-Type it comes with; an error always as JSON with its code.

namespace {

enum class Credential { none, valid, wrong };

struct RouteCase {
    std::string method;
    std::string path;  // with its query, percent-encoded
    int status;
    std::string content_type;  // what the Content-Type starts with
    std::string error_code;    // error.code of an error's JSON body; empty for a success
    std::string body = {};     // sent as application/json when not empty
    Credential token = Credential::none;
    std::string host = {};     // the Host header, when not the client's own
};

const std::string laser_need =
    R"({"text": "Нам нужна лазерная сварка толстых стальных листов для северных условий", "kind": "demand"})";
const std::string chinese_need = R"({"text": "需要激光焊接厚板的工艺"})";
const std::string jsonl_file =
    R"({"id":"web-en-1","kind":"offer","lang":"en","title":"Laser cladding of turbine blades","body":"Laser cladding of worn steam turbine blades."})"
    "\n";

const char* const html = "text/html; charset=utf-8";
const char* const javascript = "text/javascript; charset=utf-8";
const char* const css = "text/css; charset=utf-8";
const char* const json = "application/json";
const char* const csv = "text/csv; charset=utf-8";

const std::vector<RouteCase> routes = {
    // The page and its assets.
    {"GET", "/", 200, html, ""},
    {"GET", "/static/app.js", 200, javascript, ""},
    {"GET", "/static/style.css", 200, css, ""},
    {"GET", "/static/i18n.js", 200, javascript, ""},
    {"GET", "/static/index.html", 200, html, ""},
    {"GET", "/static/nope.js", 404, json, "not_found"},
    {"GET", "/static/%2e%2e/CMakeLists.txt", 404, json, "not_found"},
    {"GET", "/index.html", 404, json, "not_found"},
    // Health and metadata.
    {"GET", "/api/health", 200, json, ""},
    {"GET", "/api/meta", 200, json, ""},
    // Search.
    {"GET", "/api/search?q=%D1%81%D0%B2%D0%B0%D1%80%D0%BA%D0%B0", 200, json, ""},  // сварка
    {"GET", "/api/search?q=%E6%BF%80%E5%85%89%E7%84%8A%E6%8E%A5&kind=demand", 200, json, ""},  // 激光焊接
    {"GET", "/api/search", 200, json, ""},  // no q: every document
    {"GET", "/api/search?q=&limit=0", 200, json, ""},
    {"GET", "/api/search?q=laser&limit=many", 400, json, "invalid_parameter"},
    {"GET", "/api/search?q=laser&limit=-1", 400, json, "invalid_parameter"},
    {"GET", "/api/search?q=laser&limit=101", 400, json, "invalid_parameter"},
    {"GET", "/api/search?q=laser&offset=-5", 400, json, "invalid_parameter"},
    {"GET", "/api/search?q=laser&kind=proposal", 400, json, "invalid_parameter"},
    {"GET", "/api/search?q=laser&order=trl", 200, json, ""},
    {"GET", "/api/search?q=laser&order=published", 200, json, ""},
    {"GET", "/api/search?q=laser&order=newest", 400, json, "invalid_parameter"},
    {"GET", "/api/search?q=%C3%28", 400, json, "invalid_parameter"},  // not UTF-8
    // Documents.
    {"GET", "/api/documents/t-off-ru-1", 200, json, ""},
    {"GET", "/api/documents/t-dem-zh-2", 200, json, ""},
    {"GET", "/api/documents/no-such-document", 404, json, "not_found"},
    {"GET", "/api/documents/bad%20id%21", 404, json, "not_found"},  // not a valid id
    {"GET", "/api/documents/", 404, json, "not_found"},
    // Matches of a stored document and of a pasted text.
    {"GET", "/api/match?id=t-dem-zh-1", 200, json, ""},
    {"GET", "/api/match?id=t-off-ru-1&limit=3", 200, json, ""},
    {"GET", "/api/match?id=t-dem-zh-1&format=csv", 200, csv, ""},
    {"GET", "/api/match?id=no-such-document", 404, json, "not_found"},
    {"GET", "/api/match", 400, json, "invalid_parameter"},
    {"POST", "/api/match", 200, json, "", laser_need},
    {"POST", "/api/match", 200, json, "", chinese_need},
    {"POST", "/api/match?format=csv", 200, csv, "", chinese_need},
    {"POST", "/api/match", 400, json, "invalid_parameter", R"({"text": ""})"},
    {"POST", "/api/match", 400, json, "invalid_parameter", R"({"text": "   "})"},
    {"POST", "/api/match", 400, json, "invalid_parameter", R"({"text": "сварка", "kind": "proposal"})"},
    {"POST", "/api/match", 400, json, "invalid_body", "not json"},
    {"POST", "/api/match", 400, json, "invalid_body", R"({"text": "unterminated)"},
    // Landscape and thesaurus.
    {"GET", "/api/landscape", 200, json, ""},
    {"GET", "/api/concepts", 200, json, ""},
    {"GET", "/api/concepts?q=%E7%84%8A%E6%8E%A5", 200, json, ""},                      // 焊接
    {"GET", "/api/concepts?q=%D1%81%D0%B2%D0%B0%D1%80%D0%BA%D0%B0", 200, json, ""},  // сварка
    {"GET", "/api/concepts?sector=lasers-photonics", 200, json, ""},
    {"GET", "/api/concepts?q=welding&sector=metalworking-welding", 200, json, ""},
    {"GET", "/api/concepts?sector=nonsense", 400, json, "invalid_parameter"},
    // Writes and plans need the token.
    {"POST", "/api/import?format=jsonl&filename=new.jsonl", 401, json, "unauthorized", jsonl_file},
    {"POST", "/api/import?format=jsonl&filename=new.jsonl", 401, json, "unauthorized", jsonl_file, Credential::wrong},
    {"POST", "/api/import?format=jsonl&filename=new.jsonl", 200, json, "", jsonl_file, Credential::valid},  // checked, not stored
    {"POST", "/api/import?format=xml", 400, json, "invalid_parameter", jsonl_file, Credential::valid},
    {"POST", "/api/import?format=jsonl", 400, json, "invalid_body", "{\"id\": \"\xff\"}\n", Credential::valid},  // not UTF-8
    {"POST", "/api/import", 400, json, "invalid_parameter", jsonl_file, Credential::valid},  // no format
    {"POST", "/api/expo/plan", 401, json, "unauthorized", R"({"slots": []})"},
    {"POST", "/api/expo/plan?format=pdf", 400, json, "invalid_parameter", R"({"slots": []})", Credential::valid},
    {"POST", "/api/expo/plan", 400, json, "invalid_body", "{\"name\": \"\xff\"}", Credential::valid},  // not UTF-8
    // Unknown paths, and methods a path does not take (404 like an unknown path, not 405).
    {"GET", "/api/nope", 404, json, "not_found"},
    {"GET", "/api", 404, json, "not_found"},
    {"GET", "/api/import", 404, json, "not_found"},  // a POST route
    {"DELETE", "/api/search?q=laser", 404, json, "not_found"},
    {"PUT", "/api/documents/t-off-ru-1", 404, json, "not_found", R"({"title": "x"})", Credential::valid},
    {"POST", "/api/search?q=laser", 404, json, "not_found", R"({})"},
    // Another Host name than the loopback's is refused before routing.
    {"GET", "/api/health", 421, json, "unknown_host", "", Credential::none, "evil.example"},
    {"GET", "/", 421, json, "unknown_host", "", Credential::none, "evil.example:8080"},
    {"POST", "/api/match", 421, json, "unknown_host", laser_need, Credential::none, "127.0.0.1.evil.example"},
};

}  // namespace

TEST_CASE("http routes: every route answers with its status and content type, errors as JSON with a code") {
    RunningServer server;
    auto client = server.client();
    CHECK(routes.size() >= 30);
    for (const RouteCase& route : routes) {
        CAPTURE(route.method);
        CAPTURE(route.path);
        CAPTURE(route.body);
        CAPTURE(route.host);
        httplib::Request request;
        request.method = route.method;
        request.path = route.path;
        if (!route.body.empty()) {
            request.body = route.body;
            request.set_header("Content-Type", "application/json");
        }
        if (route.token == Credential::valid) request.set_header("Authorization", std::string("Bearer ") + RunningServer::token);
        if (route.token == Credential::wrong) request.set_header("Authorization", "Bearer not-the-token");
        if (!route.host.empty()) request.set_header("Host", route.host);
        const auto response = client.send(request);
        REQUIRE(response);
        CHECK(response->status == route.status);
        const std::string type = response->get_header_value("Content-Type");
        CAPTURE(type);
        CHECK(type.starts_with(route.content_type));
        CHECK(response->get_header_value("X-Content-Type-Options") == "nosniff");
        if (route.content_type != json) continue;
        const auto body = nlohmann::json::parse(response->body, nullptr, false);
        REQUIRE_FALSE(body.is_discarded());
        if (route.error_code.empty()) {
            CHECK_FALSE(body.contains("error"));
        } else {
            REQUIRE(body.contains("error"));
            CHECK(body["error"]["code"] == route.error_code);
            CHECK(body["error"]["message"].get<std::string>().size() > 0);
        }
    }
    // Nothing above stored anything: the import without confirm=1 only checked its file.
    CHECK(client.Get("/api/documents/web-en-1")->status == 404);
}
