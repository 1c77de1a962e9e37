#pragma once
// A record as read from an input file, before it is validated as a document.
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace techbridge {

struct SourceRecord {
    std::string path;
    std::int64_t line = 0;                       // the line the record starts on
    std::string raw;                             // the record's text as read
    nlohmann::json fields;                       // field name -> value
    std::map<std::string, std::int64_t> field_lines;  // where each field was written, if known
};

/// Something wrong in an input file, located by file and line.
struct SourceProblem {
    std::string path;
    std::int64_t line = 0;
    std::string field;  // a document field, or "record" / "file" when no single field is at fault
    std::string message;

    /// "path:line: field: message", the form every rejection is reported in.
    std::string to_string() const;
};

/// What reading one file gave: the records in it and the problems met.
struct SourceFileContent {
    std::vector<SourceRecord> records;
    std::vector<SourceProblem> problems;
};

}  // namespace techbridge
