#include "spelling_suggestion.h"

#include <algorithm>

#include <unicode/unistr.h>

#include "index_layout.h"
#include "text_normalizer.h"

namespace techbridge {

namespace layout = index_layout;

namespace {

std::u32string to_u32(const std::string& utf8) { return code_points(icu::UnicodeString::fromUTF8(utf8)); }

std::string to_utf8(const std::u32string& text) {
    icu::UnicodeString out;
    for (const char32_t c : text) out.append(static_cast<UChar32>(c));
    std::string utf8;
    out.toUTF8String(utf8);
    return utf8;
}

// One character replaced, added or dropped.
bool one_edit_apart(const std::u32string& a, const std::u32string& b) {
    if (a.size() == b.size()) {
        std::size_t differ = 0;
        for (std::size_t i = 0; i < a.size(); ++i) differ += a[i] != b[i];
        return differ == 1;
    }
    const std::u32string& longer = a.size() > b.size() ? a : b;
    const std::u32string& shorter = a.size() > b.size() ? b : a;
    if (longer.size() != shorter.size() + 1) return false;
    std::size_t i = 0;
    while (i < shorter.size() && longer[i] == shorter[i]) ++i;
    return longer.compare(i + 1, std::u32string::npos, shorter, i, std::u32string::npos) == 0;
}

bool all_han(const std::vector<Token>& tokens) {
    return !tokens.empty() && std::all_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.script == TokenScript::han; });
}

}  // namespace

const std::vector<std::u32string>& SpellingSuggester::chinese_labels() const {
    if (!chinese_labels_.empty()) return chinese_labels_;
    for (const Concept& entry : knowledge_.thesaurus().concepts())
        for (const std::string& label : entry.labels.of(Language::zh)) {
            std::u32string normalised = to_u32(analyzer_.normalize(label));
            if (normalised.size() >= 2) chinese_labels_.push_back(std::move(normalised));
        }
    std::sort(chinese_labels_.begin(), chinese_labels_.end());
    chinese_labels_.erase(std::unique(chinese_labels_.begin(), chinese_labels_.end()), chinese_labels_.end());
    return chinese_labels_;
}

std::optional<std::string> SpellingSuggester::suggest(std::string_view query, const Xapian::Database& index) const {
    std::string out;
    bool corrected = false;
    std::size_t at = 0;
    while (at < query.size()) {
        const std::size_t space = query.find_first_of(" \t", at);
        const std::size_t end = space == std::string_view::npos ? query.size() : space;
        std::string_view part = query.substr(at, end - at);
        std::string prefix, suffix;
        while (!part.empty() && (part.front() == '-' || part.front() == '"')) prefix += part.front(), part.remove_prefix(1);
        while (!part.empty() && part.back() == '"') suffix += part.back(), part.remove_suffix(1);
        const std::optional<std::string> correction = part.empty() ? std::nullopt : correct_part(part, index);
        corrected = corrected || correction.has_value();
        out += prefix + (correction ? *correction : std::string(part)) + suffix;
        if (end < query.size()) out += query[end];
        at = end + 1;
    }
    if (!corrected) return std::nullopt;
    return out;
}

std::optional<std::string> SpellingSuggester::correct_part(std::string_view part, const Xapian::Database& index) const {
    const std::vector<Token> tokens = analyzer_.analyze(part);
    if (all_han(tokens)) {
        const bool unseen_pair = std::any_of(tokens.begin(), tokens.end(), [&](const Token& t) {
            return t.role == TokenRole::bigram && index.get_termfreq(std::string(layout::bigram_prefix) + t.term) == 0;
        });
        if (!unseen_pair) return std::nullopt;
        return nearest_label(to_u32(analyzer_.normalize(part)), index);
    }
    std::vector<const Token*> words;
    for (const Token& token : tokens)
        if (token.role == TokenRole::word) words.push_back(&token);
    if (words.size() != 1) return std::nullopt;  // a code, a compound, a quantity: left as typed
    const Token& word = *words.front();
    if (word.script != TokenScript::cyrillic && word.script != TokenScript::latin) return std::nullopt;
    const bool known = index.get_termfreq(word.term) > 0 ||
                       (!word.stem.empty() && index.get_termfreq(std::string(layout::stem_prefix) + word.stem) > 0);
    if (known) return std::nullopt;
    std::string suggestion = index.get_spelling_suggestion(word.term, 2);
    if (suggestion.empty() || suggestion == word.term) return std::nullopt;
    return suggestion;
}

std::optional<std::string> SpellingSuggester::nearest_label(const std::u32string& run, const Xapian::Database& index) const {
    std::optional<std::string> best;
    Xapian::doccount best_documents = 0;
    for (const std::u32string& label : chinese_labels()) {
        if (!one_edit_apart(run, label)) continue;
        const std::string text = to_utf8(label);
        const Xapian::doccount documents = index.get_termfreq(text);
        if (documents > best_documents) {
            best = text;
            best_documents = documents;
        }
    }
    return best;
}

}  // namespace techbridge
