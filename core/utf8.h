#pragma once
// UTF-8 validity, checked with ICU rather than by hand.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace techbridge {

/// Byte offset of the first ill-formed UTF-8 sequence in `text`, or nullopt if valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

/// Number of Unicode code points in valid UTF-8 `text`.
std::size_t count_code_points(std::string_view text);

/// The longest prefix of valid UTF-8 `text` with at most `max_code_points` code points.
std::string_view truncate_code_points(std::string_view text, std::size_t max_code_points);

/// `text` with the control characters that a C string or a terminal would swallow or obey
/// (NUL, ESC, DEL, …) written as \u00XX, so a message shows every byte it quotes. Line breaks
/// and tabs stay as they are.
std::string escape_control_characters(std::string_view text);

/// `value` in double quotes for a message: control characters, quotes and backslashes are
/// escaped as in JSON, so `got "offer\u0000x"` shows where the value really ends.
std::string quoted_value(std::string_view value);

}  // namespace techbridge
