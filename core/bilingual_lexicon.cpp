#include "bilingual_lexicon.h"

#include <algorithm>
#include <chrono>

#include "embedded_file.h"
#include "knowledge_base.h"
#include "settings_reader.h"

namespace techbridge {

LexiconSettings LexiconSettings::parse(std::string_view path, std::string_view json) {
    LexiconSettings settings;
    const SettingsReader read(path, json);
    const std::string section = "dictionary_bridge";
    read(section, "sense_rank_decay", settings.sense_rank_decay);
    read(section, "rendering_rank_decay", settings.rendering_rank_decay);
    read(section, "part_of_speech_mismatch", settings.part_of_speech_mismatch);
    read(section, "technical_field", settings.technical_field);
    read(section, "off_topic_field", settings.off_topic_field);
    read(section, "single_path_confidence", settings.single_path_confidence);
    read(section, "min_share", settings.min_share);
    read(section, "max_renderings", settings.max_renderings);
    return settings;
}

const LexiconSettings& LexiconSettings::builtin() {
    static const LexiconSettings settings =
        parse("corpus/search.json", embedded_content(knowledge_data_files(), "corpus/search.json"));
    return settings;
}

namespace {

// Strings as small numbers, so that deriving the lexicon compares integers.
class Interner {
public:
    int id(const std::string& text) {
        const auto [it, added] = ids_.try_emplace(text, static_cast<int>(texts_.size()));
        if (added) texts_.push_back(text);
        return it->second;
    }
    const std::string& text(int id) const { return texts_[static_cast<std::size_t>(id)]; }

private:
    std::unordered_map<std::string, int> ids_;
    std::vector<std::string> texts_;
};

struct Candidate {
    int text = 0;
    int key = 0;  // russian_key of the text
    double weight = 0;
    std::vector<int> pivots;  // English keys of the senses that lead to it
    int paths = 0;
};

void add_unique(std::vector<int>& list, int value) {
    if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

double rank_share(int rank, double decay) { return 1.0 / (1.0 + decay * rank); }

// Keeps the renderings inverse consultation supports, best first, within the settings' limits.
LanguageRenderings select(std::vector<Candidate>& candidates, const Interner& texts, const LexiconSettings& settings) {
    LanguageRenderings out;
    out.lang = Language::ru;
    int most_paths = 0;
    for (const auto& candidate : candidates) most_paths = std::max(most_paths, candidate.paths);
    if (most_paths >= 2)
        std::erase_if(candidates, [](const Candidate& candidate) { return candidate.paths < 2; });
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.weight > b.weight; });
    for (const auto& candidate : candidates) {
        if (out.renderings.size() >= static_cast<std::size_t>(settings.max_renderings)) break;
        if (candidate.weight < settings.min_share * candidates.front().weight) break;
        out.renderings.push_back({texts.text(candidate.text), std::min(1.0, candidate.weight), candidate.paths});
    }
    out.confidence = most_paths >= 2 ? 1.0 : settings.single_path_confidence;
    return out;
}

}  // namespace

