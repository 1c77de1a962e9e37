#include "general_dictionary.h"
#include "ascii_text.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "text_normalizer.h"

#ifndef TECHBRIDGE_CEDICT_DEFAULT
#define TECHBRIDGE_CEDICT_DEFAULT ""
#endif

namespace techbridge {
namespace {

constexpr std::size_t max_renderings = 6;
constexpr std::size_t max_words_in_rendering = 3;

constexpr std::size_t max_reversed_renderings = 12;  // Chinese words of one English sense

void add(std::unordered_map<std::string, std::vector<std::string>>& table, const std::string& key,
         const std::string& value, std::size_t limit = max_renderings) {
    auto& values = table[key];
    if (values.size() < limit && std::find(values.begin(), values.end(), value) == values.end())
        values.push_back(value);
}

std::size_t word_count(std::string_view text) {
    std::size_t words = 0;
    bool in_word = false;
    for (char c : text) {
        const bool space = c == ' ';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    return words;
}

// Removes every "(...)" and "[...]" part, which hold grammar notes, transcriptions and glosses.
std::string without_brackets(std::string_view text) {
    std::string out;
    int depth = 0;
    for (char c : text) {
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (depth == 0) out += c;
    }
    return out;
}

// A CC-CEDICT sense reduced to a short English rendering, or "" when it is a note
// ("variant of ...", "surname ...", "CL:...") or longer than a few words.
bool is_plain_english(std::string_view text) {
    return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
           std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == ' ' || c == '-' || c == '\''; });
}

std::string clean_sense(std::string_view sense) {
    std::string text(trim(without_brackets(sense)));
    for (const char* note : {"variant of", "surname", "CL:", "abbr.", "see ", "used in", "old ", "Taiwan pr."})
        if (text.find(note) != std::string::npos) return {};
    if (text.starts_with("to ")) text.erase(0, 3);
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (word_count(text) > max_words_in_rendering || !is_plain_english(text)) return {};
    return text;
}

std::int64_t decode_base64_number(std::string_view text) {
    static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::int64_t value = 0;
    for (char c : text) {
        const auto digit = alphabet.find(c);
        if (digit == std::string::npos) return -1;
        value = value * 64 + static_cast<std::int64_t>(digit);
    }
    return value;
}

bool read_gzip(const std::filesystem::path& file, std::string& out) {
    gzFile input = gzopen(file.c_str(), "rb");
    if (!input) return false;
    char buffer[1 << 16];
    int n;
    while ((n = gzread(input, buffer, sizeof buffer)) > 0) out.append(buffer, static_cast<std::size_t>(n));
    const bool ok = n == 0;
    gzclose(input);
    return ok;
}

std::string english_stem(const std::string& word) {
    // Xapian stemmers keep state while stemming: one per thread, as lookups run on many.
    thread_local const Xapian::Stem stemmer("english");
    return stemmer(word);
}

bool has_latin(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

constexpr std::size_t max_senses_per_headword = 24;
constexpr std::size_t max_reverse_glosses = 24;

// Mueller's grammar labels: the part of speech of the renderings after them; 'x' marks
// function words (pronouns, prepositions, ...), whose renderings bridge nothing technical.
char part_of_speech_label(std::string_view word) {
    if (word == "_n.") return 'n';
    if (word == "_v.") return 'v';
    if (word == "_a.") return 'a';
    if (word == "_adv.") return 'd';
    for (std::string_view function : {"_pron.", "_prep.", "_conj.", "_int.", "_part.", "_num."})
        if (word == function) return 'x';
    return 0;
}

// Mueller's field labels, as far as they tell a technical sense from an off-topic one.
signed char field_label(std::string_view word) {
    for (std::string_view technical : {"_тех.", "_хим.", "_горн.", "_эл.", "_физ.", "_геол.", "_метал.", "_с.-х.", "_стр.",
                                       "_радио", "_мин.", "_ав.", "_мор.", "_ж.-д.", "_текст.", "_мед.", "_биол.",
                                       "_бот.", "_полигр.", "_опт.", "_эк.", "_авт.", "_геогр.", "_метео"})
        if (word == technical) return 1;
    for (std::string_view off_topic : {"_ист.", "_поэт.", "_разг.", "_уст.", "_шутл.", "_жарг.", "_карт.", "_церк.",
                                       "_театр.", "_библ.", "_груб.", "_бран.", "_презр.", "_ирон.", "_школ.", "_диал.",
                                       "_миф.", "_шотл.", "_редк.", "_перен.", "_воен.", "_вульг.", "_сл.", "_пренебр.",
                                       "_книжн.", "_ритор.", "_фам.", "_арх.", "_спорт.", "_муз.", "_рел."})
        if (word == off_topic) return -1;
    return 0;
}

// The Russian renderings in a Mueller entry: the phrases of its sense lines, without
// transcriptions, grammar and field labels (_n., _тех.), numbering and examples, each with
// its part of speech, rank and field. Brackets are removed over the whole entry first:
// a note in brackets may run over a line break.
std::vector<GeneralDictionary::RussianSense> russian_renderings(std::string_view entry) {
    std::vector<GeneralDictionary::RussianSense> out;
    const auto first_break = entry.find('\n');
    if (first_break == std::string_view::npos) return out;
    std::istringstream lines{without_brackets(entry.substr(first_break + 1))};
    std::string line;
    char part = '?';
    std::map<char, std::uint8_t> ranks;
    while (std::getline(lines, line) && out.size() < max_senses_per_headword) {
        std::string kept;
        signed char field = 0;
        std::istringstream words(line);
        std::string word;
        auto flush = [&] {
            bool added = false;
            std::size_t begin = 0;
            while (begin <= kept.size() && out.size() < max_senses_per_headword) {
                std::size_t end = kept.find_first_of(",;", begin);
                if (end == std::string::npos) end = kept.size();
                const std::string piece(trim(std::string_view(kept).substr(begin, end - begin)));
                begin = end + 1;
                if (piece.size() < 4 || has_latin(piece) || word_count(piece) > max_words_in_rendering) continue;
                if (piece.find_first_of("0123456789=~*()") != std::string::npos || part == 'x') continue;
                const bool seen = std::any_of(out.begin(), out.end(), [&](const auto& sense) { return sense.text == piece; });
                if (!seen) out.push_back({piece, part, ranks[part], field});
                added = true;
            }
            // Synonyms of one numbered sense share its rank.
            if (added) ++ranks[part];
            kept.clear();
        };
        while (words >> word) {
            if (word.front() == '_') {
                if (const char label = part_of_speech_label(word)) {
                    flush();
                    part = label;
                } else if (word == "_I" || word == "_II" || word == "_III" || word == "_IV") {
                    flush();
                    part = '?';
                    ranks.clear();  // a homonym ranks its senses anew
                } else if (const signed char label_field = field_label(word)) {
                    field = label_field;
                }
                continue;
            }
            if (std::all_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ')'; }))
                continue;  // 1. 2)
            kept += (kept.empty() ? "" : " ") + word;
        }
        flush();
    }
    return out;
}

}  // namespace

