#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "knowledge_base.h"
#include "text_analyzer.h"

using namespace techbridge;

namespace {

TextAnalyzer& analyzer() {
    static TextAnalyzer instance(KnowledgeBase::builtin().han_words());
    return instance;
}

// The word terms of `text` (role word), in order.
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& token : analyzer().analyze(text))
        if (token.role == TokenRole::word) out.push_back(token.term);
    return out;
}

std::vector<std::string> stems(std::string_view text) {
    std::vector<std::string> out;
    for (const auto& token : analyzer().analyze(text))
        if (token.role == TokenRole::word) out.push_back(token.stem);
    return out;
}

bool has_term(std::string_view text, const std::string& term) {
    const auto tokens = analyzer().analyze(text);
    return std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) { return t.term == term; });
}

using Terms = std::vector<std::string>;

}  // namespace

TEST_CASE("Chinese is segmented into words") {
    CHECK(words("中俄合作 需要设备") == Terms{"中俄", "合作", "需要", "设备"});
    // ICU's words joined again into thesaurus and gazetteer labels.
    CHECK(words("激光焊接") == Terms{"激光焊接"});
    CHECK(words("中俄合作 黑龙江省哈尔滨市") == Terms{"中俄", "合作", "黑龙江省", "哈尔滨", "市"});
}

std::vector<std::string> with_role(std::string_view text, TokenRole role) {
    std::vector<std::string> out;
    for (const auto& token : analyzer().analyze(text))
        if (token.role == role) out.push_back(token.term);
    return out;
}

TEST_CASE("a thesaurus label stays one word in any sentence, its ICU words as pieces") {
    // ICU alone cuts 风电叶片 as 风电/叶片 but 风/电/叶/片 in some sentences (issue 5).
    const char* sentences[] = {
        "风电叶片",
        "本公司需要风电叶片的无损检测技术",
        "大型风电叶片在低温下开裂，需要修复。",
        "风电叶片、塔筒和齿轮箱",
    };
    for (const char* sentence : sentences) {
        CAPTURE(sentence);
        const auto found = words(sentence);
        CHECK(std::find(found.begin(), found.end(), "风电叶片") != found.end());
    }
    CHECK(with_role("激光焊接厚板", TokenRole::piece) == Terms{"激光", "焊接"});
    CHECK(with_role("焊缝开裂", TokenRole::piece).empty());  // ICU cuts 焊缝 into single characters
}

TEST_CASE("every pair of adjacent Han characters is a bigram, within a run only") {
    CHECK(with_role("风电叶片", TokenRole::bigram) == Terms{"风电", "电叶", "叶片"});
    CHECK(with_role("焊缝，开裂", TokenRole::bigram) == Terms{"焊缝", "开裂"});
    CHECK(with_role("焊缝 co2 开裂", TokenRole::bigram) == Terms{"焊缝", "开裂"});
    CHECK(with_role("Лазерная сварка", TokenRole::bigram).empty());
    const auto tokens = analyzer().analyze("焊缝，开裂");
    std::vector<std::uint32_t> runs;
    for (const auto& token : tokens) runs.push_back(token.han_run);
    CHECK(runs == std::vector<std::uint32_t>{1, 1, 2, 2});  // 焊缝 and its bigram, then 开裂 and its own
}

TEST_CASE("Traditional Chinese is analysed as Simplified") {
    CHECK(words("裝備製造") == words("装备制造"));
    CHECK(words("裝備製造") == Terms{"装备", "制造"});
    CHECK(words("數控機床") == words("数控机床"));
}

TEST_CASE("Russian inflected forms share one stem") {
    const auto forms = stems("технология технологии технологий технологиями");
    REQUIRE(forms.size() == 4);
    CHECK(forms[0] == forms[1]);
    CHECK(forms[1] == forms[2]);
    CHECK(forms[2] == forms[3]);
    CHECK(stems("сварка сварки сваркой") == Terms{"сварк", "сварк", "сварк"});
}

