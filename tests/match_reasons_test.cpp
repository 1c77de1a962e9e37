#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.h"
#include "ingestion.h"
#include "match_json.h"
#include "matcher.h"
#include "service_context.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

// A Russian demand that asks for a licence at TRL 5 and more, beside the fixture
// collection's Russian laser-welding offer (TRL 7, licence or technical cooperation).
constexpr const char* demand_with_readiness =
    R"({"id":"t-dem-ru-9","kind":"demand","lang":"ru","title":"Лазерная сварка толстых листов хладостойкой стали",)"
    R"("body":"Ищем технологию лазерной сварки стальных листов толщиной до 20 мм со швами, сохраняющими вязкость при минус 60 градусах.",)"
    R"("region":"RU-PRI","sectors":["lasers-photonics"],"trl":5,"cooperation":["license"]})";

const nlohmann::json* reason_of(const nlohmann::json& reasons, const std::string& factor) {
    const auto found = std::find_if(reasons.begin(), reasons.end(), [&](const auto& r) { return r["factor"] == factor; });
    return found == reasons.end() ? nullptr : &*found;
}

}  // namespace

TEST_CASE("match reasons say both readiness levels and the cooperation types both sides want") {
    TempDir dir;
    dir.write("more/demand.jsonl", std::string(demand_with_readiness) + "\n");
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir), dir / "more" / "demand.jsonl"});
    MatchRequest request;
    request.id = "t-dem-ru-9";
    const nlohmann::json result = to_json(Matcher(paths, ServiceContext::builtin().matching_data()).match(request), KnowledgeBase::builtin());
    const auto& candidates = result["candidates"];
    const auto offer = std::find_if(candidates.begin(), candidates.end(), [](const auto& c) { return c["id"] == "t-off-ru-1"; });
    REQUIRE(offer != candidates.end());
    const nlohmann::json* trl = reason_of((*offer)["reasons"], "trl");
    REQUIRE(trl);
    CHECK((*trl)["source_trl"] == 5);
    CHECK((*trl)["candidate_trl"] == 7);
    const nlohmann::json* cooperation = reason_of((*offer)["reasons"], "cooperation");
    REQUIRE(cooperation);
    CHECK((*cooperation)["shared"] == nlohmann::json::array({"license"}));
    CHECK((*cooperation)["value"] == 1);
}
