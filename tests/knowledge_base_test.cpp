#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "knowledge_base.h"

using namespace techbridge;

namespace {

const KnowledgeBase& kb() { return KnowledgeBase::builtin(); }

bool has_problem(const std::vector<LocatedProblem>& problems, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const LocatedProblem& p) { return p.to_string().find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("the built-in knowledge data loads without a single problem") {
    std::vector<LocatedProblem> problems;
    KnowledgeBase::load(knowledge_data_files(), problems);
    for (const auto& problem : problems) FAIL_CHECK(problem.to_string());
    CHECK(problems.empty());
}

TEST_CASE("the thesaurus has at least 600 concepts with labels in all three languages and unique ids") {
    const auto& concepts = kb().thesaurus().concepts();
    CHECK(concepts.size() >= 600);
    std::set<std::string> ids;
    for (const auto& entry : concepts) {
        CHECK_MESSAGE(entry.labels.complete(), entry.id);
        CHECK_MESSAGE(!entry.sectors.empty(), entry.id);
        ids.insert(entry.id);
    }
    CHECK(ids.size() == concepts.size());
}

TEST_CASE("the thesaurus covers the fields of the cooperation") {
    for (const char* id : {"laser-cladding", "hydrotreating", "laser-welding", "cnc-machine-tool", "heavy-oil",
                           "catalyst", "welding", "soybean"}) {
        CHECK_MESSAGE(kb().thesaurus().find(id) != nullptr, id);
    }
    const Concept* cladding = kb().thesaurus().find("laser-cladding");
    REQUIRE(cladding);
    CHECK(cladding->labels.preferred(Language::zh) == "激光熔覆");
    CHECK(cladding->labels.preferred(Language::ru) == "лазерная наплавка");
    CHECK(cladding->labels.preferred(Language::en) == "laser cladding");
    std::set<std::string> sectors_with_concepts;
    for (const auto& entry : kb().thesaurus().concepts())
        sectors_with_concepts.insert(entry.sectors.begin(), entry.sectors.end());
    for (const auto& sector : kb().sectors().sectors()) CHECK_MESSAGE(sectors_with_concepts.contains(sector.id), sector.id);
}

TEST_CASE("every sector has three names and real ISIC and OKVED2 codes from the shipped lists") {
    const auto& sectors = kb().sectors().sectors();
    CHECK(sectors.size() >= 35);
    CHECK(sectors.size() <= 45);
    for (const auto& sector : sectors) {
        CHECK_MESSAGE(sector.names.complete(), sector.id);
        CHECK_MESSAGE(!sector.isic.empty(), sector.id);
        CHECK_MESSAGE(!sector.okved.empty(), sector.id);
        for (const auto& code : sector.isic) CHECK_MESSAGE(kb().codes().has_isic(code), sector.id << " " << code);
        for (const auto& code : sector.okved) CHECK_MESSAGE(kb().codes().has_okved(code), sector.id << " " << code);
        for (const auto& other : sector.related)
            CHECK(kb().sectors().relation(other, sector.id) == SectorRelation::related);
    }
}

TEST_CASE("sector codes resolve from ids and from official codes") {
    const auto& sectors = kb().sectors();
    CHECK(sectors.resolve("petroleum-refining") == "petroleum-refining");
    CHECK(sectors.resolve("Lasers-Photonics") == "lasers-photonics");
    CHECK(sectors.resolve("19.20") == "petroleum-refining");
    CHECK(sectors.resolve("1920").has_value());
    CHECK_FALSE(sectors.resolve("underwater-basket-weaving").has_value());
    CHECK(sectors.relation("petroleum-refining", "petroleum-refining") == SectorRelation::same);
    CHECK(sectors.relation("petroleum-refining", "catalysts") == SectorRelation::related);
    CHECK(sectors.relation("petroleum-refining", "livestock-dairy") == SectorRelation::unrelated);
}

TEST_CASE("the gazetteer knows the provinces, subjects, crossings and cross-border neighbours") {
    const auto& regions = kb().regions();
    for (const char* id : {"CN-HL", "CN-JL", "CN-LN", "CN-NM", "RU-KHA", "RU-PRI", "RU-AMU", "RU-NVS", "RU-IRK"})
        CHECK_MESSAGE(regions.find(id) != nullptr, id);
    for (const char* id : {"crossing:heihe-blagoveshchensk", "crossing:tongjiang-nizhneleninskoye",
                           "crossing:suifenhe-pogranichny", "crossing:hunchun-kraskino",
                           "crossing:manzhouli-zabaykalsk", "crossing:fuyuan-khabarovsk"})
        CHECK_MESSAGE(regions.find(id) != nullptr, id);
    const Region* khabarovsk = regions.find("khabarovsk");
    REQUIRE(khabarovsk);
    CHECK(khabarovsk->labels.preferred(Language::ru) == "Хабаровск");
    CHECK(khabarovsk->labels.preferred(Language::zh) == "哈巴罗夫斯克");
    const auto& english = khabarovsk->labels.of(Language::en);
    CHECK(std::find(english.begin(), english.end(), "Habarovsk") != english.end());
    CHECK(regions.first_level("harbin")->id == "CN-HL");
    CHECK(regions.are_neighbours("CN-HL", "RU-AMU"));
    CHECK(regions.are_neighbours("harbin", "khabarovsk"));
    CHECK_FALSE(regions.are_neighbours("CN-LN", "RU-NVS"));
}

TEST_CASE("bad thesaurus lines are reported with file and line") {
    std::vector<LocatedProblem> problems;
    Thesaurus thesaurus;
    thesaurus.load("bad.tsv",
                   "# a comment\n"
                   "id\tbroader\tsectors\tzh\tru\ten\n"
                   "laser-x\t\tlasers-photonics\t激光\tлазер\tlaser\n"
                   "only-two\tcolumns\n"
                   "no-russian\t\tlasers-photonics\t激光器\t\tlaser source\n"
                   "laser-x\t\tlasers-photonics\t激光\tлазер\tlaser\n"
                   "bad-sector\t\tbasket-weaving\t篮子\tкорзина\tbasket\n"
                   "Bad Id\t\tlasers-photonics\t激光\tлазер\tlaser\n"
                   "orphan\tno-such-parent\tlasers-photonics\t孤儿\tсирота\torphan\n",
                   kb().sectors(), problems);
    thesaurus.finish(problems);
    CHECK(has_problem(problems, "bad.tsv:4: record: expected 6 tab-separated columns, found 2"));
    CHECK(has_problem(problems, "bad.tsv:5: ru: the concept has no label in this language"));
    CHECK(has_problem(problems, "bad.tsv:6: id: duplicate concept id \"laser-x\", first defined at bad.tsv:3"));
    CHECK(has_problem(problems, "bad.tsv:7: sectors: unknown sector \"basket-weaving\""));
    CHECK(has_problem(problems, "bad.tsv:8: id: \"Bad Id\" is not a concept id"));
    CHECK(has_problem(problems, "bad.tsv:9: broader: unknown concept \"no-such-parent\""));
    CHECK(thesaurus.find("laser-x"));
}

TEST_CASE("a thesaurus file with the wrong header is refused as a whole") {
    std::vector<LocatedProblem> problems;
    Thesaurus thesaurus;
    thesaurus.load("x.tsv", "id\tzh\tru\ten\nlaser\t激光\tлазер\tlaser\n", kb().sectors(), problems);
    CHECK(has_problem(problems, "x.tsv:1: header: expected the header"));
    CHECK(thesaurus.concepts().empty());
}

TEST_CASE("sector codes that are not in the official lists are reported") {
    std::vector<LocatedProblem> problems;
    SectorTaxonomy sectors;
    sectors.load("sectors.tsv",
                 "id\tzh\tru\ten\tisic\tokved2\tgbt4754\trelated\n"
                 "refining\t炼油\tнефтепереработка\trefining\t1920,9999\t19.20,99.99\t\tchemistry\n"
                 "chemistry\t化工\tхимия\tchemistry\t20\t20\t\t\n",
                 kb().codes(), problems);
    CHECK(has_problem(problems, "sectors.tsv:2: isic: \"9999\" is not in the ISIC code list"));
    CHECK(has_problem(problems, "sectors.tsv:2: okved2: \"99.99\" is not in the OKVED2 code list"));
    CHECK(has_problem(problems, "sectors.tsv:2: related: \"chemistry\" does not list \"refining\" back"));
}
