#include <doctest/doctest.h>

#include <algorithm>

#include "document_tagger.h"
#include "document_validation.h"

using namespace techbridge;

namespace {

DocumentTagger& tagger() {
    static TextAnalyzer analyzer(KnowledgeBase::builtin().han_words());
    static DocumentTagger instance(KnowledgeBase::builtin(), analyzer);
    return instance;
}

std::vector<std::string> concept_ids(std::string_view text) {
    std::vector<std::string> ids;
    for (const auto& mention : tagger().concepts_in(text)) ids.push_back(mention.concept_id);
    return ids;
}

bool tags_with(std::string_view text, const std::string& id) {
    const auto ids = concept_ids(text);
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

Document document(const nlohmann::json& record) {
    auto parse = parse_document(record);
    REQUIRE(parse.ok());
    return parse.document;
}

}  // namespace

TEST_CASE("Chinese is tagged after segmentation and Traditional characters are converted") {
    CHECK(tags_with("需要激光焊接厚板的工艺", "laser-welding"));
    CHECK(tags_with("採用數控機床加工", "cnc-machine-tool"));
    CHECK(tags_with("柴油加氢精制装置", "diesel-hydrotreating"));
}

TEST_CASE("Russian inflected forms are tagged") {
    CHECK(tags_with("технология лазерной сварки", "laser-welding"));
    CHECK(tags_with("установки гидроочистки", "hydrotreating"));
    CHECK(tags_with("добыча тяжелой нефти", "heavy-oil"));
    CHECK(tags_with("для лазерной наплавки порошков", "laser-cladding"));
}

TEST_CASE("English forms are tagged") {
    CHECK(tags_with("Laser welding of steel plates", "laser-welding"));
    CHECK(tags_with("catalysts for hydrotreating", "catalyst"));
    CHECK(tags_with("new heat exchangers for the boiler house", "heat-exchanger"));
}

TEST_CASE("the longest label wins") {
    const auto ids = concept_ids("гидроочистка дизельного топлива");
    REQUIRE(!ids.empty());
    CHECK(std::find(ids.begin(), ids.end(), "diesel-hydrotreating") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "hydrotreating") == ids.end());
}

TEST_CASE("derivations, short stems and stop-words do not make false tags") {
    CHECK_FALSE(tags_with("расширение сырьевой базы, сырье и сырья", "cheese"));
    CHECK_FALSE(tags_with("покрытие со стойкостью", "soybean"));
    CHECK_FALSE(tags_with("катоды из меди", "honey"));
    CHECK_FALSE(tags_with("surfactant composition for oil recovery", "composite-materials"));
    CHECK_FALSE(tags_with("технология и оборудование", "artificial-intelligence"));
    CHECK(tags_with("системы ИИ для диагностики", "artificial-intelligence"));
}

TEST_CASE("stated sectors are kept and resolved from codes") {
    const auto tags = tagger().tag(document({{"id", "x"},
                                             {"kind", "offer"},
                                             {"title", "Катализатор гидроочистки"},
                                             {"body", "Катализатор гидроочистки дизельного топлива."},
                                             {"sectors", {"19.20", "catalysts"}}}));
    REQUIRE(tags.sectors.size() == 2);
    CHECK(tags.sectors[0] == TaggedCode{"petroleum-refining", Provenance::stated});
    CHECK(tags.sectors[1] == TaggedCode{"catalysts", Provenance::stated});
}

TEST_CASE("sectors are inferred from concepts when none are stated") {
    const auto tags = tagger().tag(document(
        {{"id", "x"},
         {"kind", "demand"},
         {"title", "激光焊接工艺需求"},
         {"body", "我公司需要激光焊接和激光熔覆技术，用于激光焊接厚板和激光熔覆耐磨层。"}}));
    REQUIRE(!tags.sectors.empty());
    CHECK(tags.sectors.front().provenance == Provenance::inferred);
    const bool lasers = std::any_of(tags.sectors.begin(), tags.sectors.end(),
                                    [](const TaggedCode& code) { return code.id == "lasers-photonics"; });
    CHECK(lasers);
}

TEST_CASE("regions are resolved from codes or names and inferred from the text") {
    auto region_of = [](const nlohmann::json& record) { return tagger().tag(document(record)).regions; };
    const nlohmann::json base = {{"id", "x"}, {"kind", "offer"}, {"title", "Сварка"}, {"body", "Технология сварки."}};

    nlohmann::json coded = base;
    coded["region"] = "ru-kha";
    CHECK(region_of(coded) == std::vector<TaggedCode>{{"RU-KHA", Provenance::stated}});

    nlohmann::json named = base;
    named["region"] = "Хабаровск";
    CHECK(region_of(named) == std::vector<TaggedCode>{{"RU-KHA", Provenance::stated}});

    nlohmann::json chinese = base;
    chinese["region"] = "哈尔滨";
    CHECK(region_of(chinese) == std::vector<TaggedCode>{{"CN-HL", Provenance::stated}});

    nlohmann::json inferred = base;
    inferred["organization"] = "Лаборатория сварки, Новосибирск";
    CHECK(region_of(inferred) == std::vector<TaggedCode>{{"RU-NVS", Provenance::inferred}});

    CHECK(region_of(base).empty());
}
