#include "embedded_file.h"

#include <string>

#include "errors.h"

namespace techbridge {

std::string_view embedded_content(std::span<const EmbeddedFile> files, std::string_view path) {
    for (const auto& file : files) {
        if (file.path == path) return file.content;
    }
    throw DataError("built-in data file is missing: " + std::string(path));
}

}  // namespace techbridge
