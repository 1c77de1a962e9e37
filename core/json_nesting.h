#pragma once
// Reading JSON that a user or a client sent, with its nesting bounded. Without a bound, a
// record like {"x": [[[[…]]]]} nested 100,000 deep passes the parser and then overflows the
// stack when it is written back (nlohmann's dump recurses once per level).
#include <cstddef>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "errors.h"

namespace techbridge {

/// Deepest nesting of arrays and objects accepted in documents, uploads and API bodies.
/// A document needs 3 (record → field → list); an expo event 4.
inline constexpr std::size_t max_json_nesting = 64;

/// Where nesting first goes past `max_depth`: the byte offset of the bracket that opens the
/// level too many. Brackets inside strings do not count. Nothing when the text stays within.
std::optional<std::size_t> find_excess_json_nesting(std::string_view text, std::size_t max_depth = max_json_nesting);

/// A JSON value nested too deep.
class JsonNestingError : public InvalidInputError {
public:
    JsonNestingError(std::size_t offset, std::size_t max_depth);
    std::size_t offset() const { return offset_; }

private:
    std::size_t offset_;
};

/// Parses `text` after checking its nesting; throws JsonNestingError past `max_depth` and
/// nlohmann::json::exception for malformed JSON (as nlohmann::json::parse does).
nlohmann::json parse_bounded_json(std::string_view text, std::size_t max_depth = max_json_nesting);

/// The same without exceptions for malformed JSON: a discarded value (is_discarded()) then.
/// Nesting past `max_depth` still throws JsonNestingError, whose message says what to fix.
nlohmann::json parse_bounded_json_or_discarded(std::string_view text, std::size_t max_depth = max_json_nesting);

}  // namespace techbridge
