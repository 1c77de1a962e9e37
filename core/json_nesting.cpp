#include "json_nesting.h"

#include <string>

namespace techbridge {

std::optional<std::size_t> find_excess_json_nesting(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (in_string) {
            if (c == '\\') ++at;  // the escaped character cannot end the string
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return at;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

JsonNestingError::JsonNestingError(std::size_t offset, std::size_t max_depth)
    : InvalidInputError("nested deeper than " + std::to_string(max_depth) + " levels of [ ] and { } (at byte " +
                        std::to_string(offset + 1) + "); flatten the value or remove the field"),
      offset_(offset) {}

nlohmann::json parse_bounded_json(std::string_view text, std::size_t max_depth) {
    if (const auto excess = find_excess_json_nesting(text, max_depth)) throw JsonNestingError(*excess, max_depth);
    return nlohmann::json::parse(text);
}

nlohmann::json parse_bounded_json_or_discarded(std::string_view text, std::size_t max_depth) {
    if (const auto excess = find_excess_json_nesting(text, max_depth)) throw JsonNestingError(*excess, max_depth);
    return nlohmann::json::parse(text, nullptr, false);
}

}  // namespace techbridge
