// The thesaurus's labels against the general dictionaries (techbridge concepts --check).
#include <doctest/doctest.h>

#include "dictionaries.h"
#include "knowledge_base.h"
#include "label_agreement.h"

using namespace techbridge;

namespace {

const GeneralDictionary& installed_dictionary() {
    const GeneralDictionary& dictionary = Dictionaries::installed().general();
    REQUIRE_MESSAGE(dictionary.has_chinese_english(), dictionary.status());
    REQUIRE_MESSAGE(dictionary.has_english_russian(), dictionary.status());
    return dictionary;
}

Concept concept_labelled(std::string id, std::string zh, std::string ru, std::string en) {
    Concept made;
    made.id = std::move(id);
    made.labels.of(Language::zh) = {std::move(zh)};
    made.labels.of(Language::ru) = {std::move(ru)};
    made.labels.of(Language::en) = {std::move(en)};
    return made;
}

}  // namespace

TEST_CASE("label agreement tells a concept with right equivalents from one with a wrong one") {
    const GeneralDictionary& dictionary = installed_dictionary();
    const std::vector<Concept> concepts{
        concept_labelled("welding", "焊接", "сварка", "welding"),
        concept_labelled("crude-oil-wrong-russian", "原油", "уголь", "crude oil"),
        concept_labelled("wrong-english", "原油", "нефть", "wheat"),
        concept_labelled("unknown-to-both", "锕锕锕", "ыыы", "qqqzzz")};
    const LabelAgreementReport report = check_label_agreement(concepts, dictionary);
    CHECK(report.concepts == 4);
    REQUIRE(report.judged.size() == 3);  // the made-up labels are known to neither dictionary
    CHECK(report.judged[0].subject->id == "welding");
    CHECK(report.judged[0].chinese_agrees);
    CHECK(report.judged[0].russian_agrees);
    CHECK(report.judged[0].agrees());
    CHECK(report.judged[1].chinese_agrees);
    CHECK(report.judged[1].russian_known);
    CHECK_FALSE(report.judged[1].russian_agrees);
    CHECK_FALSE(report.judged[1].agrees());
    CHECK(report.judged[2].chinese_known);
    CHECK_FALSE(report.judged[2].chinese_agrees);
    CHECK(report.agreeing() == 1);
    CHECK(report.share() == doctest::Approx(1.0 / 3.0));
}

TEST_CASE("the thesaurus's labels agree with the dictionaries in at least 70% of the concepts they know") {
    const GeneralDictionary& dictionary = installed_dictionary();
    const auto& concepts = KnowledgeBase::builtin().thesaurus().concepts();
    const LabelAgreementReport report = check_label_agreement(concepts, dictionary);
    CHECK(report.concepts == concepts.size());
    // Most concepts have a label the dictionaries know, so the share is over thousands of concepts.
    CHECK(report.judged.size() > concepts.size() * 3 / 4);
    INFO("agreeing ", report.agreeing(), " of ", report.judged.size(), "; techbridge concepts --check lists the rest");
    CHECK(report.share() >= 0.70);
}
