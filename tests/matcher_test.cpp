#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "errors.h"
#include "evaluation.h"
#include "fixtures.h"
#include "ingestion.h"
#include "match_json.h"
#include "matcher.h"
#include "service_context.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

struct MatchingCollection {
    TempDir dir;
    StoragePaths paths{dir / "db"};
    MatchingCollection() { Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)}); }

    MatchResult match(MatchRequest request) {
        Matcher matcher(paths, ServiceContext::builtin().matching_data());
        matcher.set_today("2026-01-01");
        return matcher.match(request);
    }
    MatchResult match_id(const std::string& id, MatchFilters filters = {}) {
        MatchRequest request;
        request.id = id;
        request.filters = filters;
        return match(request);
    }
};

std::vector<std::string> ids(const MatchResult& result) {
    std::vector<std::string> out;
    for (const auto& candidate : result.candidates) out.push_back(candidate.id);
    return out;
}

std::size_t rank_of(const MatchResult& result, const std::string& id) {
    const auto found = ids(result);
    return static_cast<std::size_t>(std::find(found.begin(), found.end(), id) - found.begin());
}

}  // namespace

TEST_CASE("zh demand to ru and en offers: the laser-welding offers come first") {
    MatchingCollection collection;
    const auto result = collection.match_id("t-dem-zh-1");
    REQUIRE(result.candidates.size() >= 2);
    for (const auto& candidate : result.candidates) CHECK(candidate.kind == DocumentKind::offer);
    const std::vector<std::string> top = {result.candidates[0].id, result.candidates[1].id};
    CHECK(std::count(top.begin(), top.end(), "t-off-ru-1") == 1);
    CHECK(std::count(top.begin(), top.end(), "t-off-en-1") == 1);
    CHECK(rank_of(result, "t-off-ru-2") > 1);
    // The unrelated catalyst offer is no candidate at all: candidates come from what they share
    // with the demand (concepts, words, dictionary renderings), and it shares nothing.
    const auto catalyst = std::find_if(result.candidates.begin(), result.candidates.end(),
                                       [](const MatchCandidate& c) { return c.id == "t-off-ru-2"; });
    CHECK(catalyst == result.candidates.end());
}

TEST_CASE("ru offer to zh demand and en offer to zh demand") {
    MatchingCollection collection;
    const auto from_russian = collection.match_id("t-off-ru-1");
    REQUIRE(!from_russian.candidates.empty());
    CHECK(from_russian.candidates.front().id == "t-dem-zh-1");
    for (const auto& candidate : from_russian.candidates) CHECK(candidate.kind == DocumentKind::demand);
    const auto from_english = collection.match_id("t-off-en-1");
    REQUIRE(!from_english.candidates.empty());
    CHECK(from_english.candidates.front().id == "t-dem-zh-1");
    for (const auto& candidate : from_english.candidates) CHECK(candidate.kind == DocumentKind::demand);
}

TEST_CASE("scores are between 0 and 1 and ranked, components add up to the score") {
    MatchingCollection collection;
    const auto result = collection.match_id("t-dem-zh-1");
    REQUIRE(!result.candidates.empty());
    double previous = 1.0;
    for (const auto& candidate : result.candidates) {
        CHECK(candidate.score >= 0.0);
        CHECK(candidate.score <= previous);
        previous = candidate.score;
        double sum = 0, weights = 0;
        for (const auto& component : candidate.components) {
            CHECK(component.value >= 0.0);
            CHECK(component.value <= 1.0);
            sum += component.contribution();
            weights += component.weight;
        }
        CHECK(weights == doctest::Approx(1.0));
        CHECK(sum == doctest::Approx(candidate.score));
    }
}

