#include "snippet.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <set>

#include "errors.h"
#include "utf8.h"

namespace techbridge {
namespace {

// Only the start of very long documents is scanned for the best passage.
constexpr int32_t max_scanned_units = 64 * 1024;
// Context kept before the first marked word of the passage.
constexpr int32_t lead_in_units = 30;
// Bounds the memory of word analyses (a few MB).
constexpr std::size_t max_remembered_words = 50000;

struct Match {
    int32_t start;
    int32_t end;
    std::string term;
};

}  // namespace

SnippetGenerator::SnippetGenerator(TextAnalyzer& analyzer) : analyzer_(analyzer) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status)) throw AnalysisError(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
}

const std::vector<std::pair<std::string, std::string>>& SnippetGenerator::analysed(const std::string& word) {
    if (const auto it = analysed_words_.find(word); it != analysed_words_.end()) return it->second;
    if (analysed_words_.size() >= max_remembered_words) analysed_words_.clear();
    std::vector<std::pair<std::string, std::string>> tokens;
    for (Token& token : analyzer_.analyze(word)) tokens.emplace_back(std::move(token.term), std::move(token.stem));
    return analysed_words_.emplace(word, std::move(tokens)).first->second;
}

Snippet SnippetGenerator::generate(std::string_view utf8, const QueryTerms& terms, std::size_t max_code_points) {
    const icu::UnicodeString source =
        icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    // A passage is one line: line breaks and runs of white space become one space.
    icu::UnicodeString text;
    for (int32_t i = 0; i < source.length() && text.length() < max_scanned_units; ++i) {
        const UChar c = source[i];
        if (u_isWhitespace(c)) {
            if (text.length() > 0 && text[text.length() - 1] != u' ') text.append(u' ');
        } else {
            text.append(c);
        }
    }

    std::vector<Match> matches;
    words_->setText(text);
    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
        if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
        std::string word;
        text.tempSubStringBetween(start, end).toUTF8String(word);
        for (const auto& [term, stem] : analysed(word)) {
            const bool hit = (!stem.empty() && std::count(terms.stems.begin(), terms.stems.end(), stem)) ||
                             std::count(terms.words.begin(), terms.words.end(), term);
            if (hit) {
                matches.push_back({start, end, stem.empty() ? term : stem});
                break;
            }
        }
    }

    const int32_t window = static_cast<int32_t>(max_code_points);
    int32_t best_start = 0;
    std::size_t best_score = 0;
    for (std::size_t i = 0; i < matches.size(); ++i) {
        std::set<std::string> distinct;
        for (std::size_t j = i; j < matches.size() && matches[j].end <= matches[i].start + window - lead_in_units; ++j)
            distinct.insert(matches[j].term);
        if (distinct.size() > best_score) {
            best_score = distinct.size();
            best_start = std::max(0, matches[i].start - lead_in_units);
        }
    }
    if (best_start > 0) {
        // Start at a word boundary, not inside a word.
        const int32_t boundary = words_->following(best_start);
        if (boundary != icu::BreakIterator::DONE && boundary <= best_start + lead_in_units) best_start = boundary;
    }
    int32_t best_end = std::min(text.length(), best_start + window);
    if (best_end < text.length()) {
        const int32_t boundary = words_->preceding(best_end);
        if (boundary != icu::BreakIterator::DONE && boundary > best_start) best_end = boundary;
    }
    // Keep whole surrogate pairs at both ends.
    if (best_start > 0 && U16_IS_TRAIL(text[best_start])) ++best_start;
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
