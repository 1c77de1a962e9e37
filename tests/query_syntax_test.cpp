#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "dictionaries.h"
#include "fixtures.h"
#include "ingestion.h"
#include "query_builder.h"
#include "searcher.h"

using namespace techbridge;
using namespace techbridge::testing;

// The query syntax of QueryBuilder (search/query_builder.h), table-driven as Xapian's
// queryparser tests are: what a user types, and the description of the query it builds.
// Each expected description was read by hand against the syntax: plain words are ORed for
// ranking, and, after " | ", the documents matching are those meeting enough of the query's
// parts, each part a word in some language (its stem, its dictionary renderings unless it
// names a concept alone, a concept it names alone and that concept's multi-word labels as
// words apart) or the words a concept label covers (all of them, or the concept, or its labels' words); documents meeting more
// parts come first (tiers, tested in search_test.cpp); a "phrase" is OP_PHRASE of the unstemmed
// words and is required (AND_MAYBE the rest); -word and -"phrase" go under AND_NOT; a query
// of stop-words only keeps them; Traditional characters are searched as Simplified; a
// concept the query mentions is its synonym group (XT<concept> SYNONYM its one-word labels).
// The ranking includes the general dictionaries' renderings (the weighted groups such as
// 0.4 * (... SYNONYM ...)): corpus/search.json's weights and the installed dictionaries; the
// matching is their boolean form (search/boolean_form.h: plain OR and AND, each term once).

