#include "label_index.h"

#include <algorithm>
#include <unordered_set>

#include <unicode/utf8.h>

#include "embedded_file.h"

namespace techbridge {
namespace {

std::unordered_set<std::string> load_endings(std::string_view path) {
    std::unordered_set<std::string> endings{""};
    for (const auto ending : embedded_lines(analysis_data_files(), path)) endings.emplace(ending);
    return endings;
}

// Bytes of the longest common prefix of `a` and `b` that ends on a code point boundary.
std::size_t common_prefix(const std::string& a, const std::string& b) {
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    while (n > 0 && n < a.size() && U8_IS_TRAIL(static_cast<uint8_t>(a[n]))) --n;
    return n;
}

std::string inflection_key(const Token& token) {
    static const std::unordered_set<std::string> russian = load_endings("corpus/analysis/inflections-ru.txt");
    static const std::unordered_set<std::string> english = load_endings("corpus/analysis/inflections-en.txt");
    if (token.stem.empty()) return token.term;
    const std::string exact = "=" + token.term;
    // A stop-word is only ever itself ("со" is not a form of "соя").
    if (token.stopword) return exact;
    // Very short stems collide across unrelated words ("и"/"ИИ"; in Russian "мед"/"меди",
    // "сыр"/"сыра"...), so such words match only as written.
    const auto* stem_bytes = reinterpret_cast<const uint8_t*>(token.stem.data());
    const auto stem_length = static_cast<int32_t>(token.stem.size());
    int32_t letters = 0;
    for (int32_t i = 0; i < stem_length; ++letters) U8_FWD_1(stem_bytes, i, stem_length);
    const int32_t shortest_stem = token.script == TokenScript::cyrillic ? 4 : 2;
    if (letters < shortest_stem) return exact;
    // What follows the stem, less a trailing inflectional ending, stays in the key: the
    // stemmer also strips derivational suffixes, which would merge different words
    // ("composition"/"composite", "зимостойкость"/"зимостойкий", "сырье"/"сыр"), while the
    // inflected forms of one word ("exchanger"/"exchangers", "нефть"/"нефти") keep one key.
    const auto& endings = token.script == TokenScript::cyrillic ? russian : english;
    const std::string suffix = token.term.substr(common_prefix(token.term, token.stem));
    std::size_t ending = 0;
    for (std::size_t length = suffix.size(); length > 0; --length) {
        if (endings.contains(suffix.substr(suffix.size() - length))) {
            ending = length;
            break;
        }
    }
    return token.stem + suffix.substr(0, suffix.size() - ending);
}

}  // namespace

std::vector<MatchUnit> to_match_units(const std::vector<Token>& tokens) {
    std::vector<MatchUnit> units;
    units.reserve(tokens.size() * 2);
    for (const Token& token : tokens) {
        if (token.role != TokenRole::word) continue;
        if (token.script != TokenScript::han) {
            units.push_back({inflection_key(token), true, true, token.position});
            continue;
        }
        const auto* bytes = reinterpret_cast<const uint8_t*>(token.term.data());
        const int32_t length = static_cast<int32_t>(token.term.size());
        const std::size_t first = units.size();
        for (int32_t i = 0; i < length;) {
            const int32_t start = i;
            U8_FWD_1(bytes, i, length);
            units.push_back({token.term.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)),
                             false, false, token.position});
        }
        if (units.size() > first) {
            units[first].starts_word = true;
            units.back().ends_word = true;
        }
    }
    return units;
}

void LabelIndex::add(std::string_view label, std::uint32_t target, TextAnalyzer& analyzer) {
    const std::vector<MatchUnit> units = to_match_units(analyzer.analyze(label));
    if (units.empty()) return;
    std::uint32_t node = 0;
    for (const auto& unit : units) {
        const auto it = nodes_[node].next.find(unit.key);
        if (it != nodes_[node].next.end()) {
            node = it->second;
        } else {
            const auto created = static_cast<std::uint32_t>(nodes_.size());
            nodes_[node].next.emplace(unit.key, created);
            nodes_.emplace_back();
            node = created;
        }
    }
    auto& targets = nodes_[node].targets;
    if (std::find(targets.begin(), targets.end(), target) == targets.end()) targets.push_back(target);
    ++labels_;
}

std::vector<LabelIndex::Match> LabelIndex::find_all(const std::vector<MatchUnit>& units) const {
    std::vector<Match> matches;
    std::size_t i = 0;
    while (i < units.size()) {
        if (!units[i].starts_word) {
            ++i;
            continue;
        }
        std::uint32_t node = 0;
        std::size_t best_end = 0;
        const std::vector<std::uint32_t>* best = nullptr;
        for (std::size_t j = i; j < units.size(); ++j) {
            const auto it = nodes_[node].next.find(units[j].key);
            if (it == nodes_[node].next.end()) break;
            node = it->second;
            if (!nodes_[node].targets.empty() && units[j].ends_word) {
                best_end = j + 1;
                best = &nodes_[node].targets;
            }
        }
        if (best) {
            matches.push_back({i, best_end, best});
            i = best_end;
        } else {
            ++i;
        }
    }
    return matches;
}

}  // namespace techbridge
