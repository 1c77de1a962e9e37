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
// parts, each part a word in some language (its stem, its dictionary renderings, a concept
// it names alone and that concept's multi-word labels as words apart) or the words a concept
// label covers (all of them, or the concept, or its labels' words); documents meeting more
// parts come first (tiers, tested in search_test.cpp); a "phrase" is OP_PHRASE of the unstemmed
// words and is required (AND_MAYBE the rest); -word and -"phrase" go under AND_NOT; a query
// of stop-words only keeps them; Traditional characters are searched as Simplified; a
// concept the query mentions is its synonym group (XT<concept> SYNONYM its one-word labels).
// Descriptions include the general dictionaries' renderings (the weighted groups such as
// 0.4 * (... SYNONYM ...)): corpus/search.json's weights and the installed dictionaries.

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
     R"(Query((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))))"},
    {"Welding",
     R"(Query((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))))"},
    {"welds",
     R"(Query((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query((Zweld OR 0.4000000000000000222 * (1 * ((Zсварн AND Zшов) SYNONYM Zсварива SYNONYM Zсплачива SYNONYM Zобъединя) OR 1 * ((烧 AND 焊) SYNONYM 焊 SYNONYM 焊接)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))))"},
    {"laser welding",
     R"(Query(((Zlaser OR Zweld) OR 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))) | Query((((Zlaser OR 0.4000000000000000222 * (1 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * (激光 SYNONYM 激光器)) OR (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR ((Zлазерн AND Zисточник) OR (Zlaser AND Zsourc))) AND (Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))) OR (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR ((Zлазерн AND Zсварк) OR (Zlaser AND Zweld) OR (Zlaser AND Zbeam AND Zweld)))))"},
    {"laser-welding",
     R"(Query(((Zlaser OR Zweld OR laser-welding) OR 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))) | Query((((Zlaser OR 0.4000000000000000222 * (1 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * (激光 SYNONYM 激光器)) OR laser-welding OR (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR ((Zлазерн AND Zисточник) OR (Zlaser AND Zsourc))) AND (Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))) OR (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR ((Zлазерн AND Zсварк) OR (Zlaser AND Zweld) OR (Zlaser AND Zbeam AND Zweld)))))"},
    {"\"laser welding\"",
     R"(Query(((laser PHRASE 2 welding) AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    // Exclusions: AND_NOT of the stem or of the phrase; "- x" (a lone dash) excludes nothing.
    {"welding -laser",
     R"(Query(((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT Zlaser)) | Query(((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) AND_NOT Zlaser)))"},
    {"welding -\"laser welding\"",
     R"(Query(((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT (laser PHRASE 2 welding))) | Query(((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) AND_NOT (laser PHRASE 2 welding))))"},
    {"welding --laser",
     R"(Query(((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT Zlaser)) | Query(((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) AND_NOT Zlaser)))"},
    {"welding - laser",
     R"(Query(((Zweld OR Zlaser) OR 1 * (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query(((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR (Zlaser OR 0.4000000000000000222 * (1 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * (激光 SYNONYM 激光器)) OR (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR ((Zлазерн AND Zисточник) OR (Zlaser AND Zsourc))))))"},
    // Stop-words: kept only when the query has nothing else, and inside phrases.
    {"the",
     R"(Query(the))"},
    {"the of and",
     R"(Query((the OR of OR and)))"},
    {"the welding",
     R"(Query((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))))"},
    {"\"the welding\"",
     R"(Query(((the PHRASE 2 welding) AND_MAYBE 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))))"},
    // Unbalanced quotes: an opened phrase runs to the end, a closing quote alone is ignored.
    {"\"laser welding",
     R"(Query(((laser PHRASE 2 welding) AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"welding\"",
     R"(Query((Zweld OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))))"},
    // Only an exclusion, empty quotes, a lone dash: nothing to search, MatchNothing.
    {"-laser",
     R"(Query())"},
    {"\"\"",
     R"(Query())"},
    {"-",
     R"(Query())"},
    // A plural, and full-width Latin letters folded (NFKC).
    {"catalysts",
     R"(Query((Zcatalyst OR 1 * (XTcatalyst SYNONYM 催化剂 SYNONYM 触媒 SYNONYM Zкатализатор SYNONYM Zcatalyst))) | Query((Zcatalyst OR 0.4000000000000000222 * (1 * Zкатализатор OR 1 * (催化剂 SYNONYM 触媒 SYNONYM 引线)) OR (XTcatalyst SYNONYM 催化剂 SYNONYM 触媒 SYNONYM Zкатализатор SYNONYM Zcatalyst))))"},
    {"ｌａｓｅｒ",
     R"(Query((Zlaser OR 1 * (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser))) | Query((Zlaser OR 0.4000000000000000222 * (1 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * (激光 SYNONYM 激光器)) OR (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR ((Zлазерн AND Zисточник) OR (Zlaser AND Zsourc)))))"},
    // Russian: stems of every inflected form, concepts of one and two words, ё as е.
    {"сварка",
     R"(Query((Zсварк OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query((Zсварк OR 0.4000000000000000222 * (0.5 * (焊接 SYNONYM 焊工) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))))"},
    {"лазерная сварка",
     R"(Query(((Zлазерн OR Zсварк) OR 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))) | Query(((Zлазерн AND (Zсварк OR 0.4000000000000000222 * (0.5 * (焊接 SYNONYM 焊工) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))) OR (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR ((Zлазерн AND Zсварк) OR (Zlaser AND Zweld) OR (Zlaser AND Zbeam AND Zweld)))))"},
    {"лазерной сварки",
     R"(Query(((Zлазерн OR Zсварк) OR 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))) | Query(((Zлазерн AND (Zсварк OR 0.4000000000000000222 * (0.5 * (焊接 SYNONYM 焊工) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))) OR (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR ((Zлазерн AND Zсварк) OR (Zlaser AND Zweld) OR (Zlaser AND Zbeam AND Zweld)))))"},
    {"ЛАЗЕРНАЯ Сварка",
     R"(Query(((Zлазерн OR Zсварк) OR 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))) | Query(((Zлазерн AND (Zсварк OR 0.4000000000000000222 * (0.5 * (焊接 SYNONYM 焊工) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))) OR (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR ((Zлазерн AND Zсварк) OR (Zlaser AND Zweld) OR (Zlaser AND Zbeam AND Zweld)))))"},
    {"\"лазерная сварка\"",
     R"(Query(((лазерная PHRASE 2 сварка) AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"\"сварка в среде\"",
     R"(Query(((сварка PHRASE 3 в PHRASE 3 среде) AND_MAYBE 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))))"},
    {"сварка -лазерная",
     R"(Query(((Zсварк OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT Zлазерн)) | Query(((Zсварк OR 0.4000000000000000222 * (0.5 * (焊接 SYNONYM 焊工) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) AND_NOT Zлазерн)))"},
    {"-сварка лазер",
     R"(Query(((Zлазер OR 1 * (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser)) AND_NOT Zсварк)) | Query(((Zлазер OR 0.4000000000000000222 * (0.5 * (激光 SYNONYM 激光器) OR 1 * Zlaser) OR (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR ((Zлазерн AND Zисточник) OR (Zlaser AND Zsourc))) AND_NOT Zсварк)))"},
    {"и в на",
     R"(Query((и OR в OR на)))"},
    {"катализаторы гидроочистки",
     R"(Query(((Zкатализатор OR Zгидроочистк) OR 1 * (XThydrotreating-catalyst SYNONYM 加氢精制催化剂 SYNONYM 加氢催化剂))) | Query((((Zкатализатор OR 0.4000000000000000222 * (0.5 * (催化剂 SYNONYM 触媒) OR 1 * (Zacceler SYNONYM Zcatalyst)) OR (XTcatalyst SYNONYM 催化剂 SYNONYM 触媒 SYNONYM Zкатализатор SYNONYM Zcatalyst)) AND (Zгидроочистк OR (XThydrotreating SYNONYM 加氢处理 SYNONYM 加氢精制 SYNONYM Zгидроочистк SYNONYM Zгидрооблагораживан SYNONYM Zhydrotr SYNONYM Zhydrotreat SYNONYM Zhydroprocess))) OR (XThydrotreating-catalyst SYNONYM 加氢精制催化剂 SYNONYM 加氢催化剂) OR ((Zкатализатор AND Zгидроочистк) OR (Zалюмокобальтмолибденов AND Zкатализатор) OR (Zалюмоникельмолибденов AND Zкатализатор) OR (Zhydrotr AND Zcatalyst) OR (Zcomo AND Zcatalyst) OR (Znimo AND Zcatalyst)))))"},
    {"Ёмкость",
     R"(Query((Zемкост OR 0.4000000000000000222 * (1 * (容积 SYNONYM 容量) OR 1 * (Zcapacit SYNONYM Zrecept SYNONYM Zholdingcapac SYNONYM Zroomi)))) | Query((Zемкост OR 0.4000000000000000222 * (1 * (容积 SYNONYM 容量) OR 1 * (Zcapacit SYNONYM Zrecept SYNONYM Zholdingcapac SYNONYM Zroomi)))))"},
    // Chinese: a lexicon word, its pieces and bigrams (XH), the concept 激光焊接 reaches.
    {"激光焊接",
     R"(Query(((激光焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接) OR 激光 OR 焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接)) OR 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))) | Query(((激光焊接 OR (XH激光 AND XH光焊 AND XH焊接) OR ((激光 OR 0.4000000000000000222 * (0.5 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * Zlaser)) AND (焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld))) OR (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR ((Zлазерн AND Zсварк) OR (Zlaser AND Zweld) OR (Zlaser AND Zbeam AND Zweld))) OR (XH激光 AND XH光焊 AND XH焊接))))"},
    {"\"激光焊接\"",
     R"(Query((激光焊接 AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"\"激光焊接",
     R"(Query((激光焊接 AND_MAYBE 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw))))"},
    {"焊接 -激光",
     R"(Query((((焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT (激光 OR 0.050000000000000002776 * XH激光))) | Query((((焊接 OR XH焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR XH焊接) AND_NOT (激光 OR 0.050000000000000002776 * XH激光))))"},
    {"焊接 -\"激光焊接\"",
     R"(Query((((焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT 激光焊接)) | Query((((焊接 OR XH焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR XH焊接) AND_NOT 激光焊接)))"},
    {"的 了",
     R"(Query((的 OR 了)))"},
    // Traditional characters, searched as Simplified (觸媒 -> 触媒 of the concept catalyst, 銲 -> 焊).
    {"觸媒",
     R"(Query(((触媒 OR 0.050000000000000002776 * XH触媒) OR 1 * (XTcatalyst SYNONYM 催化剂 SYNONYM 触媒 SYNONYM Zкатализатор SYNONYM Zcatalyst))) | Query(((触媒 OR XH触媒 OR 0.4000000000000000222 * (0.5 * Zкатализатор OR 1 * Zcatalyst) OR (XTcatalyst SYNONYM 催化剂 SYNONYM 触媒 SYNONYM Zкатализатор SYNONYM Zcatalyst)) OR XH触媒)))"},
    {"銲接",
     R"(Query(((焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query(((焊接 OR XH焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR XH焊接)))"},
    {"裝備製造",
     R"(Query(((装备 OR 0.050000000000000002776 * XH装备 OR 制造 OR 0.050000000000000002776 * XH制造 OR 0.050000000000000002776 * (XH装备 AND XH备制 AND XH制造)) OR 0.4000000000000000222 * (1 * (Zснаряжа SYNONYM Zэкипирова SYNONYM Zоборудован) OR 1 * (Zequip SYNONYM Zoutfit)))) | Query((((装备 OR XH装备 OR 0.4000000000000000222 * (1 * (Zснаряжа SYNONYM Zэкипирова SYNONYM Zоборудован) OR 1 * (Zequip SYNONYM Zoutfit))) AND (制造 OR XH制造)) OR (XH装备 AND XH备制 AND XH制造))))"},
    {"\"裝備製造\"",
     R"(Query((装备 PHRASE 2 制造)))"},
    {"焊接 -觸媒",
     R"(Query((((焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT (触媒 OR 0.050000000000000002776 * XH触媒))) | Query((((焊接 OR XH焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR XH焊接) AND_NOT (触媒 OR 0.050000000000000002776 * XH触媒))))"},
    // Mixed scripts: each word must be met in some language.
    {"laser 焊接",
     R"(Query(((Zlaser OR 焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query(((Zlaser OR 0.4000000000000000222 * (1 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * (激光 SYNONYM 激光器)) OR (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR ((Zлазерн AND Zисточник) OR (Zlaser AND Zsourc))) OR ((焊接 OR XH焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR XH焊接))))"},
    {"лазерная welding 焊接",
     R"(Query(((Zлазерн OR Zweld OR 焊接 OR 0.050000000000000002776 * XH焊接) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld))) | Query(((Zлазерн AND (Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))) OR (Zлазерн AND ((焊接 OR XH焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR XH焊接)) OR ((Zweld OR 0.4000000000000000222 * (1 * Zсварк OR 1 * (焊接 SYNONYM 焊工)) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) AND ((焊接 OR XH焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)) OR XH焊接)))))"},
    {"\"laser welding\" сварка",
     R"(Query(((laser PHRASE 2 welding) AND_MAYBE (1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR Zсварк OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)))) | Query(((laser PHRASE 2 welding) AND (Zсварк OR 0.4000000000000000222 * (0.5 * (焊接 SYNONYM 焊工) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств)))))"},
    {"激光 сварка -steel",
     R"(Query((((激光 OR 0.050000000000000002776 * XH激光 OR Zсварк) OR 1 * (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR 1 * (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld)) AND_NOT Zsteel)) | Query(((((激光 OR XH激光 OR 0.4000000000000000222 * (0.5 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * Zlaser) OR (XTlaser SYNONYM 激光器 SYNONYM 激光 SYNONYM Zлазер SYNONYM Zlaser) OR ((Zлазерн AND Zисточник) OR (Zlaser AND Zsourc))) OR XH激光) OR (Zсварк OR 0.4000000000000000222 * (0.5 * (焊接 SYNONYM 焊工) OR 1 * Zweld) OR (XTwelding SYNONYM 焊接 SYNONYM Zсварк SYNONYM Zweld) OR (Zсварочн AND Zпроизводств))) AND_NOT Zsteel)))"},
    {"激光焊接 -сварка",
     R"(Query((((激光焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接) OR 激光 OR 焊接 OR 0.050000000000000002776 * (XH激光 AND XH光焊 AND XH焊接)) OR 1 * (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw)) AND_NOT Zсварк)) | Query((((激光焊接 OR (XH激光 AND XH光焊 AND XH焊接) OR ((激光 OR 0.4000000000000000222 * (0.5 * (Zлазер SYNONYM (Zквантов AND Zусилител)) OR 1 * Zlaser)) AND (焊接 OR 0.4000000000000000222 * (0.5 * (Zсварк SYNONYM Zсварива SYNONYM (Zсварн AND Zшов)) OR 1 * Zweld))) OR (XTlaser-welding SYNONYM 激光焊接 SYNONYM 激光焊 SYNONYM Zlbw) OR ((Zлазерн AND Zсварк) OR (Zlaser AND Zweld) OR (Zlaser AND Zbeam AND Zweld))) OR (XH激光 AND XH光焊 AND XH焊接)) AND_NOT Zсварк)))"},
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
