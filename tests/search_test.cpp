#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "dictionaries.h"
#include "fixtures.h"
#include "ingestion.h"
#include "search_json.h"
#include "errors.h"
#include "facet_counter.h"
#include "search_result_cache.h"
#include "searcher.h"
#include "tagging_settings.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

struct IndexedCollection {
    TempDir dir;
    StoragePaths paths{dir / "db"};
    IndexedCollection() {
        IngestionOptions options;
        Ingestion(paths, options, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    }
};

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}

SearchResult search(IndexedCollection& collection, const std::string& query, SearchFilters filters = {}) {
    Searcher searcher(collection.paths, KnowledgeBase::builtin(), Dictionaries::installed());
    SearchRequest request;
    request.query = query;
    request.filters = filters;
    return searcher.search(request);
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("search finds Russian documents in any inflected form") {
    IndexedCollection collection;
    const auto result = search(collection, "технология сварки");
    REQUIRE(!result.hits.empty());
    CHECK(result.hits.front().id == "t-off-ru-1");
}

TEST_CASE("search finds Chinese documents by segmented words") {
    IndexedCollection collection;
    const auto result = search(collection, "激光焊接");
    REQUIRE(!result.hits.empty());
    CHECK(result.hits.front().id == "t-dem-zh-1");
}

TEST_CASE("a Simplified query finds a Traditional document and the reverse") {
    IndexedCollection collection;
    CHECK(ids(search(collection, "数控机床")).front() == "t-dem-zh-2");
    CHECK(ids(search(collection, "數控機床")).front() == "t-dem-zh-2");
    CHECK(ids(search(collection, "装备制造")).front() == "t-dem-zh-2");
}

TEST_CASE("the title weighs more than the body") {
    IndexedCollection collection;
    // "welding" is in the title of t-off-en-1 and only in the body of nothing else in English.
    const auto result = search(collection, "laser welding");
    REQUIRE(!result.hits.empty());
    CHECK(result.hits.front().id == "t-off-en-1");
}

TEST_CASE("filters by kind and language and sector and region") {
    IndexedCollection collection;
    SearchFilters offers;
    offers.kind = DocumentKind::offer;
    for (const auto& id : ids(search(collection, "", offers))) CHECK(id.starts_with("t-off"));
    CHECK(ids(search(collection, "", offers)).size() == 3);

    SearchFilters chinese;
    chinese.lang = Language::zh;
    CHECK(ids(search(collection, "", chinese)).size() == 2);

    SearchFilters sector;
    sector.sector = "catalysts";
    CHECK(ids(search(collection, "", sector)) == std::vector<std::string>{"t-off-ru-2"});

    SearchFilters region;
    region.region = "ru-nvs";  // case-insensitive
    const auto novosibirsk = ids(search(collection, "", region));
    CHECK(novosibirsk.size() == 2);
    CHECK(contains(novosibirsk, "t-off-ru-1"));
}

TEST_CASE("quoted phrases must match in order and -word excludes") {
    IndexedCollection collection;
    CHECK(ids(search(collection, "\"лазерной сварки\"")) == std::vector<std::string>{"t-off-ru-1"});
    CHECK(ids(search(collection, "\"сварки лазерной\"")).empty());
    const auto without = ids(search(collection, "laser -toughness"));
    CHECK_FALSE(contains(without, "t-off-en-1"));
}

TEST_CASE("model codes and units stay searchable") {
    IndexedCollection collection;
    CHECK(contains(ids(search(collection, "10 ppm")), "t-off-ru-2"));
    CHECK(contains(ids(search(collection, "4МПа")), "t-off-ru-2"));
}

TEST_CASE("snippets mark the query's words in their inflected forms") {
    IndexedCollection collection;
    const auto result = search(collection, "технология");
    REQUIRE(!result.hits.empty());
    const auto& snippet = result.hits.front().snippet;
    REQUIRE(!snippet.highlights.empty());
    const auto [offset, length] = snippet.highlights.front();
    const std::string marked = snippet.text.substr(offset, length);
    // The body has "технология" and "Технологии": either is the same word.
    CHECK((marked == "технология" || marked == "Технологии"));
}

TEST_CASE("a query of only punctuation finds nothing while an empty one lists everything") {
    IndexedCollection collection;
    CHECK(search(collection, "?!…").hits.empty());
    CHECK(search(collection, "").total == 6);
}

TEST_CASE("search JSON has the documented shape") {
    IndexedCollection collection;
    const auto json = to_json(search(collection, "激光焊接"));
    CHECK(json["query"] == "激光焊接");
    CHECK(json["total"].is_number());
    REQUIRE(json["hits"].is_array());
    const auto& hit = json["hits"][0];
    for (const char* field : {"id", "kind", "lang", "title", "score", "snippet"}) CHECK(hit.contains(field));
    CHECK(hit["lang"] == "zh");
}

namespace {

bool has(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

TEST_CASE("cross-language: a Chinese query finds Russian and English offers through concepts") {
    IndexedCollection collection;
    SearchFilters offers;
    offers.kind = DocumentKind::offer;
    const auto result = search(collection, "激光焊接", offers);
    const auto found = ids(result);
    CHECK(has(found, "t-off-ru-1"));
    CHECK(has(found, "t-off-en-1"));
    CHECK_FALSE(has(found, "t-off-ru-2"));  // hydrotreating catalysts share no concept with laser welding
    REQUIRE(result.concepts.size() == 1);
    CHECK(result.concepts.front()->id == "laser-welding");
}

TEST_CASE("cross-language: a Russian query finds the Chinese demand") {
    IndexedCollection collection;
    SearchFilters demands;
    demands.kind = DocumentKind::demand;
    CHECK(has(ids(search(collection, "лазерная сварка", demands)), "t-dem-zh-1"));
}

TEST_CASE("cross-language: an English query finds Russian and Chinese documents") {
    IndexedCollection collection;
    const auto found = ids(search(collection, "laser welding"));
    CHECK(has(found, "t-off-ru-1"));
    CHECK(has(found, "t-dem-zh-1"));
    CHECK(has(found, "t-off-en-1"));
}

TEST_CASE("sector filters accept official codes and inferred sectors") {
    IndexedCollection collection;
    SearchFilters by_okved;
    by_okved.sector = "19.20";
    CHECK(ids(search(collection, "", by_okved)) == std::vector<std::string>{"t-off-ru-2"});
    SearchFilters inferred;
    inferred.sector = "machine-tools";  // t-dem-zh-2 states no sector; its concepts say machine tools
    CHECK(has(ids(search(collection, "", inferred)), "t-dem-zh-2"));
    SearchFilters unknown;
    unknown.sector = "basket-weaving";
    CHECK_THROWS_AS(search(collection, "", unknown), InvalidInputError);
}

TEST_CASE("region filters accept place names in any language") {
    IndexedCollection collection;
    SearchFilters novosibirsk;
    novosibirsk.region = "Новосибирск";
    CHECK(ids(search(collection, "", novosibirsk)).size() == 2);
    SearchFilters liaoning;
    liaoning.region = "辽宁";
    const auto found = ids(search(collection, "", liaoning));
    CHECK(has(found, "t-dem-zh-1"));
    CHECK(has(found, "t-dem-zh-2"));
}

namespace {

FacetCounts count_all(const Xapian::Database& index, std::shared_ptr<const FacetTable> table) {
    Xapian::Enquire enquire(index);
    enquire.set_query(Xapian::Query::MatchAll);
    FacetCounter counter(std::move(table));
    enquire.add_matchspy(&counter);
    enquire.get_mset(0, 0, index.get_doccount());
    return counter.counts();
}

std::size_t facet_count(const FacetCounts& counts, const std::string& facet, const std::string& value) {
    const auto it = counts.find(facet);
    if (it == counts.end()) return 0;
    for (const auto& [found, count] : it->second)
        if (found == value) return count;
    return 0;
}

}  // namespace

TEST_CASE("facet counts from the in-memory table equal those read from each document, revision by revision") {
    IndexedCollection collection;
    Xapian::Database index(collection.paths.index_dir().string());
    const auto table = FacetTable::current(index);
    REQUIRE(table);
    CHECK(FacetTable::current(index) == table);  // shared, not rebuilt, while the revision stands
    const FacetCounts from_table = count_all(index, table);
    CHECK(from_table == count_all(index, nullptr));
    CHECK(facet_count(from_table, "kind", "offer") == 3);
    CHECK(facet_count(from_table, "lang", "zh") == 2);
    CHECK(facet_count(from_table, "region", "CN-LN") == 2);

    // A re-import that moves a demand to Jilin makes a new revision, and a new table.
    collection.dir.write("more/t-dem-zh-1.md", std::string(chinese_laser_demand).replace(
                                                   std::string(chinese_laser_demand).find("CN-LN"), 5, "CN-JL"));
    IngestionOptions options;
    Ingestion(collection.paths, options, KnowledgeBase::builtin()).run({collection.dir / "more"});
    index.reopen();
    const auto newer = FacetTable::current(index);
    REQUIRE(newer);
    CHECK(newer != table);
    const FacetCounts after = count_all(index, newer);
    CHECK(after == count_all(index, nullptr));
    CHECK(facet_count(after, "region", "CN-LN") == 1);
    CHECK(facet_count(after, "region", "CN-JL") == 1);
}

TEST_CASE("a broad concept finds a document about a concept two levels under it, in another language") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    // Five-axis machining centre -> machining centre -> CNC machine tool: the offer never names the last.
    dir.write("docs/five-axis.md", R"(---
id: t-off-ru-5axis
kind: offer
lang: ru
title: Пятикоординатный обрабатывающий центр для лопаток турбин
region: RU-NVS
---
Институт предлагает пятикоординатный обрабатывающий центр собственной разработки для обработки лопаток.
)");
    IngestionOptions options;
    Ingestion(paths, options, KnowledgeBase::builtin()).run({dir / "docs"});

    Xapian::Database index(paths.index_dir().string());
    for (const char* concept_id : {"five-axis-machining-center", "machining-center", "cnc-machine-tool", "machine-tool"})
        CHECK_MESSAGE(index.get_termfreq(std::string("XT") + concept_id) == 1, concept_id);
    CHECK(index.get_termfreq("XCcnc-machine-tool") == 0);  // only the concept it names is its own term

    Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
    SearchRequest request;
    request.query = "数控机床";
    const auto result = searcher.search(request);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits.front().id == "t-off-ru-5axis");
}

TEST_CASE("the search result cache answers a repeated request of the same index revision only") {
    SearchResultCache cache(2);
    SearchRequest laser;
    laser.query = "激光焊接";
    SearchResult found;
    found.total = 7;
    CHECK_FALSE(cache.find(5, laser));
    cache.keep(5, laser, found);
    REQUIRE(cache.find(5, laser));
    CHECK(cache.find(5, laser)->total == 7);
    CHECK_FALSE(cache.find(6, laser));  // a newer index: search again

    SearchRequest page_two = laser;
    page_two.offset = 10;
    CHECK_FALSE(cache.find(5, page_two));
    SearchRequest filtered = laser;
    filtered.filters.region = "RU-NVS";
    CHECK_FALSE(cache.find(5, filtered));

    // Capacity 2: the least recently used goes.
    cache.keep(5, page_two, found);
    CHECK(cache.find(5, laser));  // laser is now the most recent
    cache.keep(5, filtered, found);
    CHECK(cache.find(5, laser));
    CHECK(cache.find(5, filtered));
    CHECK_FALSE(cache.find(5, page_two));

    // A result of a newer revision empties the cache; an older one is not kept.
    cache.keep(6, page_two, found);
    CHECK_FALSE(cache.find(5, laser));
    CHECK(cache.find(6, page_two));
    cache.keep(5, laser, found);
    CHECK_FALSE(cache.find(5, laser));

    // Fields that join to the same text are still two requests.
    SearchRequest joined_a, joined_b;
    joined_a.query = "ab";
    joined_b.query = "a";
    joined_b.filters.sector = "b";
    cache.keep(6, joined_a, found);
    CHECK_FALSE(cache.find(6, joined_b));

    SearchResultCache off(0);
    off.keep(1, laser, found);
    CHECK_FALSE(off.find(1, laser));
}

TEST_CASE("a searcher with a cache sees a new import at once") {
    IndexedCollection collection;
    SearchResultCache cache(10);
    Searcher searcher(collection.paths, KnowledgeBase::builtin(), Dictionaries::installed(), &cache);
    SearchRequest request;
    request.query = "катализатор";
    const auto before = searcher.search(request);
    CHECK(searcher.search(request).total == before.total);

    collection.dir.write("more/t-off-ru-3.md", R"(---
id: t-off-ru-3
kind: offer
lang: ru
title: Катализатор гидроочистки дизельного топлива
region: RU-OMS
---
Катализатор глубокой гидроочистки дизельного топлива для нефтеперерабатывающих заводов.
)");
    IngestionOptions options;
    Ingestion(collection.paths, options, KnowledgeBase::builtin()).run({collection.dir / "more"});
    const auto after = searcher.search(request);
    CHECK(after.total == before.total + 1);
    CHECK(has(ids(after), "t-off-ru-3"));
}

TEST_CASE("a document matches when it has every word of the query, in some language") {
    IndexedCollection collection;
    // Only the catalyst offer speaks of catalysts and sulphur.
    const auto catalyst = search(collection, "катализатор серы");
    CHECK_FALSE(catalyst.relaxed);
    CHECK(ids(catalyst) == std::vector<std::string>{"t-off-ru-2"});
    // A concept stands for the words its label covers: the Chinese and English laser documents
    // are found by a Russian query through "laser welding", and nothing else is.
    const auto welding = ids(search(collection, "лазерная сварка"));
    CHECK(contains(welding, "t-off-ru-1"));
    CHECK(contains(welding, "t-dem-zh-1"));
    CHECK(contains(welding, "t-off-en-1"));
    CHECK_FALSE(contains(welding, "t-off-ru-2"));
    CHECK_FALSE(contains(welding, "t-kn-en-1"));
    // The Chinese demand is about laser welding but names no steel: it meets one of the two
    // parts, and comes after the offers that meet both.
    const auto steel_result = search(collection, "laser steel");
    const auto steel = ids(steel_result);
    CHECK(steel_result.parts == 2);
    REQUIRE(steel.size() >= 3);
    CHECK(std::set<std::string>(steel.begin(), steel.begin() + 2) == std::set<std::string>{"t-off-en-1", "t-off-ru-1"});
    CHECK(steel_result.hits[0].parts_met == 2);
    CHECK(steel_result.hits[1].parts_met == 2);
    CHECK(contains(steel, "t-dem-zh-1"));
    CHECK(steel_result.hits[static_cast<std::size_t>(std::find(steel.begin(), steel.end(), "t-dem-zh-1") - steel.begin())].parts_met == 1);
    CHECK(steel_result.complete == 2);
    CHECK(steel_result.partial == steel_result.total - 2);
    // Weld toughness: the Chinese demand in its words, the offers through concepts and
    // renderings; the catalyst, the bridge and the machine tools are left out.
    const auto toughness = ids(search(collection, "焊缝 韧性"));
    REQUIRE(!toughness.empty());
    CHECK(toughness.front() == "t-dem-zh-1");
    for (const char* unrelated : {"t-off-ru-2", "t-kn-en-1", "t-dem-zh-2"}) CHECK_FALSE(contains(toughness, unrelated));
}

TEST_CASE("documents meeting a part of the query are found after those meeting all of it, and counted apart") {
    IndexedCollection collection;
    const auto result = search(collection, "катализатор bridge");
    CHECK_FALSE(result.relaxed);  // one of two parts is a clear share
    CHECK(contains(ids(result), "t-off-ru-2"));
    CHECK(contains(ids(result), "t-kn-en-1"));
    CHECK(result.complete == 0);
    CHECK(result.partial == result.total);
    CHECK(result.total >= 2);
    const auto json = to_json(result);
    CHECK(json["complete"] == 0);
    CHECK(json["partial"] == result.total);
    CHECK(json["parts"] == 2);
    CHECK(json["hits"][0]["parts_met"] == 1);
    CHECK(to_json(search(collection, "катализатор"))["relaxed"] == false);
    // Three words of which each document has at most one: under the share, so any word may match.
    const auto relaxed = search(collection, "катализатор bridge zzqxv");
    CHECK(relaxed.relaxed);
    CHECK(to_json(relaxed)["relaxed"] == true);
    CHECK(contains(ids(relaxed), "t-off-ru-2"));
    // A phrase stays required even then.
    const auto phrase = search(collection, "\"лазерной сварки\" bridge");
    CHECK(ids(phrase) == std::vector<std::string>{"t-off-ru-1"});
}

TEST_CASE("facet counts and the total describe the documents that match every word") {
    IndexedCollection collection;
    const auto result = search(collection, "катализатор серы");
    CHECK(result.total == 1);
    REQUIRE(result.facets.contains("kind"));
    CHECK(result.facets.at("kind") == std::vector<std::pair<std::string, std::size_t>>{{"offer", 1}});
}

TEST_CASE("search settings: length normalisation is read and must lie between 0 and 1") {
    CHECK(SearchSettings::parse("search.json", R"({"length_normalization": 0.75})").length_normalization == 0.75);
    CHECK(SearchSettings::parse("search.json", "{}").length_normalization == 0.5);
    try {
        SearchSettings::parse("search.json", R"({"length_normalization": 1.5})");
        FAIL("accepted 1.5");
    } catch (const DataError& error) {
        CHECK(std::string(error.what()).find("search.json: length_normalization") != std::string::npos);
    }
    CHECK_THROWS_AS(SearchSettings::parse("search.json", R"({"length_normalization": -1})"), DataError);
}

TEST_CASE("a document's own translations are searched, and its hits carry them") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    // A Russian offer in Markdown whose author gave its title in Chinese and a summary in English;
    // 钨钢 and "tungsten" are in no other field.
    const auto file = dir.write("t-off-ru-tr.md",
                                "---\nid: t-off-ru-tr\nkind: offer\nlang: ru\ntitle: Наплавка твёрдых сплавов на долота\n"
                                "title_zh: 钻头钨钢堆焊\nsummary_en: Hardfacing of drill bits with tungsten carbide.\n---\n"
                                "Предлагается наплавка твёрдых сплавов на шарошечные долота.\n");
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({file});
    Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
    for (const char* query : {"钨钢", "tungsten"}) {
        CAPTURE(query);
        SearchRequest request;
        request.query = query;
        const SearchResult found = searcher.search(request);
        REQUIRE(found.hits.size() == 1);
        const SearchHit& hit = found.hits.front();
        CHECK(hit.id == "t-off-ru-tr");
        const std::vector<Translation> expected = {{Language::zh, "钻头钨钢堆焊", ""},
                                                   {Language::en, "", "Hardfacing of drill bits with tungsten carbide."}};
        CHECK(hit.translations == expected);
        CHECK(to_json(found)["hits"][0]["translations"]["zh"]["title"] == "钻头钨钢堆焊");
    }
}
