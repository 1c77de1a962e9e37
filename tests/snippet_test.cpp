#include <doctest/doctest.h>

#include "dictionaries.h"
#include "query_builder.h"
#include "snippet.h"

using namespace techbridge;

namespace {

struct Snippets {
    TextAnalyzer analyzer{KnowledgeBase::builtin().han_words()};
    QueryBuilder queries{analyzer, KnowledgeBase::builtin(), Dictionaries::installed()};
    SnippetGenerator generator{analyzer};

    Snippet of(std::string_view text, std::string_view query, std::size_t length = 180) {
        return generator.generate(text, queries.build(query).terms, length);
    }
};

std::vector<std::string> marked(const Snippet& snippet) {
    std::vector<std::string> words;
    for (const auto& [offset, length] : snippet.highlights) words.push_back(snippet.text.substr(offset, length));
    return words;
}

}  // namespace

TEST_CASE("snippets mark Chinese query words wherever their characters occur") {
    Snippets snippets;
    const auto snippet = snippets.of("我公司生产工程机械结构件，需要激光焊接厚板的工艺，焊缝在零下40度保持韧性。", "激光焊接");
    CHECK(marked(snippet) == std::vector<std::string>{"激光焊接"});
    CHECK(snippet.text.find("激光焊接厚板") != std::string::npos);
}

TEST_CASE("snippets mark Traditional characters for a Simplified query, and the reverse") {
    Snippets snippets;
    const std::string_view traditional = "我們是瀋陽的裝備製造企業，數控機床使用三年後精度下降。";
    CHECK(marked(snippets.of(traditional, "装备制造")) == std::vector<std::string>{"裝備", "製造"});
    CHECK(marked(snippets.of("沈阳的装备制造企业", "裝備製造")) == std::vector<std::string>{"装备", "制造"});
}

TEST_CASE("snippets mark Russian and English words in their inflected forms") {
    Snippets snippets;
    CHECK(marked(snippets.of("Предлагается технология лазерной сварки сталей толщиной до 20 мм.", "лазерная сварка")) ==
          std::vector<std::string>{"лазерной", "сварки"});
    CHECK(marked(snippets.of("Fibre laser welding of steel plates, welded at minus 60 degrees.", "weld")) ==
          std::vector<std::string>{"welding", "welded"});
    CHECK(marked(snippets.of("ЛАЗЕРНАЯ СВАРКА", "лазерная")) == std::vector<std::string>{"ЛАЗЕРНАЯ"});
    // A word containing the query word is another word.
    CHECK(marked(snippets.of("Сварщики и сваи.", "сварка")).empty());
}

TEST_CASE("a snippet is the window with the most distinct query words, cut at word boundaries") {
    Snippets snippets;
    std::string text = "Катализатор упомянут в начале. ";
    for (int i = 0; i < 20; ++i) text += "Посторонний текст о другом предмете. ";
    text += "Здесь катализатор гидроочистки снижает содержание серы.";
    for (int i = 0; i < 20; ++i) text += " Ещё посторонний текст.";
    const auto snippet = snippets.of(text, "катализатор гидроочистки", 120);
    CHECK(marked(snippet) == std::vector<std::string>{"катализатор", "гидроочистки"});
    REQUIRE(snippet.text.starts_with("…"));
    REQUIRE(snippet.text.ends_with("…"));
    // Whole words at both ends: the text next to each ellipsis starts or ends a word.
    const std::string inner = snippet.text.substr(std::string("…").size(),
                                                  snippet.text.size() - 2 * std::string("…").size());
    CHECK(text.find(" " + inner.substr(0, inner.find(' '))) != std::string::npos);
    const std::string last = inner.substr(inner.rfind(' ') + 1);
    CHECK((text.find(last + " ") != std::string::npos || text.find(last + ".") != std::string::npos));
}

TEST_CASE("snippets collapse white space and keep characters outside the Basic Multilingual Plane whole") {
    Snippets snippets;
    const auto snippet = snippets.of("激光\n\n  焊接  𠀀𠀀 技术", "焊接");
    CHECK(snippet.text == "激光 焊接 𠀀𠀀 技术");
    CHECK(marked(snippet) == std::vector<std::string>{"焊接"});
    // A window cut between a surrogate pair would not be valid UTF-8.
    std::string text;
    for (int i = 0; i < 200; ++i) text += "𠀀";
    const auto cut = snippets.of(text + "焊接", "焊接", 50);
    CHECK(marked(cut) == std::vector<std::string>{"焊接"});
    CHECK(icu::UnicodeString::fromUTF8(cut.text).length() > 0);
    for (unsigned char c : cut.text) CHECK(c != 0xED);  // no lone surrogate encoded
}