GeneralDictionary::Sources GeneralDictionary::default_sources() {
    Sources sources;
    const char* cedict = std::getenv("TECHBRIDGE_CEDICT");
    sources.cedict = cedict ? cedict : TECHBRIDGE_CEDICT_DEFAULT;
    const char* mueller = std::getenv("TECHBRIDGE_MUELLER_DIR");
    const std::filesystem::path dir = mueller ? mueller : "/usr/share/dictd";
    sources.mueller_index = dir / "mueller7.index";
    sources.mueller_dict = dir / "mueller7.dict.dz";
    return sources;
}

GeneralDictionary::GeneralDictionary(const Sources& sources) {
    load_cedict(sources.cedict);
    load_mueller(sources.mueller_index, sources.mueller_dict);
}

void GeneralDictionary::load_cedict(const std::filesystem::path& file) {
    std::ifstream input(file, std::ios::binary);
    if (file.empty() || !input) {
        cedict_problem_ = "CC-CEDICT not found at " + file.string();
        return;
    }
    std::ostringstream content;
    content << input.rdbuf();
    const std::string text = content.str();
    const auto start = text.find('{');
    const auto end = text.rfind('}');
    nlohmann::json data;
    try {
        if (start == std::string::npos || end == std::string::npos) throw std::runtime_error("no JSON object");
        data = nlohmann::json::parse(text.begin() + static_cast<std::ptrdiff_t>(start),
                                     text.begin() + static_cast<std::ptrdiff_t>(end) + 1);
    } catch (const std::exception& error) {
        cedict_problem_ = "CC-CEDICT at " + file.string() + " is unreadable: " + error.what();
        return;
    }
    for (const auto& entry : data.value("all", nlohmann::json::array())) {
        if (!entry.is_array() || entry.size() < 4 || !entry[1].is_string()) continue;
        const std::string& simplified = entry[1].get_ref<const std::string&>();
        std::vector<std::string> senses;
        if (entry[3].is_string()) senses.push_back(entry[3].get<std::string>());
        else if (entry[3].is_array())
            for (const auto& sense : entry[3])
                if (sense.is_string()) senses.push_back(sense.get<std::string>());
        for (const auto& sense : senses) {
            const std::string rendering = clean_sense(sense);
            if (rendering.empty()) continue;
            add(chinese_english_, simplified, rendering);
            if (trim(without_brackets(sense)).starts_with("to ")) add(chinese_verbs_, simplified, rendering);
            if (word_count(rendering) == 1) {
                add(english_chinese_, rendering, simplified, max_reversed_renderings);
                add(english_by_stem_, english_stem(rendering), rendering);
            }
        }
    }
    if (chinese_english_.empty()) cedict_problem_ = "CC-CEDICT at " + file.string() + " has no usable entries";
}

