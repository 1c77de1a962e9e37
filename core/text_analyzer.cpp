#include "text_analyzer.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>

#include "embedded_file.h"
#include "errors.h"

namespace techbridge {
namespace {

// Bump when the token rules below change: every index must then be rebuilt.
constexpr std::string_view analysis_revision = "a4";

constexpr std::string_view stopword_files[] = {
    "corpus/analysis/stopwords-en.txt",
    "corpus/analysis/stopwords-ru.txt",
    "corpus/analysis/stopwords-zh.txt",
};

bool is_joiner(const icu::UnicodeString& text, int32_t start, int32_t end) {
    if (end - start != 1) return false;
    const UChar c = text.charAt(start);
    return c == u'-' || c == u'/' || c == u'+' || c == 0x2010 || c == 0x2011;
}

struct ScriptCounts {
    bool han = false, cyrillic = false, latin = false, digit = false;
};

ScriptCounts scan(const icu::UnicodeString& text, int32_t start, int32_t end) {
    ScriptCounts counts;
    for (int32_t i = start; i < end;) {
        const UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (u_isdigit(c)) {
            counts.digit = true;
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        switch (uscript_getScript(c, &status)) {
            case USCRIPT_HAN: counts.han = true; break;
            case USCRIPT_CYRILLIC: counts.cyrillic = true; break;
            case USCRIPT_LATIN: counts.latin = true; break;
            default: break;
        }
    }
    return counts;
}

TokenScript classify(const ScriptCounts& counts) {
    if (counts.han) return TokenScript::han;
    if (counts.cyrillic) return TokenScript::cyrillic;
    if (counts.latin) return TokenScript::latin;
    if (counts.digit) return TokenScript::number;
    return TokenScript::other;
}

// "10мпа", "500kv": digits (with decimal marks) directly followed by letters only.
int32_t number_unit_boundary(const icu::UnicodeString& text, int32_t start, int32_t end) {
    int32_t i = start;
    while (i < end && (u_isdigit(text.charAt(i)) || text.charAt(i) == u'.' || text.charAt(i) == u',')) ++i;
    if (i == start || i == end || !u_isdigit(text.charAt(i - 1))) return -1;
    for (int32_t j = i; j < end;) {
        const UChar32 c = text.char32At(j);
        if (!u_isalpha(c)) return -1;
        j += U16_LENGTH(c);
    }
    return i;
}

std::string utf8_between(const icu::UnicodeString& text, int32_t start, int32_t end) {
    std::string out;
    text.tempSubStringBetween(start, end).toUTF8String(out);
    return out;
}

bool is_han_only(const icu::UnicodeString& text, int32_t start, int32_t end) {
    const ScriptCounts counts = scan(text, start, end);
    return counts.han && !counts.cyrillic && !counts.latin && !counts.digit;
}

std::unique_ptr<icu::BreakIterator> chinese_word_breaks() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !words)
        throw AnalysisError(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
    return words;
}

}  // namespace

TextAnalyzer::TextAnalyzer(const HanWordLexicon& lexicon)
    : words_(chinese_word_breaks()), word_alone_(chinese_word_breaks()), lexicon_(lexicon) {
    for (auto path : stopword_files)
        for (const auto word : embedded_lines(analysis_data_files(), path)) stopwords_.insert(normalizer_.normalize_to_utf8(word));
}

std::string TextAnalyzer::version() {
    std::string version(analysis_revision);
    version += "-icu" U_ICU_VERSION;
    for (const auto& file : analysis_data_files()) {
        version += '-';
        version += file.sha256.substr(0, 8);
    }
    return version;
}

std::string TextAnalyzer::stem_for(TokenScript script, const std::string& term) {
    switch (script) {
        case TokenScript::cyrillic: return russian_(term);
        case TokenScript::latin: return english_(term);
        default: return {};
    }
}

void TextAnalyzer::emit_word(const icu::UnicodeString& text, int32_t start, int32_t end, std::uint32_t position,
                             std::vector<Token>& out) {
    const ScriptCounts counts = scan(text, start, end);
    Token token;
    token.term = utf8_between(text, start, end);
    token.script = classify(counts);
    token.position = position;
    token.stopword = is_stopword(token.term);
    // A stem only where it can differ from the word: words with digits are codes
    // ("co2", "12х18н10т") and are matched as written.
    if (!counts.digit) token.stem = stem_for(token.script, token.term);
    out.push_back(std::move(token));

    const int32_t boundary = number_unit_boundary(text, start, end);
    if (boundary > 0) {
        Token number;
        number.term = utf8_between(text, start, boundary);
        number.script = TokenScript::number;
        number.role = TokenRole::part;
        number.position = position;
        out.push_back(std::move(number));
        Token unit;
        unit.term = utf8_between(text, boundary, end);
        unit.script = classify(scan(text, boundary, end));
        unit.role = TokenRole::part;
        unit.position = position;
        unit.stem = stem_for(unit.script, unit.term);
        out.push_back(std::move(unit));
    }
}

const std::vector<std::string>& TextAnalyzer::pieces_of(const std::string& word) {
    if (const auto found = pieces_.find(word); found != pieces_.end()) return found->second;
    if (pieces_.size() > 100000) pieces_.clear();
    const icu::UnicodeString alone = icu::UnicodeString::fromUTF8(word);
    word_alone_->setText(alone);
    std::vector<std::string> pieces;
    int32_t start = word_alone_->first();
    for (int32_t end = word_alone_->next(); end != icu::BreakIterator::DONE; start = end, end = word_alone_->next())
        // Single characters would match nearly every Chinese document; bigrams stand for them.
        if (word_alone_->getRuleStatus() >= UBRK_WORD_NONE_LIMIT && alone.countChar32(start, end - start) >= 2)
            pieces.push_back(utf8_between(alone, start, end));
    if (pieces.size() == 1 && pieces.front() == word) pieces.clear();
    return pieces_[word] = std::move(pieces);
}

void TextAnalyzer::emit_han_word(const std::string& term, bool from_lexicon, std::uint32_t run, std::uint32_t position,
                                 std::vector<Token>& out) {
    Token word;
    word.han_run = run;
    word.term = term;
    word.script = TokenScript::han;
    word.position = position;
    word.stopword = is_stopword(term);
    out.push_back(std::move(word));
    if (!from_lexicon) return;
    // The ICU words it was joined from, as ICU cuts the word alone, still find it (焊接 finds 激光焊接).
    for (const std::string& inner : pieces_of(term)) {
        Token piece;
        piece.term = inner;
        piece.script = TokenScript::han;
        piece.role = TokenRole::piece;
        piece.han_run = run;
        piece.position = position;
        piece.stopword = is_stopword(inner);
        out.push_back(std::move(piece));
    }
}

void TextAnalyzer::emit_han_run(const icu::UnicodeString& text, const std::vector<Piece>& pieces, std::uint32_t run,
                                std::uint32_t& position, std::vector<Token>& out) {
    std::vector<UChar32> chars;
    std::vector<int32_t> offsets;  // of each character, then of the run's end
    std::vector<std::size_t> piece_ends;  // the character index each ICU word ends at
    for (const Piece& piece : pieces) {
        for (int32_t i = piece.start; i < piece.end;) {
            chars.push_back(text.char32At(i));
            offsets.push_back(i);
            i += U16_LENGTH(chars.back());
        }
        piece_ends.push_back(chars.size());
    }
    offsets.push_back(pieces.back().end);
    std::vector<std::uint32_t> word_of_char(chars.size());
    std::size_t at = 0;
    for (std::size_t piece = 0; piece < pieces.size();) {
        // The longest lexicon word made of this and the next ICU words, else this word alone.
        std::size_t last = piece;
        for (const std::size_t length : lexicon_.lengths_at(chars, at)) {
            const auto end = std::find(piece_ends.begin() + static_cast<std::ptrdiff_t>(piece), piece_ends.end(), at + length);
            if (end != piece_ends.end()) last = static_cast<std::size_t>(end - piece_ends.begin());
        }
        const std::size_t stop = piece_ends[last];
        ++position;
        emit_han_word(utf8_between(text, offsets[at], offsets[stop]), last > piece, run, position, out);
        for (; at < stop; ++at) word_of_char[at] = position;
        piece = last + 1;
    }
    for (std::size_t first = 0; first + 1 < chars.size(); ++first) {
        Token bigram;
        bigram.term = utf8_between(text, offsets[first], offsets[first + 2]);
        bigram.script = TokenScript::han;
        bigram.role = TokenRole::bigram;
        bigram.han_run = run;
        bigram.position = word_of_char[first];
        out.push_back(std::move(bigram));
    }
}

std::vector<Token> TextAnalyzer::analyze(std::string_view utf8_text) {
    std::vector<Token> out;
    const icu::UnicodeString text = normalizer_.normalize(utf8_text);
    words_->setText(text);

    std::uint32_t position = 0;
    // Words joined by hyphens or slashes without spaces, collected to index the whole
    // compound as well as its parts.
    std::vector<std::string> chain;
    std::uint32_t chain_position = 0;
    bool joiner_pending = false;
    auto flush_chain = [&] {
        if (chain.size() >= 2) {
            Token compound;
            for (std::size_t i = 0; i < chain.size(); ++i) {
                if (i) compound.term += '-';
                compound.term += chain[i];
            }
            compound.script = TokenScript::other;
            compound.role = TokenRole::compound;
            compound.position = chain_position;
            out.push_back(std::move(compound));
        }
        chain.clear();
        joiner_pending = false;
    };

    // Adjacent Han words of ICU, segmented again as one run (see emit_han_run).
    std::vector<Piece> han_run;
    std::uint32_t han_runs = 0;
    auto flush_han_run = [&] {
        if (han_run.empty()) return;
        flush_chain();
        emit_han_run(text, han_run, ++han_runs, position, out);
        han_run.clear();
    };

    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
        if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) {
            flush_han_run();
            if (!chain.empty() && !joiner_pending && is_joiner(text, start, end)) {
                joiner_pending = true;
            } else {
                flush_chain();
            }
            continue;
        }
        if (is_han_only(text, start, end)) {
            han_run.push_back({start, end});
            continue;
        }
        flush_han_run();
        emit_word(text, start, end, ++position, out);
        // A copy, not a reference: flushing the chain appends to `out` and may move its tokens.
        std::string term = out[out.size() - (out.back().role == TokenRole::part ? 3 : 1)].term;
        if (!joiner_pending) {
            flush_chain();
            chain_position = position;
        }
        joiner_pending = false;
        chain.push_back(std::move(term));
    }
    flush_han_run();
    flush_chain();
    return out;
}

}  // namespace techbridge
