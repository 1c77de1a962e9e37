#include "utf8.h"

#include <unicode/utf8.h>

namespace techbridge {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        const int32_t start = i;
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return static_cast<std::size_t>(start);
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    std::size_t count = 0;
    for (int32_t i = 0; i < length; ++count) U8_FWD_1(bytes, i, length);
    return count;
}

std::string_view truncate_code_points(std::string_view text, std::size_t max_code_points) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    for (std::size_t n = 0; i < length && n < max_code_points; ++n) U8_FWD_1(bytes, i, length);
    return text.substr(0, static_cast<std::size_t>(i));
}

}  // namespace techbridge
