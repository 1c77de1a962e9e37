#include <doctest/doctest.h>

#include "dictionaries.h"
#include "errors.h"
#include "fixtures.h"
#include "ingestion.h"
#include "matching_settings.h"
#include "query_evaluation.h"

using namespace techbridge;
using namespace techbridge::testing;

TEST_CASE("judged queries: a line that is not qid, lang, query, ids is refused with its file and line") {
    const auto queries = read_judged_queries("q.tsv", "qid\tlang\tquery\tids\nq1\tzh\t激光焊接\tt-dem-zh-1,t-off-ru-1\r\n\n");
    REQUIRE(queries.size() == 1);
    CHECK(queries[0].id == "q1");
    CHECK(queries[0].lang == Language::zh);
    CHECK(queries[0].text == "激光焊接");
    CHECK(queries[0].relevant == std::set<std::string>{"t-dem-zh-1", "t-off-ru-1"});

    CHECK_THROWS_WITH_AS(read_judged_queries("q.tsv", "q1\tzh\t激光焊接\n"), doctest::Contains("q.tsv:1: expected 4"),
                         InvalidInputError);
    CHECK_THROWS_WITH_AS(read_judged_queries("q.tsv", "q1\tzh\tx\ta\nq2\tde\tx\ta\n"), doctest::Contains("q.tsv:2: lang"),
                         InvalidInputError);
    CHECK_THROWS_WITH_AS(read_judged_queries("q.tsv", "q1\tzh\tx\ta\nq1\tru\ty\tb\n"), doctest::Contains("given twice"),
                         InvalidInputError);
    CHECK_THROWS_WITH_AS(read_judged_queries("q.tsv", "q1\tzh\tx\t\n"), doctest::Contains("no relevant document"),
                         InvalidInputError);
    CHECK_THROWS_WITH_AS(read_judged_queries("q.tsv", "# comment\nq1\tzh\t\xff\ta\n"), doctest::Contains("q.tsv:2: invalid UTF-8"),
                         InvalidInputError);
}

TEST_CASE("judged queries: recall is counted apart for the query's language and the others") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    const MatchingData data{KnowledgeBase::builtin(), MatchingSettings::builtin(), Dictionaries::installed()};
    // 激光焊接: the Chinese laser demand (same language), the Russian and English laser offers (others).
    const auto queries = read_judged_queries("q.tsv", "q1\tzh\t激光焊接\tt-dem-zh-1,t-off-ru-1,t-off-en-1,no-such-doc\n"
                                                      "q2\ten\tdiesel hydrotreating catalyst\tt-off-ru-2\n");
    const QueryEvaluationReport report = evaluate_queries(paths, data, queries);
    CHECK(report.unknown_documents == std::vector<std::string>{"no-such-doc"});
    REQUIRE(report.queries.size() == 2);
    const QuerySetMetrics& zh = report.sets.at("zh");
    CHECK(zh.queries == 1);
    CHECK(zh.same_language_relevant == 1);
    CHECK(zh.other_language_relevant == 2);
    CHECK(zh.same_language_found == 1);
    CHECK(zh.other_language_found == 2);
    const QuerySetMetrics& all = report.sets.at("all");
    CHECK(all.queries == 2);
    CHECK(all.other_language_relevant == 3);
    CHECK(report.queries[1].top10.size() >= 1);
    CHECK(report.queries[1].top10.front() == "t-off-ru-2");
    CHECK(all.ndcg10 > 0.5);
    CHECK(all.ndcg10 <= 1.0);
}
