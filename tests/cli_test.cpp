#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <set>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include "process_support.h"
#include "test_support.h"

using namespace techbridge::testing;

namespace {

const std::string corpus = std::string(TECHBRIDGE_SOURCE_DIR) + "/corpus/documents";

}  // namespace

TEST_CASE("CLI: index and search and show and stats on the bundled corpus") {
    TempDir dir;
    const std::string db = quote((dir / "db").string());

    const auto indexed = run_techbridge("index --db " + db + " " + quote(corpus));
    INFO(indexed.output);
    REQUIRE(indexed.status == 0);
    CHECK(indexed.output.find("0 rejected") != std::string::npos);

    const auto stats = run_techbridge("stats --db " + db + " --json");
    REQUIRE(stats.status == 0);
    const auto counts = nlohmann::json::parse(stats.output);
    CHECK(counts["documents"]["total"].get<int>() >= 24);
    for (const char* kind : {"offer", "demand", "knowledge"}) CHECK(counts["documents"]["by_kind"][kind].get<int>() > 0);
    for (const char* lang : {"zh", "ru", "en"}) CHECK(counts["documents"]["by_lang"][lang].get<int>() > 0);

    const auto search = run_techbridge("search --db " + db + " --kind offer --lang ru --limit 5 --json сварка");
    INFO(search.output);
    REQUIRE(search.status == 0);
    const auto result = nlohmann::json::parse(search.output);
    REQUIRE(result["hits"].size() > 0);
    for (const auto& hit : result["hits"]) {
        CHECK(hit["kind"] == "offer");
        CHECK(hit["lang"] == "ru");
    }

    const std::string first = result["hits"][0]["id"];
    const auto shown = run_techbridge("show --db " + db + " --json " + quote(first));
    REQUIRE(shown.status == 0);
    const auto document = nlohmann::json::parse(shown.output);
    CHECK(document["document"]["id"] == first);
    CHECK(document["concepts"].size() > 0);
    CHECK(document["source"]["path"].get<std::string>().ends_with(".md"));

    const auto chinese = run_techbridge("search --db " + db + " --kind demand --json 焊接");
    REQUIRE(chinese.status == 0);
    CHECK(nlohmann::json::parse(chinese.output)["hits"].size() > 0);

    // The knowledge base: stats, concepts, and the cross-language search of the README.
    CHECK(counts["concepts"]["total"].get<int>() >= 600);
    CHECK(counts["concepts"]["trilingual"] == counts["concepts"]["total"]);
    CHECK(counts["sectors"].get<int>() >= 35);
    CHECK(counts["regions"].get<int>() >= 30);
    for (const char* lang : {"zh", "ru", "en"}) {
        const double share = counts["tagged_3plus"][lang].get<double>();
        CHECK(share > 0.5);
        CHECK(share <= 1.0);
    }

    const auto concepts = run_techbridge("concepts --db " + db + " --json 激光焊接");
    REQUIRE(concepts.status == 0);
    const auto found = nlohmann::json::parse(concepts.output);
    REQUIRE(found["concepts"].size() > 0);
    CHECK(found["concepts"][0]["id"] == "laser-welding");
    CHECK(found["concepts"][0]["labels"]["ru"] == "лазерная сварка");
    CHECK(found["concepts"][0]["variants"]["ru"][0] == "лазерная сварка");

    const auto cross = run_techbridge("search --db " + db + " --kind offer --json 激光焊接");
    REQUIRE(cross.status == 0);
    std::set<std::string> languages;
    const auto cross_result = nlohmann::json::parse(cross.output);
    for (const auto& hit : cross_result["hits"]) languages.insert(hit["lang"].get<std::string>());
    CHECK(languages.contains("ru"));
    CHECK(languages.contains("en"));
    // A word no document has: the others still find documents, and the listing says so.
    const auto partial = run_techbridge("search --db " + db + " " + quote("激光焊接 zzqxv"));
    REQUIRE(partial.status == 0);
    CHECK(partial.output.find("0 with every word (in some language), ") != std::string::npos);
    CHECK(run_techbridge("search --db " + db + " 激光焊接").output.find("with some of them") == std::string::npos);
    // Three words of which no document has two: any of them may match, and the listing says so.
    const auto relaxed = run_techbridge("search --db " + db + " " + quote("激光焊接 zzqxv qqzzx"));
    REQUIRE(relaxed.status == 0);
    CHECK(relaxed.output.find("no document has enough of the words") != std::string::npos);

    const auto coverage = run_techbridge("coverage --db " + db + " --json --limit 5");
    REQUIRE(coverage.status == 0);
    CHECK(nlohmann::json::parse(coverage.output)["zh"]["untagged"].size() == 5);

    // Matching from the command line: JSON shape, a whole text, the CSV of match-all, the gap map.
    const auto matched = run_techbridge("match --db " + db + " --id dem-zh-004 --limit 5 --json");
    INFO(matched.output);
    REQUIRE(matched.status == 0);
    const auto match_json = nlohmann::json::parse(matched.output);
    CHECK(match_json["id"] == "dem-zh-004");
    CHECK(match_json["no_strong_candidate"].is_boolean());
    REQUIRE(match_json["candidates"].size() == 5);
    for (const auto& candidate : match_json["candidates"]) {
        CHECK(candidate["kind"] == "offer");
        for (const char* field : {"id", "lang", "title", "score", "reasons"}) CHECK(candidate.contains(field));
    }
    const auto text = run_techbridge("match --db " + db + " --kind demand --json --text " +
                                     quote("Ищем технологию гидроочистки дизельного топлива до 10 ppm серы"));
    REQUIRE(text.status == 0);
    CHECK(nlohmann::json::parse(text.output)["candidates"].size() > 0);
    CHECK(run_techbridge("match --db " + db + " --text x").status == 2);  // --kind is required with --text

    const auto csv_path = (dir / "matches.csv").string();
    const auto all = run_techbridge("match-all --db " + db + " --limit 2 --out " + quote(csv_path));
    REQUIRE(all.status == 0);
    const std::string csv = read_file(csv_path);
    CHECK(csv.starts_with("source_id,source_kind,source_lang,rank,candidate_id"));
    CHECK(std::count(csv.begin(), csv.end(), '\n') > 400);

    const auto landscape = run_techbridge("landscape --db " + db + " --json");
    REQUIRE(landscape.status == 0);
    const auto gaps = nlohmann::json::parse(landscape.output);
    CHECK(gaps["by_sector"].size() > 10);
    CHECK(gaps["by_region"].size() > 5);

    const auto again = run_techbridge("index --db " + db + " " + quote(corpus));
    CHECK(again.status == 0);
    CHECK(again.output.find(" 0 added, 0 updated") != std::string::npos);

    const auto reindexed = run_techbridge("reindex --db " + db);
    CHECK(reindexed.status == 0);
}

