#pragma once
// The current time in UTC, as text.
#include <ctime>
#include <string>

namespace techbridge {

/// The current UTC time formatted with strftime's `format` ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%SZ").
inline std::string utc_now(const char* format) {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[64];
    std::strftime(text, sizeof text, format, &utc);
    return text;
}

}  // namespace techbridge
