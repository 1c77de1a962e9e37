#pragma once
// Reading the tab-separated data files of corpus/ (thesaurus, sectors, regions, code lists).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "located_problem.h"

namespace techbridge {

struct TsvRow {
    std::int64_t line = 0;
    std::vector<std::string> cells;  // one per header column, trimmed
};

struct TsvTable {
    std::vector<TsvRow> rows;
    std::vector<LocatedProblem> problems;
};

/// Parses `content` (the file `path`): lines starting with '#' and blank lines are
/// skipped; the first other line must be the header `columns` joined by tabs; every
/// row must have exactly that many cells. Bad rows are reported with their line and
/// left out.
TsvTable read_tsv(std::string_view path, std::string_view content, const std::vector<std::string>& columns);

/// Splits a cell on `separator` ('|' for labels, ',' for code lists), trimming each
/// part and dropping empty ones.
std::vector<std::string> split_cell(std::string_view cell, char separator);

}  // namespace techbridge