void GeneralDictionary::load_mueller(const std::filesystem::path& index, const std::filesystem::path& dict) {
    std::ifstream headwords(index);
    std::string text;
    if (!headwords) {
        mueller_problem_ = "the Mueller English-Russian dictionary index not found at " + index.string();
        return;
    }
    if (!std::filesystem::exists(dict)) {
        mueller_problem_ = "the Mueller English-Russian dictionary not found at " + dict.string();
        return;
    }
    if (!read_gzip(dict, text)) {
        mueller_problem_ = "the Mueller dictionary at " + dict.string() + " is unreadable (not a gzip/dictzip file)";
        return;
    }
    TextNormalizer normalizer;
    std::string line;
    while (std::getline(headwords, line)) {
        const auto first_tab = line.find('\t');
        const auto second_tab = line.find('\t', first_tab + 1);
        if (first_tab == std::string::npos || second_tab == std::string::npos) continue;
        const std::string headword = line.substr(0, first_tab);
        if (!is_plain_english(headword) || headword.find_first_of(" '") != std::string::npos) continue;
        const auto offset = decode_base64_number(std::string_view(line).substr(first_tab + 1, second_tab - first_tab - 1));
        const auto length = decode_base64_number(std::string_view(line).substr(second_tab + 1));
        if (offset < 0 || length <= 0 || static_cast<std::size_t>(offset + length) > text.size()) continue;
        for (auto sense : russian_renderings(std::string_view(text).substr(offset, length))) {
            sense.text = normalizer.normalize_to_utf8(sense.text);
            add(english_russian_, headword, sense.text);
            auto& reverse = russian_english_[russian_key(sense.text)];
            if (reverse.size() < max_reverse_glosses && std::find(reverse.begin(), reverse.end(), headword) == reverse.end())
                reverse.push_back(headword);
            russian_senses_[headword].push_back(std::move(sense));
        }
        if (english_russian_.contains(headword)) add(english_by_stem_, english_stem(headword), headword);
    }
    if (english_russian_.empty())
        mueller_problem_ = "the Mueller dictionary at " + index.string() + " and " + dict.string() + " has no usable entries";
}

