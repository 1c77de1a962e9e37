#pragma once
// The general dictionaries and the zh↔ru lexicon derived from them, as one handle the
// program builds once and passes down.
#include <memory>
#include <mutex>

#include "bilingual_lexicon.h"
#include "general_dictionary.h"

namespace techbridge {

/// Loads CC-CEDICT and Mueller, and derives the weighted lexicon, when first asked for:
/// together they take 2–3 s, which a command that never renders a word should not pay.
/// Safe to share between threads. A test builds one with sources of its own, or with
/// none (every lookup then finds nothing and status() says what is missing).
class Dictionaries {
public:
    Dictionaries(GeneralDictionary::Sources sources, LexiconSettings settings);
    Dictionaries(const Dictionaries&) = delete;
    Dictionaries& operator=(const Dictionaries&) = delete;
    ~Dictionaries();

    /// The installed dictionaries (GeneralDictionary::default_sources()) with the lexicon
    /// settings of the built-in corpus/search.json: what the program passes down.
    static const Dictionaries& installed();

    const GeneralDictionary& general() const;
    const BilingualLexicon& lexicon() const;

private:
    GeneralDictionary::Sources sources_;
    LexiconSettings settings_;
    mutable std::once_flag general_loaded_;
    mutable std::once_flag lexicon_derived_;
    mutable std::unique_ptr<const GeneralDictionary> general_;
    mutable std::unique_ptr<const BilingualLexicon> lexicon_;
};

}  // namespace techbridge