TEST_CASE("CLI: rejected records give exit status 3 and file:line messages") {
    TempDir dir;
    const auto file = dir.write("bad.jsonl",
                                "{\"id\":\"ok\",\"kind\":\"offer\",\"title\":\"Гидроочистка\",\"body\":\"Катализатор.\"}\n"
                                "{\"id\":\"bad\",\"kind\":\"offer\",\"title\":\"\",\"body\":\"x\"}\n");
    const auto result = run_techbridge("index --db " + quote((dir / "db").string()) + " " + quote(file.string()));
    CHECK(result.status == 3);
    CHECK(result.output.find(file.string() + ":2: title: is missing or empty") != std::string::npos);
    CHECK(result.output.find("1 added") != std::string::npos);

    const auto strict = run_techbridge("index --strict --db " + quote((dir / "db2").string()) + " " + quote(file.string()));
    CHECK(strict.status == 3);
    CHECK(strict.output.find("nothing stored") != std::string::npos);
}

TEST_CASE("CLI: a record nested 100,000 deep is rejected on its line, not a crash (issue 13)") {
    TempDir dir;
    const std::string deep = "{\"id\":\"d1\",\"kind\":\"offer\",\"title\":\"t\",\"body\":\"b\",\"x\":" +
                             std::string(100000, '[') + std::string(100000, ']') + "}\n";
    const auto file = dir.write("deep.jsonl", "{\"id\":\"ok\",\"kind\":\"offer\",\"title\":\"Гидроочистка\",\"body\":\"Катализатор.\"}\n" + deep);
    const auto result = run_techbridge("index --db " + quote((dir / "db").string()) + " " + quote(file.string()));
    INFO(result.output);
    CHECK(result.status == 3);
    CHECK(result.output.find(file.string() + ":2: record: nested deeper than 64 levels") != std::string::npos);
    CHECK(result.output.find("1 added") != std::string::npos);
}

