#include "tsv_table.h"
#include "ascii_text.h"

#include "utf8.h"

namespace techbridge {
namespace {

std::vector<std::string> split_tabs(std::string_view line) {
    std::vector<std::string> cells;
    std::size_t begin = 0;
    while (true) {
        const std::size_t tab = line.find('\t', begin);
        cells.emplace_back(trim(line.substr(begin, tab == std::string_view::npos ? std::string_view::npos : tab - begin)));
        if (tab == std::string_view::npos) break;
        begin = tab + 1;
    }
    return cells;
}

}  // namespace

std::vector<std::string> split_cell(std::string_view cell, char separator) {
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (begin <= cell.size()) {
        std::size_t end = cell.find(separator, begin);
        if (end == std::string_view::npos) end = cell.size();
        const std::string_view part = trim(cell.substr(begin, end - begin));
        if (!part.empty()) parts.emplace_back(part);
        begin = end + 1;
    }
    return parts;
}

TsvTable read_tsv(std::string_view path, std::string_view content, const std::vector<std::string>& columns) {
    TsvTable table;
    const std::string file(path);
    std::int64_t line_number = 0;
    bool header_seen = false;
    std::size_t begin = 0;
    while (begin < content.size()) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string_view::npos) end = content.size();
        const std::string_view line = content.substr(begin, end - begin);
        begin = end + 1;
        ++line_number;
        const std::string_view text = trim(line);
        if (text.empty() || text.front() == '#') continue;
        if (const auto bad = find_invalid_utf8(line)) {
            table.problems.push_back({file, line_number, "record", "invalid UTF-8 at byte " + std::to_string(*bad)});
            continue;
        }
        std::vector<std::string> cells = split_tabs(line);
        if (!header_seen) {
            header_seen = true;
            if (cells != columns) {
                std::string expected;
                for (const auto& column : columns) expected += (expected.empty() ? "" : "\\t") + column;
                table.problems.push_back({file, line_number, "header", "expected the header \"" + expected + "\""});
                return table;
            }
            continue;
        }
        if (cells.size() != columns.size()) {
            table.problems.push_back({file, line_number, "record",
                                      "expected " + std::to_string(columns.size()) + " tab-separated columns, found " +
                                          std::to_string(cells.size())});
            continue;
        }
        table.rows.push_back({line_number, std::move(cells)});
    }
    if (!header_seen) table.problems.push_back({file, 0, "header", "the file has no header line"});
    return table;
}

}  // namespace techbridge