std::string GeneralDictionary::status() const {
    std::string out;
    out += has_chinese_english() ? "CC-CEDICT: " + std::to_string(chinese_entries()) + " Chinese words"
                                 : cedict_problem_;
    out += "; ";
    out += has_english_russian() ? "Mueller: " + std::to_string(english_headwords()) + " English headwords"
                                 : mueller_problem_;
    if (!has_chinese_english() || !has_english_russian())
        out += " — general vocabulary is bridged by the thesaurus only; scripts/install-deps installs the dictionaries";
    return out;
}

namespace {
const std::vector<std::string>& lookup(const std::unordered_map<std::string, std::vector<std::string>>& table,
                                       const std::string& key) {
    static const std::vector<std::string> none;
    const auto it = table.find(key);
    return it == table.end() ? none : it->second;
}
}  // namespace

const std::vector<std::string>& GeneralDictionary::english_for_chinese(const std::string& word) const {
    return lookup(chinese_english_, word);
}
std::vector<std::string> GeneralDictionary::english_forms(const std::string& word) const {
    std::vector<std::string> forms{word};
    for (const auto& form : lookup(english_by_stem_, english_stem(word)))
        if (form != word) forms.push_back(form);
    return forms;
}

std::vector<std::string> GeneralDictionary::russian_for_english(const std::string& word) const {
    for (const auto& form : english_forms(word))
        if (const auto& found = lookup(english_russian_, form); !found.empty()) return found;
    return {};
}

std::vector<std::string> GeneralDictionary::chinese_for_english(const std::string& word) const {
    for (const auto& form : english_forms(word))
        if (const auto& found = lookup(english_chinese_, form); !found.empty()) return found;
    return {};
}

const std::vector<std::string>& GeneralDictionary::english_for_russian(const std::string& word) const {
    return lookup(russian_english_, russian_key(word));
}

const std::vector<std::string>& GeneralDictionary::english_for_russian_key(const std::string& key) const {
    return lookup(russian_english_, key);
}

std::string GeneralDictionary::russian_key(const std::string& text) {
    thread_local const Xapian::Stem russian_stem("russian");
    std::string key;
    std::size_t begin = 0;
    while (begin < text.size()) {
        std::size_t end = text.find(' ', begin);
        if (end == std::string::npos) end = text.size();
        if (end > begin) key += (key.empty() ? "" : " ") + russian_stem(text.substr(begin, end - begin));
        begin = end + 1;
    }
    return key;
}

std::string GeneralDictionary::english_key(const std::string& word) { return english_stem(word); }

const std::vector<GeneralDictionary::RussianSense>& GeneralDictionary::russian_senses(const std::string& word) const {
    static const std::vector<RussianSense> none;
    if (const auto it = russian_senses_.find(word); it != russian_senses_.end()) return it->second;
    for (const auto& form : english_forms(word))
        if (const auto it = russian_senses_.find(form); it != russian_senses_.end()) return it->second;
    return none;
}

bool GeneralDictionary::is_verb_sense(const std::string& chinese, const std::string& english) const {
    const auto& verbs = lookup(chinese_verbs_, chinese);
    return std::find(verbs.begin(), verbs.end(), english) != verbs.end();
}

std::vector<std::string> GeneralDictionary::chinese_words() const {
    std::vector<std::string> out;
    out.reserve(chinese_english_.size());
    for (const auto& [word, senses] : chinese_english_) out.push_back(word);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace techbridge
