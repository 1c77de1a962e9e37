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
    SearchResult search(const std::string& query, std::optional<DocumentKind> kind = std::nullopt, std::size_t limit = 10) {
        Searcher searcher(paths, KnowledgeBase::builtin(), Dictionaries::installed());
        SearchRequest request;
        request.query = query;
        request.limit = limit;
        request.filters.kind = kind;
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
