#include "embedded_file.h"

#include <string>

#include "ascii_text.h"
#include "errors.h"

namespace techbridge {

std::string_view embedded_content(std::span<const EmbeddedFile> files, std::string_view path) {
    for (const auto& file : files) {
        if (file.path == path) return file.content;
    }
    throw DataError("built-in data file is missing: " + std::string(path));
}

std::vector<std::string_view> embedded_lines(std::span<const EmbeddedFile> files, std::string_view path) {
    const std::string_view content = embedded_content(files, path);
    std::vector<std::string_view> lines;
    std::size_t begin = 0;
    while (begin < content.size()) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string_view::npos) end = content.size();
        const std::string_view line = trim(content.substr(begin, end - begin));
        begin = end + 1;
        if (!line.empty() && line.front() != '#') lines.push_back(line);
    }
    return lines;
}

}  // namespace techbridge
