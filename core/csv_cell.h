#pragma once
// One CSV cell as RFC 4180 writes it, safe to open in a spreadsheet.
#include <string>

namespace techbridge {

/// Quoted when it holds a comma, quote or line break; a cell a spreadsheet would take for
/// a formula (=, +, -, @ first) gets a leading apostrophe.
inline std::string csv_cell(const std::string& text) {
    std::string cell = text;
    if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) cell.insert(0, "'");
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace techbridge