TEST_CASE("ё is folded to е before stemming") {
    CHECK(words("Ёмкость ёлка") == Terms{"емкость", "елка"});
    CHECK(stems("ёмкость") == stems("емкость"));
}

TEST_CASE("look-alike letters of the other script inside a word are written in the word's script") {
    CHECK(words("сваркa") == Terms{"сварка"});             // a Latin a at the end
    CHECK(words("CВАРКА") == Terms{"сварка"});             // a Latin C typed first
    CHECK(words("wеlding") == Terms{"welding"});           // a Cyrillic е
    CHECK(stems("cварки") == stems("сварка"));
    CHECK(words("12Х18Н10Т") == Terms{"12х18н10т"});       // a steel grade: Cyrillic letters and digits, untouched
    CHECK(words("Ту-204") == Terms{"ту", "204"});
    CHECK(words("газqq") == Terms{"газqq"});                // q has no Cyrillic look-alike: left as typed
    CHECK(words("оc") == Terms{"оc"});                      // one of each: no majority, left as typed
}

TEST_CASE("English words are case-folded and stemmed") {
    CHECK(words("Laser WELDING") == Terms{"laser", "welding"});
    CHECK(stems("welding welded welds") == Terms{"weld", "weld", "weld"});
}

TEST_CASE("NFKC folds full-width forms") {
    CHECK(words("ＡＢＣ１２３") == Terms{"abc123"});
    CHECK(words("５Ｇ") == words("5G"));
}

TEST_CASE("mixed scripts keep every token searchable") {
    CHECK(words("我们需要CNC加工中心和PLC控制系统") ==
          Terms{"我们", "需要", "cnc", "加工中心", "和", "plc", "控制", "系统"});
    CHECK(with_role("我们需要CNC加工中心和PLC控制系统", TokenRole::piece) == Terms{"加工", "中心"});
    CHECK(has_term("двигатель для Ту-204", "ту-204"));
    CHECK(has_term("двигатель для Ту-204", "204"));
    CHECK(has_term("выбросы CO2", "co2"));
    CHECK(has_term("5G связь", "5g"));
    CHECK(has_term("Li-ion batteries", "li-ion"));
    CHECK(has_term("сталь 12Х18Н10Т", "12х18н10т"));
}

TEST_CASE("numbers glued to units are also split into number and unit") {
    CHECK(has_term("давление 10МПа", "10мпа"));
    CHECK(has_term("давление 10МПа", "10"));
    CHECK(has_term("давление 10МПа", "мпа"));
    CHECK(has_term("功率20kW", "20"));
    CHECK(has_term("功率20kW", "kw"));
}

TEST_CASE("codes with digits are not stemmed") {
    for (const auto& token : analyzer().analyze("CO2 12Х18Н10Т")) CHECK(token.stem.empty());
}

TEST_CASE("stop-words are marked") {
    const auto tokens = analyzer().analyze("технология и оборудование the welding 的");
    std::vector<std::string> stopwords;
    for (const auto& token : tokens)
        if (token.stopword) stopwords.push_back(token.term);
    CHECK(stopwords == Terms{"и", "the", "的"});
}

TEST_CASE("IT stays searchable in English") {
    const auto tokens = analyzer().analyze("IT services");
    REQUIRE(!tokens.empty());
    CHECK(tokens.front().term == "it");
    CHECK_FALSE(tokens.front().stopword);
}

TEST_CASE("positions count words and compounds share a position") {
    const auto tokens = analyzer().analyze("Ту-204 летает");
    std::uint32_t compound_position = 0, first_position = 0, last_position = 0;
    for (const auto& token : tokens) {
        if (token.term == "ту-204") compound_position = token.position;
        if (token.term == "ту") first_position = token.position;
        if (token.term == "летает") last_position = token.position;
    }
    CHECK(first_position == 1);
    CHECK(compound_position == 1);
    CHECK(last_position == 3);
}

TEST_CASE("the analysis version names the ICU version and the data") {
    const std::string version = TextAnalyzer::version();
    CHECK(version.find("-icu") != std::string::npos);
    CHECK(version.size() > 10);
}