BilingualLexicon::BilingualLexicon(const GeneralDictionary& dictionary, const LexiconSettings& settings)
    : dictionary_(dictionary), settings_(settings) {
    const auto start = std::chrono::steady_clock::now();
    derive(dictionary);
    invert();
    build_seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void BilingualLexicon::derive(const GeneralDictionary& dictionary) {
    if (!dictionary.has_chinese_english() || !dictionary.has_english_russian()) return;
    Interner texts;         // Russian renderings and their keys
    Interner english_keys;  // English stems
    std::unordered_map<std::string, int> english_key_of;
    auto english_key = [&](const std::string& word) {
        if (const auto it = english_key_of.find(word); it != english_key_of.end()) return it->second;
        return english_key_of[word] = english_keys.id(GeneralDictionary::english_key(word));
    };
    std::unordered_map<int, int> key_of_text;
    std::unordered_map<int, std::vector<int>> glosses_of_key;  // Mueller reversed, as English keys
    auto glosses = [&](int key) -> const std::vector<int>& {
        if (const auto it = glosses_of_key.find(key); it != glosses_of_key.end()) return it->second;
        std::vector<int> found;
        for (const auto& headword : dictionary.english_for_russian_key(texts.text(key))) add_unique(found, english_key(headword));
        return glosses_of_key[key] = std::move(found);
    };
    for (const std::string& chinese : dictionary.chinese_words()) {
        const auto& senses = dictionary.english_for_chinese(chinese);
        double total_share = 0;
        for (std::size_t i = 0; i < senses.size(); ++i) total_share += rank_share(static_cast<int>(i), settings_.sense_rank_decay);
        std::vector<int> sense_keys;
        std::vector<Candidate> candidates;
        for (std::size_t i = 0; i < senses.size(); ++i) {
            const std::string& english = senses[i];
            if (english.find(' ') != std::string::npos) continue;  // Mueller's headwords are single words
            sense_keys.push_back(english_key(english));
            const auto& entry = dictionary.russian_senses(english);
            if (entry.empty()) continue;
            const bool verb = dictionary.is_verb_sense(chinese, english);
            std::vector<double> shares;
            double entry_total = 0;
            for (const auto& sense : entry) {
                double share = rank_share(sense.rank, settings_.rendering_rank_decay);
                if ((sense.part_of_speech == 'v') != verb && sense.part_of_speech != '?') share *= settings_.part_of_speech_mismatch;
                if (sense.field > 0) share *= settings_.technical_field;
                if (sense.field < 0) share *= settings_.off_topic_field;
                shares.push_back(share);
                entry_total += share;
            }
            const double sense_share = rank_share(static_cast<int>(i), settings_.sense_rank_decay) / total_share;
            for (std::size_t r = 0; r < entry.size(); ++r) {
                const int text = texts.id(entry[r].text);
                auto it = std::find_if(candidates.begin(), candidates.end(), [&](const Candidate& c) { return c.text == text; });
                if (it == candidates.end()) {
                    auto key = key_of_text.find(text);
                    if (key == key_of_text.end())
                        key = key_of_text.emplace(text, texts.id(GeneralDictionary::russian_key(entry[r].text))).first;
                    candidates.push_back({text, key->second, 0, {}, 0});
                    it = std::prev(candidates.end());
                }
                it->weight += sense_share * shares[r] / entry_total;
                add_unique(it->pivots, sense_keys.back());
            }
        }
        if (candidates.empty()) continue;
        // Inverse consultation: how many of the Chinese word's senses the rendering's own
        // English glosses lead back to (at least the senses it was reached from).
        for (auto& candidate : candidates) {
            std::vector<int> back = candidate.pivots;
            for (const int gloss : glosses(candidate.key))
                if (std::find(sense_keys.begin(), sense_keys.end(), gloss) != sense_keys.end()) add_unique(back, gloss);
            candidate.paths = static_cast<int>(back.size());
        }
        LanguageRenderings kept = select(candidates, texts, settings_);
        if (kept.renderings.empty()) continue;
        pairs_ += kept.renderings.size();
        zh_ru_.emplace(chinese, std::move(kept));
    }
}

void BilingualLexicon::invert() {
    // Russian → Chinese: the same pairs, keyed by the stem of one-word renderings.
    for (const auto& [chinese, russian] : zh_ru_) {
        for (const auto& rendering : russian.renderings) {
            if (rendering.text.find(' ') != std::string::npos) continue;
            auto& entry = ru_zh_[GeneralDictionary::russian_key(rendering.text)];
            entry.lang = Language::zh;
            entry.renderings.push_back({chinese, rendering.weight, rendering.paths});
        }
    }
    for (auto& [key, entry] : ru_zh_) {
        auto& list = entry.renderings;
        const bool any_two_paths = std::any_of(list.begin(), list.end(), [](const auto& r) { return r.paths >= 2; });
        if (any_two_paths) std::erase_if(list, [](const auto& r) { return r.paths < 2; });
        std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
            return a.weight != b.weight ? a.weight > b.weight : a.text < b.text;
        });
        const double best = list.front().weight;
        std::erase_if(list, [&](const auto& r) { return r.weight < settings_.min_share * best; });
        if (list.size() > static_cast<std::size_t>(settings_.max_renderings)) list.resize(static_cast<std::size_t>(settings_.max_renderings));
        entry.confidence = any_two_paths ? 1.0 : settings_.single_path_confidence;
    }
}

