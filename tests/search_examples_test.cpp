#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "dictionaries.h"
#include "ingestion.h"
#include "searcher.h"
#include "test_support.h"

using namespace techbridge;
using namespace techbridge::testing;

// What a new user tried on the sample corpus, each as the search should answer it.

namespace {

struct SampleCorpus {
    TempDir dir;
    StoragePaths paths{dir / "db"};
    SampleCorpus() {
        Ingestion(paths, {}, KnowledgeBase::builtin()).run({std::string(TECHBRIDGE_SOURCE_DIR) + "/corpus/documents"});
    }
    SearchResult search(const std::string& query, std::optional<DocumentKind> kind = std::nullopt, std::size_t limit = 10,
                        SearchOrder order = SearchOrder::relevance) {
        Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
        SearchRequest request;
        request.query = query;
        request.limit = limit;
        request.filters.kind = kind;
        request.order = order;
        return searcher.search(request);
    }
};

SampleCorpus& sample() {
    static SampleCorpus corpus;
    return corpus;
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

TEST_CASE("search examples: laser welding among offers finds as many in Chinese, Russian and Taiwanese Chinese") {
    const auto chinese = sample().search("激光焊接", DocumentKind::offer, 50);
    const auto russian = sample().search("лазерная сварка", DocumentKind::offer, 50);
    const auto taiwanese = sample().search("雷射焊接", DocumentKind::offer, 50);
    CHECK(chinese.total >= 5);  // the laser welding offers and the hybrid laser-arc ones
    CHECK(chinese.total == russian.total);
    CHECK(taiwanese.total == chinese.total);
    const auto found = ids(chinese);
    const auto found_in_russian = ids(russian);
    CHECK(std::set<std::string>(found.begin(), found.end()) ==
          std::set<std::string>(found_in_russian.begin(), found_in_russian.end()));
    CHECK(chinese.hits.size() == chinese.total);  // every counted offer is shown, not only counted
}

TEST_CASE("search examples: 风电叶片 finds the Russian offer on anti-icing of wind turbine blades") {
    CHECK(contains(ids(sample().search("风电叶片", DocumentKind::offer)), "off-ru-042"));
}

TEST_CASE("search examples: 重油 加工 finds the heavy-oil offers") {
    const auto top = ids(sample().search("重油 加工", DocumentKind::offer));
    for (const char* heavy_oil : {"off-ru-002", "off-ru-005", "off-en-001"}) {
        CAPTURE(heavy_oil);
        CHECK(contains(top, heavy_oil));
    }
}

TEST_CASE("search examples: переработка угля among demands finds the Chinese coal-gasification demands") {
    const auto top = ids(sample().search("переработка угля", DocumentKind::demand));
    for (const char* coal : {"dem-zh-019", "dem-zh-025"}) {
        CAPTURE(coal);
        CHECK(contains(top, coal));
    }
}

TEST_CASE("search examples: сваркa with a Latin a finds what сварка finds") {
    const auto latin_a = sample().search("сваркa", std::nullopt, 100);
    const auto cyrillic = sample().search("сварка", std::nullopt, 100);
    REQUIRE(cyrillic.total > 10);
    CHECK(ids(latin_a) == ids(cyrillic));
    CHECK_FALSE(latin_a.suggestion.has_value());  // folded, not misspelt
}

TEST_CASE("search examples: a mistyped word gets a suggestion in Chinese, Russian and English") {
    const auto chinese = sample().search("激光悍接");
    REQUIRE(chinese.suggestion.has_value());
    CHECK(*chinese.suggestion == "激光焊接");
    const auto english = sample().search("laser weldng");
    REQUIRE(english.suggestion.has_value());
    CHECK(*english.suggestion == "laser welding");
    const auto russian = sample().search("вечная мерзота");
    REQUIRE(russian.suggestion.has_value());
    CHECK(*russian.suggestion == "вечная мерзлота");
    const auto zero = sample().search("weldng");
    CHECK(zero.total == 0);
    REQUIRE(zero.suggestion.has_value());
    CHECK(*zero.suggestion == "welding");
    CHECK_FALSE(sample().search("激光焊接").suggestion.has_value());  // found as typed
    CHECK_FALSE(sample().search("laser welding").suggestion.has_value());
}

TEST_CASE("search examples: a Russian query finds Chinese documents on the same subject") {
    const auto found = sample().search("лазерная сварка", DocumentKind::demand, 20);
    const bool chinese = std::any_of(found.hits.begin(), found.hits.end(), [](const SearchHit& hit) { return hit.lang == Language::zh; });
    CHECK(chinese);
}

namespace {

std::vector<std::string> marked_words(const SearchHit& hit) {
    std::vector<std::string> words;
    for (const auto& [offset, length] : hit.snippet.highlights) words.push_back(hit.snippet.text.substr(offset, length));
    return words;
}

const SearchHit* hit_of(const SearchResult& result, const std::string& id) {
    const auto it = std::find_if(result.hits.begin(), result.hits.end(), [&](const SearchHit& hit) { return hit.id == id; });
    return it == result.hits.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("search examples: a Russian hit of 激光焊接 marks the Russian words of the concept") {
    const auto found = sample().search("激光焊接", DocumentKind::offer, 20);
    const SearchHit* russian = hit_of(found, "off-ru-151");  // Лазерная сварка тонкостенных конструкций …
    REQUIRE(russian != nullptr);
    const auto words = marked_words(*russian);
    CHECK(contains(words, "лазерной"));
    CHECK(contains(words, "сварки"));
    const auto found_in_russian = sample().search("лазерная сварка", DocumentKind::offer, 20);
    const SearchHit* english = hit_of(found_in_russian, "off-en-051");
    REQUIRE(english != nullptr);
    CHECK(contains(marked_words(*english), "welding"));
}

TEST_CASE("search examples: each hit carries its gloss: main concepts, sectors, regions") {
    const auto found = sample().search("激光焊接", DocumentKind::offer, 20);
    const SearchHit* russian = hit_of(found, "off-ru-151");
    REQUIRE(russian != nullptr);
    REQUIRE(!russian->concepts.empty());
    CHECK(russian->concepts.size() <= static_cast<std::size_t>(KnowledgeBase::builtin().search().gloss_concepts));
    const bool laser_welding = std::any_of(russian->concepts.begin(), russian->concepts.end(),
                                           [](const Concept* entry) { return entry->id == "laser-welding"; });
    CHECK(laser_welding);
    CHECK(!russian->sectors.empty());
    CHECK(!russian->regions.empty());
    CHECK(russian->published == "2025-09-15");
}

TEST_CASE("search examples: ordered by TRL or by date, each among documents meeting as many of the query's parts") {
    for (const SearchOrder order : {SearchOrder::trl, SearchOrder::published}) {
        CAPTURE(to_string(order));
        const auto found = sample().search("сварка", std::nullopt, 40, order);
        REQUIRE(found.hits.size() >= 10);
        CHECK(found.order == order);
        for (std::size_t i = 1; i < found.hits.size(); ++i) {
            const SearchHit& before = found.hits[i - 1];
            const SearchHit& after = found.hits[i];
            CAPTURE(after.id);
            REQUIRE(before.parts_met >= after.parts_met);
            if (before.parts_met != after.parts_met) continue;
            if (order == SearchOrder::trl) CHECK(before.trl.value_or(0) >= after.trl.value_or(0));
            else if (!after.published.empty()) CHECK(before.published >= after.published);
        }
    }
    const auto by_relevance = sample().search("сварка", std::nullopt, 40);
    const auto by_trl = sample().search("сварка", std::nullopt, 40, SearchOrder::trl);
    CHECK(by_relevance.total == by_trl.total);
    CHECK(ids(by_relevance) != ids(by_trl));
}

TEST_CASE("search examples: a query that finds nothing offers the nearest concepts and looser searches") {
    const auto none = sample().search("бетонов телепортация", DocumentKind::knowledge);
    REQUIRE(none.total == 0);
    REQUIRE(!none.nearest_concepts.empty());
    CHECK(none.nearest_concepts.front().entry->id == "concrete");
    CHECK(none.nearest_concepts.front().documents > 0);
    REQUIRE(!none.looser.empty());
    CHECK(none.looser.front().without_filters);
    CHECK(none.looser.front().total == sample().search("бетонов телепортация").total);
    CHECK(sample().search("бетонов телепортация").total > 0);
    // A query that finds something offers none.
    const auto found = sample().search("бетон");
    CHECK(found.total > 0);
    CHECK(found.nearest_concepts.empty());
    CHECK(found.looser.empty());
}
