#pragma once
// Weighted word renderings between Chinese, Russian and English, derived from the general
// dictionaries: the dictionary bridge of matching and search.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "general_dictionary.h"
#include "language.h"
#include "text_analyzer.h"

namespace techbridge {

/// How the lexicon weighs and keeps renderings: corpus/search.json, section "dictionary_bridge".
struct LexiconSettings {
    double sense_rank_decay = 0.5;      // a CC-CEDICT sense at rank i counts 1 / (1 + decay·i)
    double rendering_rank_decay = 0.5;  // a Mueller rendering at rank i of its part of speech, likewise
    double part_of_speech_mismatch = 0.3;  // a verb sense rendered by a noun, or the reverse
    double technical_field = 3.0;       // a rendering labelled _тех., _хим., ...
    double off_topic_field = 0.3;       // a rendering labelled _ист., _разг., _воен., ...
    double single_path_confidence = 0.5;  // a word whose Russian renderings all rest on one English path
    double min_share = 0.25;            // a rendering needs this share of the word's best rendering's weight
    int max_renderings = 4;             // renderings kept per word and target language

    /// Reads the "dictionary_bridge" section; throws DataError naming the field at fault.
    static LexiconSettings parse(std::string_view path, std::string_view json);
    /// From the built-in corpus/search.json.
    static const LexiconSettings& builtin();
};

/// One rendering of a word in another language.
struct WeightedRendering {
    std::string text;    // a word or a short phrase, normalised
    double weight = 0;   // how likely it renders the word, 0-1 (the best of a word need not be 1)
    int paths = 1;       // independent English senses leading to it (zh↔ru), 1 for a direct dictionary
};

/// A word's renderings in one target language, best first, and how far to trust them.
struct LanguageRenderings {
    Language lang = Language::en;
    std::vector<WeightedRendering> renderings;
    /// 1 when a direct dictionary or two independent English paths support them;
    /// LexiconSettings::single_path_confidence when all rest on a single English sense.
    double confidence = 1;
};

/// A direct Chinese↔Russian lexicon derived from CC-CEDICT and Mueller when it is built
/// (at first use, about a second): Chinese → English senses → Russian renderings, each
/// path weighted by the sense's share among the Chinese word's senses and the rendering's
/// share in the English entry (rank, part of speech agreeing with the sense, field label).
/// Inverse consultation (Tanaka and Umemura): a Russian rendering's own English glosses,
/// from Mueller reversed, are compared with the Chinese word's senses; when some rendering
/// is reached back through two or more of them, those reached back through only one are
/// dropped (开采 "to extract; to mine" keeps добывать, loses мина). Russian → Chinese is the
/// same lexicon read the other way. English ↔ the others come from one dictionary each.
class BilingualLexicon {
public:
    BilingualLexicon(const GeneralDictionary& dictionary, const LexiconSettings& settings);

    /// A word's renderings in the other two languages (`script` says which language it is in).
    std::vector<LanguageRenderings> render(const std::string& term, TokenScript script) const;

    /// Russian renderings of a Chinese word, best first, with the confidence of the set.
    const LanguageRenderings& russian_for_chinese(const std::string& word) const;
    /// Chinese renderings of a Russian word (any inflected form).
    const LanguageRenderings& chinese_for_russian(const std::string& word) const;

    std::size_t chinese_words() const { return zh_ru_.size(); }           // with a Russian rendering
    std::size_t chinese_russian_pairs() const { return pairs_; }
    std::size_t russian_keys() const { return ru_zh_.size(); }            // Russian stems with a Chinese rendering
    double build_seconds() const { return build_seconds_; }

private:
    void derive(const GeneralDictionary& dictionary);
    void invert();
    LanguageRenderings english_of_chinese(const std::string& word) const;
    LanguageRenderings english_of_russian(const std::string& word) const;
    LanguageRenderings russian_of_english(const std::string& word) const;
    LanguageRenderings chinese_of_english(const std::string& word) const;

    const GeneralDictionary& dictionary_;
    LexiconSettings settings_;
    std::unordered_map<std::string, LanguageRenderings> zh_ru_;
    std::unordered_map<std::string, LanguageRenderings> ru_zh_;  // keyed by Russian stem
    std::size_t pairs_ = 0;
    double build_seconds_ = 0;
};

}  // namespace techbridge