const LanguageRenderings& BilingualLexicon::russian_for_chinese(const std::string& word) const {
    static const LanguageRenderings none{Language::ru, {}, 0};
    const auto it = zh_ru_.find(word);
    return it == zh_ru_.end() ? none : it->second;
}

const LanguageRenderings& BilingualLexicon::chinese_for_russian(const std::string& word) const {
    static const LanguageRenderings none{Language::zh, {}, 0};
    const auto it = ru_zh_.find(GeneralDictionary::russian_key(word));
    return it == ru_zh_.end() ? none : it->second;
}

namespace {
// Renderings from one dictionary, weighted by their rank in it.
LanguageRenderings ranked(Language lang, const std::vector<std::string>& found, const LexiconSettings& settings) {
    LanguageRenderings out;
    out.lang = lang;
    for (std::size_t i = 0; i < found.size() && out.renderings.size() < static_cast<std::size_t>(settings.max_renderings); ++i) {
        const double weight = rank_share(static_cast<int>(i), settings.sense_rank_decay);
        if (weight < settings.min_share) break;
        out.renderings.push_back({found[i], weight, 1});
    }
    return out;
}
}  // namespace

LanguageRenderings BilingualLexicon::english_of_chinese(const std::string& word) const {
    return ranked(Language::en, dictionary_.english_for_chinese(word), settings_);
}

LanguageRenderings BilingualLexicon::russian_of_english(const std::string& word) const {
    return ranked(Language::ru, dictionary_.russian_for_english(word), settings_);
}

namespace {
// Renderings found in a reversed dictionary, weighted by their rank in the entry they come
// from (a Russian word that is an entry's first rendering renders its headword best).
LanguageRenderings by_share(Language lang, std::vector<std::pair<std::string, double>> found, const LexiconSettings& settings) {
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    LanguageRenderings out;
    out.lang = lang;
    for (const auto& [text, weight] : found) {
        if (out.renderings.size() >= static_cast<std::size_t>(settings.max_renderings)) break;
        if (weight < settings.min_share * found.front().second) break;
        out.renderings.push_back({text, weight, 1});
    }
    return out;
}
}  // namespace

LanguageRenderings BilingualLexicon::english_of_russian(const std::string& word) const {
    const std::string key = GeneralDictionary::russian_key(word);
    std::vector<std::pair<std::string, double>> found;
    for (const auto& headword : dictionary_.english_for_russian(word)) {
        double best = 0;
        for (const auto& sense : dictionary_.russian_senses(headword)) {
            if (GeneralDictionary::russian_key(sense.text) != key) continue;
            double share = rank_share(sense.rank, settings_.rendering_rank_decay);
            if (sense.field > 0) share *= settings_.technical_field;
            if (sense.field < 0) share *= settings_.off_topic_field;
            best = std::max(best, share);
        }
        if (best > 0) found.emplace_back(headword, best);
    }
    return by_share(Language::en, std::move(found), settings_);
}

LanguageRenderings BilingualLexicon::chinese_of_english(const std::string& word) const {
    std::vector<std::pair<std::string, double>> found;
    for (const auto& chinese : dictionary_.chinese_for_english(word)) {
        const auto& senses = dictionary_.english_for_chinese(chinese);
        const auto at = std::find(senses.begin(), senses.end(), word);
        const int rank = at == senses.end() ? static_cast<int>(senses.size()) : static_cast<int>(at - senses.begin());
        found.emplace_back(chinese, rank_share(rank, settings_.sense_rank_decay));
    }
    return by_share(Language::zh, std::move(found), settings_);
}

std::vector<LanguageRenderings> BilingualLexicon::render(const std::string& term, TokenScript script) const {
    std::vector<LanguageRenderings> out;
    switch (script) {
        case TokenScript::han:
            out = {russian_for_chinese(term), english_of_chinese(term)};
            break;
        case TokenScript::cyrillic:
            out = {chinese_for_russian(term), english_of_russian(term)};
            break;
        case TokenScript::latin:
            out = {russian_of_english(term), chinese_of_english(term)};
            break;
        default:
            break;
    }
    std::erase_if(out, [](const LanguageRenderings& entry) { return entry.renderings.empty(); });
    return out;
}

}  // namespace techbridge
