#include "dictionaries.h"

namespace techbridge {

Dictionaries::Dictionaries(GeneralDictionary::Sources sources, LexiconSettings settings)
    : sources_(std::move(sources)), settings_(settings) {}

Dictionaries::~Dictionaries() = default;

const Dictionaries& Dictionaries::installed() {
    static const Dictionaries dictionaries(GeneralDictionary::default_sources(), LexiconSettings::builtin());
    return dictionaries;
}

const GeneralDictionary& Dictionaries::general() const {
    std::call_once(general_loaded_, [this] { general_ = std::make_unique<const GeneralDictionary>(sources_); });
    return *general_;
}

const BilingualLexicon& Dictionaries::lexicon() const {
    std::call_once(lexicon_derived_, [this] { lexicon_ = std::make_unique<const BilingualLexicon>(general(), settings_); });
    return *lexicon_;
}

}  // namespace techbridge
