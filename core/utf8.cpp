#include "utf8.h"

#include <cstdio>

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

namespace {

bool is_control(unsigned char c) { return c < 0x20 || c == 0x7f; }

void append_escaped_control(std::string& out, unsigned char c) {
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
    out += escaped;
}

}  // namespace

std::string escape_control_characters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (is_control(byte) && c != '\n' && c != '\t') append_escaped_control(out, byte);
        else out += c;
    }
    return out;
}

std::string quoted_value(std::string_view value) {
    std::string out = "\"";
    for (const char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out.append(1, '\\').append(1, c);
        else if (is_control(byte)) append_escaped_control(out, byte);
        else out += c;
    }
    return out + "\"";
}

}  // namespace techbridge
