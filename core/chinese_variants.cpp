#include "chinese_variants.h"

#include <algorithm>

#include <opencc.h>

#include "embedded_file.h"
#include "errors.h"

namespace techbridge {

namespace {

// Whether the text has a character of the CJK blocks (U+2E80 and up, three-byte UTF-8 from
// E2 BA 80): Latin and Cyrillic text skips the conversion.
bool may_have_han(std::string_view utf8) {
    return std::any_of(utf8.begin(), utf8.end(), [](char c) {
        const auto byte = static_cast<unsigned char>(c);
        return byte >= 0xE3 && byte <= 0xE9;  // U+3000 to U+9FFF
    });
}

}  // namespace

ChineseVariants::ChineseVariants() {
    opencc_t opened = opencc_open("tw2sp.json");
    if (opened == reinterpret_cast<opencc_t>(-1))
        throw AnalysisError(std::string("OpenCC's tw2sp conversion is unavailable (") + opencc_error() +
                            "): install libopencc-data (scripts/install-deps)");
    opencc_ = opened;
    for (const std::string_view line : embedded_lines(analysis_data_files(), "corpus/analysis/chinese-variants.txt")) {
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0 || tab + 1 == line.size())
            throw DataError("corpus/analysis/chinese-variants.txt: a line must be the variant, a tab, the mainland word");
        words_.emplace_back(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    }
    std::sort(words_.begin(), words_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

ChineseVariants::~ChineseVariants() {
    if (opencc_) opencc_close(static_cast<opencc_t>(opencc_));
}

const ChineseVariants& ChineseVariants::installed() {
    static const ChineseVariants converter;
    return converter;
}

std::string ChineseVariants::to_mainland(std::string_view utf8) const {
    if (!may_have_han(utf8)) return std::string(utf8);
    char* converted = opencc_convert_utf8(static_cast<opencc_t>(opencc_), utf8.data(), utf8.size());
    if (!converted) throw AnalysisError(std::string("OpenCC could not convert a text: ") + opencc_error());
    std::string text(converted);
    opencc_convert_utf8_free(converted);
    for (const auto& [variant, mainland] : words_)
        for (std::size_t at = text.find(variant); at != std::string::npos; at = text.find(variant, at + mainland.size()))
            text.replace(at, variant.size(), mainland);
    return text;
}

}  // namespace techbridge