namespace {

struct SyntaxCase {
    std::string input;
    std::string expected;  // described(QueryBuilder::build(input)): the ranking | the matching
};

const std::vector<SyntaxCase> cases = {
    // Empty and blank input: no searchable token, MatchNothing.
    {"",
     R"(Query())"},
    {"   ",
     R"(Query())"},
    // English: stems (Zweld), the concept (XTwelding), case folding.
    {"welding",
     R"(Query((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld))) | Query(((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)))"},
    {"Welding",
     R"(Query((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld))) | Query(((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)))"},
    {"welds",
     R"(Query((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld))) | Query(((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)))"},
    {"laser welding",
     R"(Query((0.2000000000000000111 * (Zlaser OR Zweld) OR 1 * ((XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) SYNONYM (Zlaser AND Zweld)))) | Query(((((Zисточник AND Zлазерн) OR XTlaser OR Zlaser OR Zлазер OR 激光 OR 激光器) AND ((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)) OR (Zbeam AND Zlaser AND Zweld) OR (Zlaser AND Zweld) OR (Zлазерн AND Zсварк) OR XTlaser-welding OR Zlbw OR 激光焊 OR 激光焊接)))"},
    {"laser-welding",
     R"(Query((0.2000000000000000111 * (Zlaser OR Zweld OR laser-welding) OR 1 * ((XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) SYNONYM (Zlaser AND Zweld)))) | Query(((((Zисточник AND Zлазерн) OR XTlaser OR Zlaser OR Zлазер OR laser-welding OR 激光 OR 激光器) AND ((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)) OR (Zbeam AND Zlaser AND Zweld) OR (Zlaser AND Zweld) OR (Zлазерн AND Zсварк) OR XTlaser-welding OR Zlbw OR 激光焊 OR 激光焊接)))"},
    {"\"laser welding\"",
     R"(Query(((laser PHRASE 2 welding) AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    // Exclusions: AND_NOT of the stem or of the phrase; "- x" (a lone dash) excludes nothing.
    {"welding -laser",
     R"(Query(((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld)) AND_NOT Zlaser)) | Query((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND_NOT Zlaser)))"},
    {"welding -\"laser welding\"",
     R"(Query(((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld)) AND_NOT (laser PHRASE 2 welding))) | Query((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND_NOT (laser PHRASE 2 welding))))"},
    {"welding --laser",
     R"(Query(((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld)) AND_NOT Zlaser)) | Query((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND_NOT Zlaser)))"},
    {"welding - laser",
     R"(Query((0.2000000000000000111 * (Zweld OR Zlaser) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld) OR 1 * ((XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) SYNONYM Zlaser))) | Query(((Zисточник AND Zлазерн) OR (Zпроизводств AND Zсварочн) OR XTlaser OR XTwelding OR Zlaser OR Zweld OR Zлазер OR Zсварк OR 激光 OR 激光器 OR 焊接)))"},
    // Stop-words: kept only when the query has nothing else, and inside phrases.
    {"the",
     R"(Query(0.2000000000000000111 * the))"},
    {"the of and",
     R"(Query(0.2000000000000000111 * (the OR of OR and)))"},
    {"the welding",
     R"(Query((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld))) | Query(((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)))"},
    {"\"the welding\"",
     R"(Query(((the PHRASE 2 welding) AND_MAYBE 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))))"},
    // Unbalanced quotes: an opened phrase runs to the end, a closing quote alone is ignored.
    {"\"laser welding",
     R"(Query(((laser PHRASE 2 welding) AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"welding\"",
     R"(Query((0.2000000000000000111 * Zweld OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld))) | Query(((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)))"},
    // Only an exclusion, empty quotes, a lone dash: nothing to search, MatchNothing.
    {"-laser",
     R"(Query())"},
    {"\"\"",
     R"(Query())"},
    {"-",
     R"(Query())"},
    // A plural, and full-width Latin letters folded (NFKC).
    {"catalysts",
     R"(Query((0.2000000000000000111 * Zcatalyst OR 1 * ((XTcatalyst SYNONYM 催化剂 SYNONYM 触媒 SYNONYM Zкатализатор SYNONYM Zcatalyst) SYNONYM Zcatalyst))) | Query((XTcatalyst OR Zcatalyst OR Zкатализатор OR 催化剂 OR 触媒)))"},
    {"ｌａｓｅｒ",
     R"(Query((0.2000000000000000111 * Zlaser OR 1 * ((XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) SYNONYM Zlaser))) | Query(((Zисточник AND Zлазерн) OR XTlaser OR Zlaser OR Zлазер OR 激光 OR 激光器)))"},
    // Russian: stems of every inflected form, concepts of one and two words, ё as е.
    {"сварка",
     R"(Query((0.2000000000000000111 * Zсварк OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zсварк))) | Query(((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)))"},
    {"лазерная сварка",
     R"(Query((0.2000000000000000111 * (Zлазерн OR Zсварк) OR 1 * ((XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) SYNONYM (Zлазерн AND Zсварк)))) | Query(((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND Zлазерн) OR (Zbeam AND Zlaser AND Zweld) OR (Zlaser AND Zweld) OR (Zлазерн AND Zсварк) OR XTlaser-welding OR Zlbw OR 激光焊 OR 激光焊接)))"},
    {"лазерной сварки",
     R"(Query((0.2000000000000000111 * (Zлазерн OR Zсварк) OR 1 * ((XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) SYNONYM (Zлазерн AND Zсварк)))) | Query(((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND Zлазерн) OR (Zbeam AND Zlaser AND Zweld) OR (Zlaser AND Zweld) OR (Zлазерн AND Zсварк) OR XTlaser-welding OR Zlbw OR 激光焊 OR 激光焊接)))"},
    {"ЛАЗЕРНАЯ Сварка",
     R"(Query((0.2000000000000000111 * (Zлазерн OR Zсварк) OR 1 * ((XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) SYNONYM (Zлазерн AND Zсварк)))) | Query(((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND Zлазерн) OR (Zbeam AND Zlaser AND Zweld) OR (Zlaser AND Zweld) OR (Zлазерн AND Zсварк) OR XTlaser-welding OR Zlbw OR 激光焊 OR 激光焊接)))"},
    {"\"лазерная сварка\"",
     R"(Query(((лазерная PHRASE 2 сварка) AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"\"сварка в среде\"",
     R"(Query(((сварка PHRASE 3 в PHRASE 3 среде) AND_MAYBE 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))))"},
    {"сварка -лазерная",
     R"(Query(((0.2000000000000000111 * Zсварк OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zсварк)) AND_NOT Zлазерн)) | Query((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND_NOT Zлазерн)))"},
    {"-сварка лазер",
     R"(Query(((0.2000000000000000111 * Zлазер OR 1 * ((XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) SYNONYM Zлазер)) AND_NOT Zсварк)) | Query((((Zисточник AND Zлазерн) OR XTlaser OR Zlaser OR Zлазер OR 激光 OR 激光器) AND_NOT Zсварк)))"},
    {"и в на",
     R"(Query(0.2000000000000000111 * (и OR в OR на)))"},
    {"катализаторы гидроочистки",
     R"(Query((0.2000000000000000111 * (Zкатализатор OR Zгидроочистк) OR 1 * ((XThydrotreating-catalyst SYNONYM 加氢精制催化剂 SYNONYM 加氢催化剂) SYNONYM (Zкатализатор AND Zгидроочистк)))) | Query((((XTcatalyst OR Zcatalyst OR Zкатализатор OR 催化剂 OR 触媒) AND (XThydrotreating OR Zhydroprocess OR Zhydrotr OR Zhydrotreat OR Zгидрооблагораживан OR Zгидроочистк OR 加氢处理 OR 加氢精制)) OR (Zcatalyst AND Zcomo) OR (Zcatalyst AND Zhydrotr) OR (Zcatalyst AND Znimo) OR (Zалюмокобальтмолибденов AND Zкатализатор) OR (Zалюмоникельмолибденов AND Zкатализатор) OR (Zгидроочистк AND Zкатализатор) OR XThydrotreating-catalyst OR 加氢催化剂 OR 加氢精制催化剂)))"},
    {"Ёмкость",
     R"(Query((Zемкост OR 0.2000000000000000111 * Zемкост OR 0.4000000000000000222 * (1 * (容积 SYNONYM 容量) OR 1 * (Zcapacit SYNONYM Zrecept SYNONYM Zholdingcapac SYNONYM Zroomi)))) | Query((Zcapacit OR Zholdingcapac OR Zrecept OR Zroomi OR Zемкост OR 容积 OR 容量)))"},
    // Chinese: a lexicon word, its pieces and bigrams (XH), the concept 激光焊接 reaches.
    {"激光焊接",
     R"(Query((0.2000000000000000111 * (激光焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接) OR 激光 OR 焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接)) OR 1 * ((XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) SYNONYM 激光焊接))) | Query(((((Zквантов AND Zусилител) OR Zlaser OR Zлазер OR 激光) AND ((Zсварн AND Zшов) OR Zweld OR Zсварива OR Zсварк OR 焊接)) OR (XH光焊 AND XH激光 AND XH焊接) OR (Zbeam AND Zlaser AND Zweld) OR (Zlaser AND Zweld) OR (Zлазерн AND Zсварк) OR XTlaser-welding OR Zlbw OR 激光焊 OR 激光焊接)))"},
    {"\"激光焊接\"",
     R"(Query((激光焊接 AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"\"激光焊接",
     R"(Query((激光焊接 AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"焊接 -激光",
     R"(Query(((0.2000000000000000111 * (焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM 焊接)) AND_NOT (激光 OR 0.050000000000000002776 * XH激光))) | Query((((Zпроизводств AND Zсварочн) OR XH焊接 OR XTwelding OR Zweld OR Zсварк OR 焊接) AND_NOT (激光 OR 0.050000000000000002776 * XH激光))))"},
    {"焊接 -\"激光焊接\"",
     R"(Query(((0.2000000000000000111 * (焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM 焊接)) AND_NOT 激光焊接)) | Query((((Zпроизводств AND Zсварочн) OR XH焊接 OR XTwelding OR Zweld OR Zсварк OR 焊接) AND_NOT 激光焊接)))"},
    {"的 了",
     R"(Query(0.2000000000000000111 * (的 OR 了)))"},
    // Traditional characters, searched as Simplified (觸媒 -> 触媒 of the concept catalyst, 銲 -> 焊).
    {"觸媒",
     R"(Query((0.2000000000000000111 * (触媒 OR 0.050000000000000002776 * XH触媒) OR 1 * ((XTcatalyst SYNONYM 催化剂 SYNONYM 触媒 SYNONYM Zкатализатор SYNONYM Zcatalyst) SYNONYM 触媒))) | Query((XH触媒 OR XTcatalyst OR Zcatalyst OR Zкатализатор OR 催化剂 OR 触媒)))"},
    {"銲接",
     R"(Query((0.2000000000000000111 * (焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM 焊接))) | Query(((Zпроизводств AND Zсварочн) OR XH焊接 OR XTwelding OR Zweld OR Zсварк OR 焊接)))"},
    {"裝備製造",
     R"(Query(((装备 OR 0.050000000000000002776 * XH装备 OR 制造 OR 0.050000000000000002776 * XH制造) OR 0.2000000000000000111 * (装备 OR 0.050000000000000002776 * XH装备 OR 制造 OR 0.050000000000000002776 * XH制造 OR 0.050000000000000002776 * (XH装备 AND XH备制 AND XH制造)) OR 0.4000000000000000222 * (1 * (Zснаряжа SYNONYM Zэкипирова SYNONYM Zоборудован) OR 1 * (Zequip SYNONYM Zoutfit)))) | Query((((XH制造 OR 制造) AND (XH装备 OR Zequip OR Zoutfit OR Zоборудован OR Zснаряжа OR Zэкипирова OR 装备)) OR (XH制造 AND XH备制 AND XH装备))))"},
    {"\"裝備製造\"",
     R"(Query((装备 PHRASE 2 制造)))"},
    {"焊接 -觸媒",
     R"(Query(((0.2000000000000000111 * (焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM 焊接)) AND_NOT (触媒 OR 0.050000000000000002776 * XH触媒))) | Query((((Zпроизводств AND Zсварочн) OR XH焊接 OR XTwelding OR Zweld OR Zсварк OR 焊接) AND_NOT (触媒 OR 0.050000000000000002776 * XH触媒))))"},
    // Mixed scripts: each word must be met in some language.
    {"laser 焊接",
     R"(Query((0.2000000000000000111 * (Zlaser OR 焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * ((XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) SYNONYM Zlaser) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM 焊接))) | Query(((Zисточник AND Zлазерн) OR (Zпроизводств AND Zсварочн) OR XH焊接 OR XTlaser OR XTwelding OR Zlaser OR Zweld OR Zлазер OR Zсварк OR 激光 OR 激光器 OR 焊接)))"},
    {"лазерная welding 焊接",
     R"(Query((Zлазерн OR 0.2000000000000000111 * (Zлазерн OR Zweld OR 焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zweld) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM 焊接))) | Query(((((Zпроизводств AND Zсварочн) OR XH焊接 OR XTwelding OR Zweld OR Zсварк OR 焊接) AND ((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接)) OR (((Zпроизводств AND Zсварочн) OR XH焊接 OR XTwelding OR Zweld OR Zсварк OR 焊接) AND Zлазерн) OR (((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND Zлазерн))))"},
    {"\"laser welding\" сварка",
     R"(Query(((laser PHRASE 2 welding) AND_MAYBE (1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR 0.2000000000000000111 * Zсварк OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zсварк)))) | Query((((Zпроизводств AND Zсварочн) OR XTwelding OR Zweld OR Zсварк OR 焊接) AND (laser PHRASE 2 welding))))"},
    {"激光 сварка -steel",
     R"(Query(((0.2000000000000000111 * (激光 OR 0.050000000000000002776 * XH激光 OR Zсварк) OR 1 * ((XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) SYNONYM 激光) OR 1 * ((XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) SYNONYM Zсварк)) AND_NOT Zsteel)) | Query((((Zисточник AND Zлазерн) OR (Zпроизводств AND Zсварочн) OR XH激光 OR XTlaser OR XTwelding OR Zlaser OR Zweld OR Zлазер OR Zсварк OR 激光 OR 激光器 OR 焊接) AND_NOT Zsteel)))"},
    {"激光焊接 -сварка",
     R"(Query(((0.2000000000000000111 * (激光焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接) OR 激光 OR 焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接)) OR 1 * ((XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) SYNONYM 激光焊接)) AND_NOT Zсварк)) | Query((((((Zквантов AND Zусилител) OR Zlaser OR Zлазер OR 激光) AND ((Zсварн AND Zшов) OR Zweld OR Zсварива OR Zсварк OR 焊接)) OR (XH光焊 AND XH激光 AND XH焊接) OR (Zbeam AND Zlaser AND Zweld) OR (Zlaser AND Zweld) OR (Zлазерн AND Zсварк) OR XTlaser-welding OR Zlbw OR 激光焊 OR 激光焊接) AND_NOT Zсварк)))"},
};

// The ranking (the words, concepts and renderings ORed) and, after " | ", which documents
// match (enough of the query's parts); a query without parts (phrases, stop-words only)
// matches what its ranking does, and shows that alone.
std::string described(const AnalyzedQuery& query) {
    if (query.parts == 0) return query.query.get_description();
    return query.relaxed.get_description() + " | " + query.matching.get_description();
}

}  // namespace

TEST_CASE("query syntax: each input builds the query its syntax promises") {
    TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    QueryBuilder builder(analyzer, KnowledgeBase::builtin(), Dictionaries::installed());
    for (const auto& [input, expected] : cases) {
        CAPTURE(input);
        const std::string actual = described(builder.build(input));
        if (std::getenv("TECHBRIDGE_PRINT_SYNTAX")) std::printf("SYNTAX\t%s\t%s\n", input.c_str(), actual.c_str());
        CHECK(actual == expected);
    }
    CHECK(cases.size() >= 30);
}

namespace {

// The fixture collection and two documents that have only a part of a query's word.
struct PartlyMatchingCollection {
    TempDir dir;
    StoragePaths paths{dir / "db"};
    PartlyMatchingCollection() {
        const auto docs = write_fixture_collection(dir);
        // 机床 (machine tool) but not 数控 (CNC).
        dir.write("docs/zh/t-dem-zh-3.md", R"(---
id: t-dem-zh-3
kind: demand
lang: zh
title: 普通机床导轨磨损修复
region: CN-HL
---
我厂有一批普通机床，导轨磨损严重，需要修复导轨的技术。
)");
        // The number 10, but no МПа.
        dir.write("docs/ru/t-dem-ru-3.md", R"(---
id: t-dem-ru-3
kind: demand
lang: ru
title: Насос для перекачки воды
region: RU-PRI
---
Требуется насос производительностью 10 кубометров в час для перекачки морской воды.
)");
        Ingestion(paths, {}, KnowledgeBase::builtin()).run({docs});
    }
    SearchResult search(const std::string& query) {
        Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
        SearchRequest request;
        request.query = query;
        return searcher.search(request);
    }
};

bool has_hit(const SearchResult& result, const std::string& id) {
    return std::any_of(result.hits.begin(), result.hits.end(), [&id](const SearchHit& hit) { return hit.id == id; });
}

}  // namespace

// A word is a part the document must meet whole: the pieces of a lexicon word stand for it
// only when they spell it (the analyser drops one-character pieces, so 数控机床, ICU's
// 数/控/机床, is not met by 机床 alone), and the number and unit of a glued quantity (10мпа:
// 10, мпа) only together. When no document meets the word, any word may (relaxed).
TEST_CASE("query syntax: a word is not met by only a part of it") {
    PartlyMatchingCollection collection;
    const auto cnc = collection.search("数控机床");
    CHECK(has_hit(cnc, "t-dem-zh-2"));  // 數控機床
    CHECK_FALSE(cnc.relaxed);
    CHECK_FALSE(has_hit(cnc, "t-dem-zh-3"));  // 普通机床 only

    const auto cladding = collection.search("激光熔覆");  // no document is about laser cladding
    CHECK(cladding.relaxed);

    const auto pressure = collection.search("10МПа");
    CHECK(has_hit(pressure, "t-off-ru-2"));  // 4 МПа, 10 ppm
    CHECK_FALSE(has_hit(pressure, "t-dem-ru-3"));  // 10 кубометров, no МПа
}

// 雷射 (and 鐳射) is how Taiwan and Hong Kong write "laser", 激光 in the mainland: a word, not a
// character, apart. OpenCC's tw2sp turns 鐳射 into 激光 and corpus/analysis/chinese-variants.txt
// the 雷射 it leaves, so the query meets the laser concepts and Simplified Chinese text.
TEST_CASE("query syntax: the Traditional 雷射 (laser) finds the Simplified terms") {
    TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    QueryBuilder builder(analyzer, KnowledgeBase::builtin(), Dictionaries::installed());
    const auto laser = builder.build("雷射").terms.concepts;
    CHECK(std::find(laser.begin(), laser.end(), "laser") != laser.end());
    const auto welding = builder.build("雷射焊接").terms.concepts;
    CHECK(std::find(welding.begin(), welding.end(), "laser-welding") != welding.end());
    CHECK(builder.build("鐳射").query.get_description().find("激光") != std::string::npos);

    PartlyMatchingCollection collection;
    const auto found = collection.search("雷射焊接");
    CHECK_FALSE(found.relaxed);
    CHECK(has_hit(found, "t-dem-zh-1"));  // 激光焊接工艺需求
}
