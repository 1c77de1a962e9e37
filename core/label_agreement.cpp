#include "label_agreement.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "ascii_text.h"
#include "language.h"

namespace techbridge {
namespace {

const std::unordered_set<std::string> english_function_words{"a",  "an", "the", "of", "and", "or", "to", "for",
                                                             "in", "on", "at", "by", "with", "from", "as", "into"};
const std::unordered_set<std::string> russian_function_words{"и", "в", "во", "на", "с", "со", "для", "по", "из",
                                                             "от", "к", "о", "об", "при", "или", "под", "над"};

// Words of a label or gloss: split at spaces, hyphens, slashes, commas and brackets.
std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        if (c == ' ' || c == '-' || c == '/' || c == ',' || c == '(' || c == ')' || c == ';' || c == '.') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

std::set<std::string> english_keys(const std::vector<std::string>& texts) {
    std::set<std::string> keys;
    for (const auto& text : texts)
        for (const auto& word : words_of(lower_ascii(text)))
            if (!english_function_words.contains(word)) keys.insert(GeneralDictionary::english_key(word));
    return keys;
}

std::set<std::string> russian_keys(const std::vector<std::string>& texts) {
    std::set<std::string> keys;
    for (const auto& text : texts)
        for (const auto& word : words_of(text))
            if (!russian_function_words.contains(word)) keys.insert(GeneralDictionary::russian_key(word));
    return keys;
}

bool overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    return std::any_of(a.begin(), a.end(), [&](const std::string& key) { return !key.empty() && b.contains(key); });
}

void judge_chinese(ConceptAgreement& judged, const GeneralDictionary& dictionary) {
    for (const auto& label : judged.subject->labels.of(Language::zh))
        for (const auto& gloss : dictionary.english_for_chinese(label)) judged.glosses.push_back(gloss);
    judged.chinese_known = !judged.glosses.empty();
    judged.chinese_agrees =
        judged.chinese_known && overlap(english_keys(judged.glosses), english_keys(judged.subject->labels.of(Language::en)));
}

void judge_russian(ConceptAgreement& judged, const GeneralDictionary& dictionary) {
    std::set<std::string> asked;
    for (const auto& label : judged.subject->labels.of(Language::en)) {
        std::vector<std::string> forms{lower_ascii(label)};
        for (const auto& word : words_of(lower_ascii(label)))
            if (!english_function_words.contains(word)) forms.push_back(word);
        for (const auto& form : forms)
            if (asked.insert(form).second)
                for (auto& rendering : dictionary.russian_for_english(form)) judged.renderings.push_back(std::move(rendering));
    }
    judged.russian_known = !judged.renderings.empty();
    judged.russian_agrees = judged.russian_known &&
                            overlap(russian_keys(judged.renderings), russian_keys(judged.subject->labels.of(Language::ru)));
}

}  // namespace

std::size_t LabelAgreementReport::agreeing() const {
    return static_cast<std::size_t>(
        std::count_if(judged.begin(), judged.end(), [](const ConceptAgreement& each) { return each.agrees(); }));
}

double LabelAgreementReport::share() const {
    return judged.empty() ? 0 : static_cast<double>(agreeing()) / static_cast<double>(judged.size());
}

LabelAgreementReport check_label_agreement(const std::vector<Concept>& concepts, const GeneralDictionary& dictionary) {
    LabelAgreementReport report;
    report.concepts = concepts.size();
    for (const auto& each_concept : concepts) {
        ConceptAgreement judged;
        judged.subject = &each_concept;
        judge_chinese(judged, dictionary);
        judge_russian(judged, dictionary);
        if (judged.judged()) report.judged.push_back(std::move(judged));
    }
    return report;
}

}  // namespace techbridge