TEST_CASE("CLI: usage errors and help") {
    CHECK(run_techbridge("").status == 2);
    CHECK(run_techbridge("frobnicate").status == 2);
    // `techbridge --help` lists every command, each of which describes itself.
    const auto overview = run_techbridge("--help");
    CHECK(overview.status == 0);
    const std::vector<std::string> commands = {"index",     "search", "show",  "stats",     "reindex", "concepts",
                                               "coverage",  "match",  "match-all", "landscape", "eval", "expo plan",
                                               "serve",     "check",  "export", "backup",    "shard"};
    std::string listed, expected;
    for (const auto& command : commands) expected += command + "\n";
    const auto section = overview.output.find("\ncommands:\n");
    REQUIRE(section != std::string::npos);
    std::istringstream lines(overview.output.substr(section + 11));
    for (std::string line; std::getline(lines, line) && line.starts_with("  ");) {
        std::string name = line.substr(2, 9);  // the names' column
        name.erase(name.find_last_not_of(' ') + 1);
        listed += name + "\n";
    }
    CHECK(listed == expected);
    for (const std::string& command : commands) {
        CAPTURE(command);
        const auto help = run_techbridge(command + " --help");
        CHECK(help.status == 0);
        CHECK(help.output.starts_with("usage: techbridge " + command + " "));
    }
    const auto expo = run_techbridge("expo --help");
    CHECK(expo.status == 0);
    CHECK(expo.output.starts_with("usage: techbridge expo plan "));
    const auto unknown = run_techbridge("search --db /tmp --colour red x");
    CHECK(unknown.status == 2);
    CHECK(unknown.output.find("unknown option --colour") != std::string::npos);
    const auto bad_limit = run_techbridge("search --db /tmp --limit many x");
    CHECK(bad_limit.status == 2);
    CHECK(bad_limit.output.find("--limit must be a whole number") != std::string::npos);
}

TEST_CASE("CLI: searching a database that was never built says what to do") {
    TempDir dir;
    const auto result = run_techbridge("search --db " + quote((dir / "none").string()) + " сварка");
    CHECK(result.status == 1);
    CHECK(result.output.find("no index at") != std::string::npos);
    CHECK(result.output.find("to do it: techbridge reindex --db ") != std::string::npos);  // the remedy as a command
    CHECK(result.output.find("techbridge index --db ") != std::string::npos);
}

TEST_CASE("CLI: eval on the development gold set reports every metric beside the baseline") {
    TempDir dir;
    const std::string db = quote((dir / "db").string());
    const std::string source = TECHBRIDGE_SOURCE_DIR;
    REQUIRE(run_techbridge("index --db " + db + " " + quote(corpus) + " " + quote(source + "/tests/eval/demands.jsonl"))
                .status == 0);
    const auto evaluated = run_techbridge("eval --db " + db + " --qrels " + quote(source + "/tests/eval/qrels.tsv") + " --json");
    INFO(evaluated.output);
    REQUIRE(evaluated.status == 0);
    const auto report = nlohmann::json::parse(evaluated.output);
    for (const char* side : {"techbridge", "baseline_bm25", "search_by_title"}) {
        const auto& all = report[side]["all"];
        CHECK(all["queries"].get<int>() >= 40);
        for (const char* metric : {"ndcg@10", "mrr", "recall@20"}) {
            CHECK(all[metric].get<double>() >= 0.0);
            CHECK(all[metric].get<double>() <= 1.0);
        }
    }
    CHECK(report["techbridge"].contains("zh→ru"));
    CHECK(report["no_match_demands"].get<int>() >= 10);
    // Concepts and dictionaries must beat plain same-words search across languages.
    CHECK(report["techbridge"]["all"]["ndcg@10"].get<double>() > report["baseline_bm25"]["all"]["ndcg@10"].get<double>());
    // The search page crosses languages too: a Chinese title finds Russian offers.
    CHECK(report["search_by_title"]["zh→ru"]["ndcg@10"].get<double>() > report["baseline_bm25"]["zh→ru"]["ndcg@10"].get<double>());

    // The bundled sample fair over the same store: a plan, its files, and a refused bad event.
    const auto out = dir / "fair";
    const auto planned = run_techbridge("expo plan --db " + db + " --event " +
                                        quote(source + "/corpus/events/harbin-fair-sample.json") + " --json --out " +
                                        quote(out.string()));
    INFO(planned.output);
    REQUIRE(planned.status == 0);
    const auto plan = nlohmann::json::parse(planned.output);
    REQUIRE(plan["meetings"].size() > 0);
    for (const char* field : {"slot", "table", "a", "b", "interpreter", "score", "reasons"})
        CHECK(plan["meetings"][0].contains(field));
    CHECK(plan["stats"]["value"].get<double>() <= plan["stats"]["upper_bound"].get<double>() + 1e-6);
    CHECK(std::filesystem::exists(out / "schedule.csv"));
    CHECK(std::filesystem::exists(out / "agendas" / "cn-01.html"));
    CHECK(std::filesystem::exists(out / "calendars" / "ru-01.ics"));
    dir.write("bad-event.json", R"({"slots": [{"id": "s1", "start": "2027-06-15T09:00", "end": "2027-06-15T09:30"}],
        "tables": [{"id": "T1"}], "participants": [{"id": "p", "languages": ["zh"], "documents": ["missing-doc"]}]})");
    const auto bad = run_techbridge("expo plan --db " + db + " --event " + quote((dir / "bad-event.json").string()));
    CHECK(bad.status == 1);
    CHECK(bad.output.find("participant \"p\": document \"missing-doc\"") != std::string::npos);
}
