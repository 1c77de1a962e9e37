#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "process_support.h"
#include "running_server.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

struct SameRequest {
    const char* name;
    std::string cli;  // the command's arguments after --db
    std::string api;  // the path and query of the GET request
};

}  // namespace

TEST_CASE("the CLI's --json and the API give the same JSON for the same request") {
    RunningServer server;
    auto client = server.client();
    const std::string db = "--db " + quote(server.paths().root.string());
    // 激光焊接 (laser welding) in the query string, percent-encoded.
    const std::string laser_welding = "%E6%BF%80%E5%85%89%E7%84%8A%E6%8E%A5";
    const SameRequest requests[] = {
        {"search", "search " + db + " --json 激光焊接", "/api/search?q=" + laser_welding},
        {"search with a filter", "search " + db + " --kind offer --json сварка",
         "/api/search?kind=offer&q=%D1%81%D0%B2%D0%B0%D1%80%D0%BA%D0%B0"},
        {"show", "show " + db + " --json t-off-ru-1", "/api/documents/t-off-ru-1"},
        {"match a stored demand", "match " + db + " --json --id t-dem-zh-1", "/api/match?id=t-dem-zh-1"},
        {"concepts", "concepts " + db + " --json 激光焊接", "/api/concepts?q=" + laser_welding},
        {"concepts of a sector", "concepts " + db + " --json --sector lasers-photonics", "/api/concepts?sector=lasers-photonics"},
        {"landscape", "landscape " + db + " --json", "/api/landscape"},
    };
    for (const SameRequest& request : requests) {
        CAPTURE(request.name);
        const CommandResult command = run_techbridge(request.cli);
        REQUIRE(command.status == 0);
        const auto answer = client.Get(request.api);
        REQUIRE(answer);
        REQUIRE(answer->status == 200);
        const auto from_cli = nlohmann::json::parse(command.output);
        const auto from_api = nlohmann::json::parse(answer->body);
        CHECK(!from_api.empty());
        CHECK(from_cli == from_api);
    }
}
