#pragma once
// Reads JSON Lines: one document object per line.
#include <istream>
#include <string>

#include "source_record.h"

namespace techbridge {

struct JsonLinesLimits {
    std::size_t max_line_bytes = 8u << 20;  // 8 MiB
};

/// Reads every line of `input` (the file at `path`); blank lines are skipped. A line
/// that is not valid UTF-8 or not a JSON object becomes a problem at its line
/// number; the other lines still give their records.
SourceFileContent read_json_lines(const std::string& path, std::istream& input, const JsonLinesLimits& limits = {});

}  // namespace techbridge
