#pragma once
// Small helpers for the ASCII parts of text: codes, ids and file syntax. Anything
// that concerns letters of the three languages goes through TextNormalizer instead.
#include <string>
#include <string_view>

namespace techbridge {

/// `text` without leading and trailing spaces, tabs, carriage returns and newlines.
inline std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

/// `text` with the ASCII letters A-Z lower-cased; other bytes unchanged.
inline std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace techbridge
