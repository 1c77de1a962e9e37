#include "text_analyzer.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uversion.h>

#include "embedded_file.h"
#include "errors.h"

namespace techbridge {
namespace {

// Bump when the token rules below change: every index must then be rebuilt.
constexpr std::string_view analysis_revision = "a2";

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

}  // namespace

TextAnalyzer::TextAnalyzer() {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !words_) {
        throw AnalysisError(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
    }
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

    int32_t start = words_->first();
    for (int32_t end = words_->next(); end != icu::BreakIterator::DONE; start = end, end = words_->next()) {
        if (words_->getRuleStatus() < UBRK_WORD_NONE_LIMIT) {
            if (!chain.empty() && !joiner_pending && is_joiner(text, start, end)) {
                joiner_pending = true;
            } else {
                flush_chain();
            }
            continue;
        }
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
    flush_chain();
    return out;
}

}  // namespace techbridge
