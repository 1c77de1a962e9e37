// The dictionary bridge: the zh↔ru lexicon derived from CC-CEDICT and Mueller, and the
// structured (synonym-group) renderings of words the thesaurus does not cover.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "bilingual_lexicon.h"
#include "dictionaries.h"
#include "errors.h"
#include "query_builder.h"

using namespace techbridge;
namespace fs = std::filesystem;

namespace {

bool has_rendering(const LanguageRenderings& entry, const std::string& text) {
    return std::any_of(entry.renderings.begin(), entry.renderings.end(),
                       [&](const WeightedRendering& rendering) { return rendering.text == text; });
}

const BilingualLexicon& installed_lexicon() {
    const GeneralDictionary& dictionary = Dictionaries::installed().general();
    REQUIRE_MESSAGE(dictionary.has_chinese_english(), dictionary.status());
    REQUIRE_MESSAGE(dictionary.has_english_russian(), dictionary.status());
    return Dictionaries::installed().lexicon();
}

fs::path write_file(const std::string& name, const std::string& content) {
    const fs::path path = fs::temp_directory_path() / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

}  // namespace

TEST_CASE("inverse consultation keeps the renderings of a word's own senses and drops junk pivots") {
    const BilingualLexicon& lexicon = installed_lexicon();
    // 开采 "to extract; to exploit; to mine": добывать is reached back through two senses,
    // "принадлежащий мне" (mine, the pronoun) and мина (a military mine) through one.
    const LanguageRenderings& mined = lexicon.russian_for_chinese("开采");
    CHECK(has_rendering(mined, "добывать"));
    CHECK_FALSE(has_rendering(mined, "принадлежащий мне"));
    CHECK_FALSE(has_rendering(mined, "мина"));
    CHECK(mined.confidence == doctest::Approx(1.0));
    // The same lexicon read from Russian.
    CHECK(has_rendering(lexicon.chinese_for_russian("сварки"), "焊接"));
    CHECK(lexicon.chinese_words() > 20000);
}

TEST_CASE("a rendering resting on one English sense weighs by rank and field label") {
    const BilingualLexicon& lexicon = installed_lexicon();
    // 钢坯 "billet": Mueller's technical sense (_метал. заготовка) outranks the first
    // homonym's "ордер на постой" (a soldier's billet).
    const LanguageRenderings& billet = lexicon.russian_for_chinese("钢坯");
    REQUIRE_FALSE(billet.renderings.empty());
    CHECK(billet.renderings.front().text == "заготовка");
    CHECK(billet.confidence < 1.0);
}

TEST_CASE("a word's renderings in a language form one synonym group") {
    installed_lexicon();
    TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    QueryBuilder builder(analyzer, KnowledgeBase::builtin(), Dictionaries::installed());
    const std::string description = builder.build("开采").query.get_description();
    CHECK(description.find("SYNONYM") != std::string::npos);
    CHECK(description.find("Zдобыва") != std::string::npos);
    CHECK(description.find("принадлежа") == std::string::npos);
}

TEST_CASE("a malformed dictionary file is named in the status and the lexicon is empty") {
    GeneralDictionary::Sources broken;
    broken.cedict = write_file("techbridge-broken-all.js", "module.exports = {\"all\": [[\"x\", ");
    broken.mueller_index = write_file("techbridge-broken-mueller7.index", "weld\tA\tB\n");
    broken.mueller_dict = write_file("techbridge-broken-mueller7.dict.dz", "this is not gzip data at all");
    const GeneralDictionary dictionary(broken);
    CHECK_FALSE(dictionary.has_chinese_english());
    CHECK_FALSE(dictionary.has_english_russian());
    const std::string status = dictionary.status();
    CHECK(status.find(broken.cedict.string()) != std::string::npos);
    CHECK(status.find(broken.mueller_dict.string()) != std::string::npos);
    CHECK(status.find("thesaurus only") != std::string::npos);
    const BilingualLexicon lexicon(dictionary, LexiconSettings{});
    CHECK(lexicon.chinese_words() == 0);
    CHECK(lexicon.render("焊接", TokenScript::han).empty());
    CHECK(lexicon.render("сварка", TokenScript::cyrillic).empty());
}

TEST_CASE("the bridge's settings are read from corpus/search.json and checked") {
    const LexiconSettings settings = LexiconSettings::parse(
        "search.json", R"({"dictionary_bridge": {"max_renderings": 2, "single_path_confidence": 0.3}})");
    CHECK(settings.max_renderings == 2);
    CHECK(settings.single_path_confidence == doctest::Approx(0.3));
    CHECK_THROWS_WITH_AS(LexiconSettings::parse("search.json", R"({"dictionary_bridge": {"min_share": "high"}})"),
                         doctest::Contains("dictionary_bridge.min_share"), DataError);
    CHECK(LexiconSettings::builtin().max_renderings == 4);
}