TEST_CASE("explanations show shared concepts in both languages and every factor") {
    MatchingCollection collection;
    const auto result = collection.match_id("t-dem-zh-1");
    const auto best = std::find_if(result.candidates.begin(), result.candidates.end(),
                                   [](const MatchCandidate& c) { return c.id == "t-off-ru-1"; });
    REQUIRE(best != result.candidates.end());
    const auto reasons = explain(*best, result.source_lang, KnowledgeBase::builtin());
    std::vector<std::string> factors;
    for (const auto& reason : reasons) factors.push_back(reason["factor"]);
    for (const char* factor : {"concepts", "text", "sector", "trl", "cooperation", "region"})
        CHECK(std::count(factors.begin(), factors.end(), factor) == 1);
    const auto& concepts = reasons[0];
    REQUIRE(concepts["factor"] == "concepts");
    bool laser_welding = false;
    for (const auto& shared : concepts["shared"]) {
        if (shared["concept"] == "laser-welding") {
            laser_welding = true;
            CHECK(shared["source_label"] == "激光焊接");
            CHECK(shared["candidate_label"] == "лазерная сварка");
            CHECK(shared["relation"] == "same");
        }
    }
    CHECK(laser_welding);
    CHECK(concepts["text"].get<std::string>().find("激光焊接 ↔ лазерная сварка") != std::string::npos);
    CHECK(best->sector_relation == SectorRelation::same);
}

TEST_CASE("filters narrow the candidates") {
    MatchingCollection collection;
    MatchFilters english;
    english.lang = Language::en;
    CHECK(ids(collection.match_id("t-dem-zh-1", english)) == std::vector<std::string>{"t-off-en-1"});

    MatchFilters licensed;
    licensed.cooperation = "license";
    const auto with_license = ids(collection.match_id("t-dem-zh-1", licensed));
    REQUIRE(!with_license.empty());
    for (const auto& id : with_license) CHECK(id == "t-off-ru-1");

    MatchFilters ready;
    ready.trl_min = 7;
    const auto ready_candidates = collection.match_id("t-dem-zh-1", ready).candidates;
    REQUIRE(!ready_candidates.empty());
    for (const auto& candidate : ready_candidates) {
        REQUIRE(candidate.trl);
        CHECK(*candidate.trl >= 7);
    }

    MatchFilters welding;
    welding.sector = "metalworking-welding";
    const auto in_welding = collection.match_id("t-dem-zh-1", welding).candidates;
    REQUIRE(!in_welding.empty());
    for (const auto& candidate : in_welding)
        CHECK(std::count(candidate.sectors.begin(), candidate.sectors.end(), "metalworking-welding") == 1);

    // A filter only narrows: the catalyst offer, sharing nothing with the demand, is not brought in.
    MatchFilters catalysts;
    catalysts.sector = "catalysts";
    CHECK(ids(collection.match_id("t-dem-zh-1", catalysts)).empty());

    MatchFilters unknown;
    unknown.cooperation = "franchise";
    CHECK_THROWS_AS(collection.match_id("t-dem-zh-1", unknown), InvalidInputError);
}

TEST_CASE("a free text in any language is matched without being stored") {
    MatchingCollection collection;
    MatchRequest request;
    request.text = "Требуется технология лазерной сварки толстых стальных листов для работы при минус 50 градусах.";
    request.kind = DocumentKind::demand;
    const auto result = collection.match(request);
    REQUIRE(!result.candidates.empty());
    CHECK(result.source_lang == Language::ru);
    CHECK((result.candidates.front().id == "t-off-ru-1" || result.candidates.front().id == "t-off-en-1"));
    CHECK(result.source_id.empty());
}

TEST_CASE("a demand nothing can meet gets no strong candidate") {
    MatchingCollection collection;
    MatchRequest request;
    request.text = "我们是一家冰雪旅游景区，需要为冰雕景观制作彩色透明冰块，要求冻结后无气泡、颜色均匀，游客可以拍照打卡。";
    request.kind = DocumentKind::demand;
    const auto result = collection.match(request);
    CHECK(result.no_strong_candidate);
    for (const auto& candidate : result.candidates) CHECK(candidate.score < result.threshold);
}

TEST_CASE("an expired candidate loses score and says so") {
    MatchingCollection collection;
    MatchRequest request;
    request.id = "t-dem-zh-1";
    Matcher current(collection.paths, ServiceContext::builtin().matching_data());
    current.set_today("2026-01-01");
    Matcher later(collection.paths, ServiceContext::builtin().matching_data());
    later.set_today("2030-01-01");  // after t-off-ru-1 expires (2027-03-01)
    const auto before = current.match(request);
    const auto after = later.match(request);
    auto find = [](const MatchResult& result) {
        return *std::find_if(result.candidates.begin(), result.candidates.end(),
                             [](const MatchCandidate& c) { return c.id == "t-off-ru-1"; });
    };
    CHECK_FALSE(find(before).expired);
    CHECK(find(after).expired);
    CHECK(find(after).score < find(before).score);
    const auto reasons = explain(find(after), after.source_lang, KnowledgeBase::builtin());
    CHECK(reasons.back()["factor"] == "expired");
}

