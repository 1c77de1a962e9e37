#include "markdown_reader.h"
#include "ascii_text.h"

#include <algorithm>

#include "utf8.h"

namespace techbridge {
namespace {

bool is_key(std::string_view key) {
    if (key.empty() || key.size() > 64) return false;
    if (!((key[0] >= 'a' && key[0] <= 'z') || (key[0] >= 'A' && key[0] <= 'Z') || key[0] == '_')) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::int64_t line_of_offset(std::string_view content, std::size_t offset) {
    return 1 + std::count(content.begin(), content.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
}

}  // namespace

SourceFileContent read_markdown_document(const std::string& path, std::string_view content) {
    SourceFileContent out;
    auto fail = [&](std::int64_t line, std::string field, std::string message) {
        out.problems.push_back({path, line, std::move(field), std::move(message)});
        return out;
    };
    if (const auto bad = find_invalid_utf8(content)) {
        return fail(line_of_offset(content, *bad), "file",
                    "invalid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
    }
    if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);

    SourceRecord record;
    record.path = path;
    record.line = 1;
    record.raw = std::string(content);
    record.fields = nlohmann::json::object();

    std::size_t offset = 0;
    std::int64_t line_number = 0;
    auto next_line = [&](std::string_view& line) {
        if (offset >= content.size()) return false;
        std::size_t end = content.find('\n', offset);
        if (end == std::string_view::npos) end = content.size();
        line = content.substr(offset, end - offset);
        offset = end + 1;
        ++line_number;
        return true;
    };

    std::string_view line;
    if (!next_line(line) || trim(line) != "---") {
        return fail(1, "record",
                    "a Markdown document must start with a '---' line, then `key: value` header lines, then '---'");
    }
    bool closed = false;
    while (next_line(line)) {
        const std::string_view text = trim(line);
        if (text == "---") {
            closed = true;
            break;
        }
        if (text.empty() || text.front() == '#') continue;
        const auto colon = text.find(':');
        const std::string_view key = colon == std::string_view::npos ? std::string_view{} : trim(text.substr(0, colon));
        if (!is_key(key)) {
            out.problems.push_back({path, line_number, "header", "expected `key: value`, got " +
                                                                     quoted_value(text.substr(0, 80))});
            continue;
        }
        const std::string name(key);
        if (name == "body") {
            out.problems.push_back({path, line_number, "body", "the body goes below the header, not in it"});
            continue;
        }
        if (record.fields.contains(name)) {
            out.problems.push_back({path, line_number, name,
                                    "given twice (first on line " + std::to_string(record.field_lines[name]) + ")"});
            continue;
        }
        const std::string_view value = trim(text.substr(colon + 1));
        record.field_lines[name] = line_number;
        if (!value.empty()) record.fields[name] = std::string(value);
    }
    if (!closed) return fail(line_number, "header", "the header is not closed by a '---' line");

    const std::string_view body = offset < content.size() ? trim(content.substr(offset)) : std::string_view{};
    record.field_lines["body"] = line_number + 1;
    if (!body.empty()) record.fields["body"] = std::string(body);
    if (out.problems.empty()) out.records.push_back(std::move(record));
    return out;
}

}  // namespace techbridge
