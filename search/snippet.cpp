#include "snippet.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>

namespace techbridge {
namespace {

// Only the start of very long documents is scanned for the best passage.
constexpr int32_t max_scanned_units = 64 * 1024;
// Context kept before the first marked word of the passage.
constexpr int32_t lead_in_units = 30;
// Bounds the memory of word analyses (a few MB).
constexpr std::size_t max_remembered_words = 50000;

using Match = SnippetGenerator::Match;

// The character classes below are asked of every character of every hit: the common
// cases are answered before asking ICU.
bool is_han(UChar32 c) {
    if (c < 0x2E80) return false;
    if (c >= 0x4E00 && c <= 0x9FFF) return true;  // CJK Unified Ideographs
    UErrorCode status = U_ZERO_ERROR;
    return uscript_getScript(c, &status) == USCRIPT_HAN;
}

// Letters, digits and combining marks of scripts written with spaces between words.
bool is_word_character(UChar32 c) {
    if (c < 0x80) return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
    return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_white_space(char16_t c) {
    if (c < 0x80) return c == u' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return u_isWhitespace(c);
}

bool inside_word(const icu::UnicodeString& text, int32_t at) {
    if (at <= 0 || at >= text.length()) return false;
    const UChar32 before = text.char32At(at - 1), after = text.char32At(at);
    return is_word_character(before) && !is_han(before) && is_word_character(after) && !is_han(after);
}

// The first two letters of a word as normalisation leaves them (case folded, ё as е), for
// Latin and Cyrillic words; {0, 0} for words outside those scripts, which must be analysed.
std::pair<UChar32, UChar32> word_start(const icu::UnicodeString& text, int32_t start, int32_t end) {
    auto folded = [](UChar32 c) -> UChar32 {
        const UChar32 lower = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        const bool latin_or_cyrillic = lower < 0x250 || (lower >= 0x400 && lower < 0x500);
        if (!latin_or_cyrillic || u_isdigit(lower)) return -1;
        return lower == 0x451 ? 0x435 : lower;
    };
    const UChar32 first = folded(text.char32At(start));
    const int32_t next = start + U16_LENGTH(text.char32At(start));
    const UChar32 second = next < end ? folded(text.char32At(next)) : 0;
    if (first < 0 || second < 0) return {0, 0};
    return {first, second};
}

// The start of the window of `window` units holding the most distinct query words.
int32_t best_window_start(const std::vector<Match>& matches, int32_t window) {
    std::unordered_map<std::string_view, int> in_window;
    std::size_t best_distinct = 0;
    int32_t best_start = 0;
    for (std::size_t first = 0, next = 0; first < matches.size(); ++first) {
        const int32_t limit = matches[first].start + window - lead_in_units;
        for (; next < matches.size() && matches[next].end <= limit; ++next) ++in_window[matches[next].term];
        if (in_window.size() > best_distinct) {
            best_distinct = in_window.size();
            best_start = std::max(0, matches[first].start - lead_in_units);
        }
        if (next > first) {
            const auto it = in_window.find(matches[first].term);
            if (--it->second == 0) in_window.erase(it);
        } else {
            next = first + 1;  // a match longer than the window is never counted
        }
    }
    return best_start;
}

}  // namespace

SnippetQuery::SnippetQuery(const QueryTerms& terms) : terms_(terms) {
    for (const auto* list : {&terms.words, &terms.stems}) {
        for (const auto& term : *list) {
            icu::UnicodeString text = icu::UnicodeString::fromUTF8(term);
            if (text.isEmpty()) continue;
            if (!is_han(text.char32At(0))) word_starts_.push_back(word_start(text, 0, text.length()));
            else if (list == &terms.words) han_words_.emplace_back(std::move(text), term);
        }
    }
}

bool SnippetQuery::may_start_word(std::pair<UChar32, UChar32> start) const {
    if (start.first == 0) return true;
    return std::any_of(word_starts_.begin(), word_starts_.end(), [&](const auto& query) {
        return query.first == 0 || (query.first == start.first && (query.second == 0 || query.second == start.second));
    });
}

SnippetGenerator::SnippetGenerator(TextAnalyzer& analyzer) : analyzer_(analyzer) {}

const std::vector<std::pair<std::string, std::string>>& SnippetGenerator::analysed(const std::string& word) {
    if (const auto it = analysed_words_.find(word); it != analysed_words_.end()) return it->second;
    if (analysed_words_.size() >= max_remembered_words) analysed_words_.clear();
    std::vector<std::pair<std::string, std::string>> tokens;
    for (Token& token : analyzer_.analyze(word)) tokens.emplace_back(std::move(token.term), std::move(token.stem));
    return analysed_words_.emplace(word, std::move(tokens)).first->second;
}

void SnippetGenerator::match_word(const icu::UnicodeString& text, int32_t start, int32_t end, const QueryTerms& terms,
                                  std::vector<Match>& matches) {
    word_.clear();
    text.tempSubStringBetween(start, end).toUTF8String(word_);
    for (const auto& [term, stem] : analysed(word_)) {
        if (!stem.empty() && std::find(terms.stems.begin(), terms.stems.end(), stem) != terms.stems.end()) {
            matches.push_back({start, end, stem});
            return;
        }
        if (std::find(terms.words.begin(), terms.words.end(), term) != terms.words.end()) {
            matches.push_back({start, end, term});
            return;
        }
    }
}

void SnippetGenerator::match_han_run(const icu::UnicodeString& text, int32_t start, int32_t end,
                                     const SnippetQuery& query, std::vector<Match>& matches) const {
    icu::UnicodeString run(text, start, end - start);
    analyzer_.normalizer().simplify_characters(run);
    const std::size_t first = matches.size();
    for (const auto& [word, term] : query.han_words()) {
        for (int32_t at = run.indexOf(word); at >= 0; at = run.indexOf(word, at + word.length()))
            matches.push_back({start + at, start + at + word.length(), term});
    }
    // Longer words first where two overlap (风电 rather than its 电).
    std::sort(matches.begin() + static_cast<std::ptrdiff_t>(first), matches.end(), [](const Match& a, const Match& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::size_t kept = first;
    for (std::size_t i = first; i < matches.size(); ++i) {
        if (kept > first && matches[i].start < matches[kept - 1].end) continue;
        if (kept != i) matches[kept] = std::move(matches[i]);
        ++kept;
    }
    matches.resize(kept);
}

Snippet SnippetGenerator::generate(std::string_view utf8, const SnippetQuery& query, std::size_t max_code_points) {
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    // A passage is one line: line breaks and runs of white space become one space.
    icu::UnicodeString text;
    char16_t* const out = text.getBuffer(std::min(source.length(), max_scanned_units));
    if (!out) return {};
    int32_t length = 0;
    for (int32_t i = 0; i < source.length() && length < max_scanned_units; ++i) {
        const char16_t c = source[i];
        if (!is_white_space(c)) out[length++] = c;
        else if (length > 0 && out[length - 1] != u' ') out[length++] = u' ';
    }
    text.releaseBuffer(length);

    std::vector<Match> matches;
    for (int32_t i = 0; i < text.length();) {
        const UChar32 c = text.char32At(i);
        int32_t end = i + U16_LENGTH(c);
        if (is_han(c)) {
            while (end < text.length() && is_han(text.char32At(end))) end += U16_LENGTH(text.char32At(end));
            if (!query.han_words().empty()) match_han_run(text, i, end, query, matches);
        } else if (is_word_character(c)) {
            for (UChar32 next; end < text.length() && is_word_character(next = text.char32At(end)) && !is_han(next);)
                end += U16_LENGTH(next);
            if (query.may_start_word(word_start(text, i, end))) match_word(text, i, end, query.terms(), matches);
        }
        i = end;
    }

    const int32_t window = static_cast<int32_t>(max_code_points);
    int32_t best_start = best_window_start(matches, window);
    // Start and end at word boundaries, not inside a word, where one is near.
    int32_t boundary = best_start;
    while (inside_word(text, boundary) && boundary < best_start + lead_in_units) ++boundary;
    if (!inside_word(text, boundary)) best_start = boundary < text.length() && text[boundary] == u' ' ? boundary + 1 : boundary;
    int32_t best_end = std::min(text.length(), best_start + window);
    boundary = best_end;
    while (inside_word(text, boundary) && boundary > best_start + 1) --boundary;
    if (!inside_word(text, boundary)) best_end = boundary;
    // Keep whole surrogate pairs at both ends.
    if (best_start > 0 && best_start < text.length() && U16_IS_TRAIL(text[best_start])) ++best_start;
    if (best_end < text.length() && U16_IS_TRAIL(text[best_end])) --best_end;

    Snippet snippet;
    if (best_start > 0) snippet.text = "…";
    int32_t cursor = best_start;
    auto append = [&](int32_t from, int32_t to) { text.tempSubStringBetween(from, to).toUTF8String(snippet.text); };
    for (const Match& match : matches) {
        if (match.start < best_start || match.end > best_end) continue;
        append(cursor, match.start);
        const std::size_t offset = snippet.text.size();
        append(match.start, match.end);
        snippet.highlights.emplace_back(offset, snippet.text.size() - offset);
        cursor = match.end;
    }
    append(cursor, best_end);
    if (best_end < text.length()) snippet.text += "…";
    return snippet;
}

}  // namespace techbridge