TEST_CASE("match JSON has the documented shape") {
    MatchingCollection collection;
    const auto json = to_json(collection.match_id("t-dem-zh-1"), KnowledgeBase::builtin());
    CHECK(json["id"] == "t-dem-zh-1");
    CHECK(json["no_strong_candidate"].is_boolean());
    REQUIRE(json["candidates"].size() > 0);
    for (const char* field : {"id", "kind", "lang", "title", "score", "reasons"})
        CHECK(json["candidates"][0].contains(field));
    CHECK(json["candidates"][0]["reasons"].is_array());
}

TEST_CASE("evaluation metrics on a hand-computed example") {
    const std::vector<std::string> ranking = {"a", "b", "c", "d"};
    const std::map<std::string, int> grades = {{"b", 2}, {"d", 1}, {"e", 1}};
    // DCG = 3/log2(3) + 1/log2(5); ideal = 3/log2(2) + 1/log2(3) + 1/log2(4).
    const double dcg = 3 / std::log2(3.0) + 1 / std::log2(5.0);
    const double ideal = 3 + 1 / std::log2(3.0) + 0.5;
    CHECK(ndcg_at(ranking, grades, 10) == doctest::Approx(dcg / ideal));
    CHECK(ndcg_at(ranking, grades, 10) == doctest::Approx(0.5625).epsilon(0.001));
    CHECK(ndcg_at(ranking, grades, 1) == doctest::Approx(0.0));
    CHECK(reciprocal_rank(ranking, grades) == doctest::Approx(0.5));
    CHECK(recall_at(ranking, grades, 20) == doctest::Approx(2.0 / 3.0));
    CHECK(recall_at(ranking, grades, 2) == doctest::Approx(1.0 / 3.0));
    CHECK(reciprocal_rank({"x", "y"}, grades) == doctest::Approx(0.0));
}

TEST_CASE("qrels are read with their no-match lines and bad lines are located") {
    const Qrels qrels = read_qrels("q.tsv", "demand_id\toffer_id\tgrade\nd1\to1\t2\nd1\to2\t1\nd2\t-\t0\n");
    REQUIRE(qrels.judgments.size() == 2);
    CHECK(qrels.judgments.at("d1").at("o1") == 2);
    CHECK(qrels.judgments.at("d2").empty());
    CHECK_THROWS_WITH_AS(read_qrels("q.tsv", "demand_id\toffer_id\tgrade\nd1\to1\tthree\n"),
                         doctest::Contains("q.tsv:2:"), InvalidInputError);
}

TEST_CASE("qrels without a header join into one set and unlisted demands count as unmatched") {
    Qrels qrels;
    read_qrels_into(qrels, "a-qrels.tsv", "ra-d01\tra-o01\t2\nra-d01\tra-o04\t1\n");
    read_qrels_into(qrels, "b-qrels.tsv", "# comment\ndemand_id\toffer_id\tgrade\nrb-d01\trb-o25\t2\n");
    judge_unlisted_as_unmatched(qrels, {"ra-d01", "ra-d03", "rb-d08"});
    REQUIRE(qrels.judgments.size() == 4);
    CHECK(qrels.judgments.at("ra-d01") == std::map<std::string, int>{{"ra-o01", 2}, {"ra-o04", 1}});
    CHECK(qrels.judgments.at("rb-d01").at("rb-o25") == 2);
    CHECK(qrels.judgments.at("ra-d03").empty());
    CHECK(qrels.judgments.at("rb-d08").empty());
    // A header anywhere but first is a bad line, located by its file and line.
    CHECK_THROWS_WITH_AS(read_qrels("a.tsv", "d1\to1\t2\ndemand_id\toffer_id\tgrade\n"),
                         doctest::Contains("a.tsv:2: grade:"), InvalidInputError);
    CHECK_THROWS_WITH_AS(read_qrels("a.tsv", "d1\to1\n"), doctest::Contains("a.tsv:1:"), InvalidInputError);
}
