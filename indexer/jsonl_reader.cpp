#include "jsonl_reader.h"

#include <string>

#include "json_nesting.h"
#include "utf8.h"

namespace techbridge {

SourceFileContent read_json_lines(const std::string& path, std::istream& input, const JsonLinesLimits& limits) {
    SourceFileContent out;
    std::string line;
    std::int64_t line_number = 0;
    while (std::getline(input, line)) {
        ++line_number;
        if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos) continue;
        if (line.size() > limits.max_line_bytes) {
            out.problems.push_back({path, line_number, "record",
                                    "line too long: " + std::to_string(line.size()) + " bytes, the limit is " +
                                        std::to_string(limits.max_line_bytes)});
            continue;
        }
        if (const auto bad = find_invalid_utf8(line)) {
            out.problems.push_back({path, line_number, "record",
                                    "invalid UTF-8 at byte " + std::to_string(*bad) + " of the line; save as UTF-8"});
            continue;
        }
        nlohmann::json fields;
        try {
            fields = parse_bounded_json(line);
        } catch (const JsonNestingError& error) {
            out.problems.push_back({path, line_number, "record", error.what()});
            continue;
        } catch (const nlohmann::json::exception& error) {  // parse_error, and out_of_range for numbers like 1e999
            std::string message = error.what();
            // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column N: "
            if (const auto at = message.find("column"); at != std::string::npos) message = message.substr(at);
            out.problems.push_back({path, line_number, "record", "not valid JSON: " + message});
            continue;
        }
        if (!fields.is_object()) {
            out.problems.push_back({path, line_number, "record",
                                    "each line must be one JSON object, got " + std::string(fields.type_name())});
            continue;
        }
        out.records.push_back({path, line_number, line, std::move(fields), {}});
    }
    return out;
}

}  // namespace techbridge
