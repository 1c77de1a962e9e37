#pragma once
// Whether a concept's labels in the three languages say the same thing, by the dictionaries.
#include <string>
#include <vector>

#include "general_dictionary.h"
#include "thesaurus.h"

namespace techbridge {

/// What the general dictionaries say of one concept's labels. A language pair is judged only
/// where the dictionary knows the label: CC-CEDICT a Chinese label (zh–en), Mueller a word of
/// an English label (en–ru).
struct ConceptAgreement {
    const Concept* subject = nullptr;  // the concept judged
    bool chinese_known = false;   // CC-CEDICT has a Chinese label
    bool chinese_agrees = false;  // one of its English glosses shares a content word with an English label
    bool russian_known = false;   // Mueller has an English label or one of its content words
    bool russian_agrees = false;  // one of those renderings shares a word stem with a Russian label
    std::vector<std::string> glosses;     // the Chinese labels' CC-CEDICT glosses, for review
    std::vector<std::string> renderings;  // the English labels' Mueller renderings, for review

    bool judged() const { return chinese_known || russian_known; }
    /// Every judged pair agrees.
    bool agrees() const { return (!chinese_known || chinese_agrees) && (!russian_known || russian_agrees); }
};

struct LabelAgreementReport {
    std::size_t concepts = 0;
    std::vector<ConceptAgreement> judged;  // the concepts the dictionaries know, in thesaurus order
    std::size_t agreeing() const;
    /// Share of judged concepts whose labels agree (0 when none is judged).
    double share() const;
};

/// Compares every concept's labels with the dictionaries: a Chinese label's glosses against the
/// English labels, the English labels' renderings against the Russian labels. The disagreeing
/// concepts are the ones to review: a wrong equivalent makes false matches across languages.
LabelAgreementReport check_label_agreement(const std::vector<Concept>& concepts, const GeneralDictionary& dictionary);

}  // namespace techbridge
