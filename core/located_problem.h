#pragma once
// A problem in an input or data file, located by file and line.
#include <cstdint>
#include <string>

namespace techbridge {

struct LocatedProblem {
    std::string path;
    std::int64_t line = 0;
    std::string field;  // the field or column at fault, or "record" / "file" / "header"
    std::string message;

    /// "path:line: field: message", the form every such problem is reported in.
    std::string to_string() const { return path + ":" + std::to_string(line) + ": " + field + ": " + message; }
};

}  // namespace techbridge
