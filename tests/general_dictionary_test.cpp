#include <doctest/doctest.h>

#include <algorithm>

#include "dictionaries.h"
#include "general_dictionary.h"
#include "query_builder.h"

using namespace techbridge;

namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

const GeneralDictionary& installed() {
    const GeneralDictionary& dictionary = Dictionaries::installed().general();
    // scripts/install-deps (run by `make test`) installs both dictionaries.
    REQUIRE_MESSAGE(dictionary.has_chinese_english(), dictionary.status());
    REQUIRE_MESSAGE(dictionary.has_english_russian(), dictionary.status());
    return dictionary;
}

}  // namespace

TEST_CASE("CC-CEDICT renders Chinese words in English") {
    const auto& dictionary = installed();
    CHECK(dictionary.chinese_entries() > 50000);
    CHECK(contains(dictionary.english_for_chinese("焊接"), "welding"));
    CHECK(contains(dictionary.english_for_chinese("催化剂"), "catalyst"));
    CHECK(contains(dictionary.chinese_for_english("catalyst"), "催化剂"));
}

TEST_CASE("Mueller renders English words in Russian and back, by stem") {
    const auto& dictionary = installed();
    CHECK(dictionary.english_headwords() > 30000);
    CHECK(contains(dictionary.russian_for_english("catalyst"), "катализатор"));
    CHECK(contains(dictionary.russian_for_english("catalysts"), "катализатор"));
    CHECK(contains(dictionary.english_for_russian("катализатора"), "catalyst"));
}

TEST_CASE("a word outside the thesaurus reaches the other languages through the dictionaries") {
    installed();
    TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    QueryBuilder builder(analyzer, KnowledgeBase::builtin(), Dictionaries::installed());
    // 雨伞 (umbrella) is no technology concept: Chinese -> English -> Russian.
    const std::string description = builder.build("雨伞").query.get_description();
    CHECK(description.find("Zumbrella") != std::string::npos);
    CHECK(description.find("Zзонт") != std::string::npos);
}

TEST_CASE("missing dictionaries leave the system working on the thesaurus and say so") {
    GeneralDictionary::Sources nowhere;
    nowhere.cedict = "/nonexistent/all.js";
    nowhere.mueller_index = "/nonexistent/mueller7.index";
    nowhere.mueller_dict = "/nonexistent/mueller7.dict.dz";
    const GeneralDictionary absent(nowhere);
    CHECK_FALSE(absent.has_chinese_english());
    CHECK_FALSE(absent.has_english_russian());
    CHECK(absent.english_for_chinese("焊接").empty());
    CHECK(absent.russian_for_english("weld").empty());
    CHECK(absent.status().find("thesaurus only") != std::string::npos);
}
