#pragma once
// Data files compiled into the binary at build time (see cmake/EmbedFiles.cmake).
#include <span>
#include <string_view>
#include <vector>

namespace techbridge {

struct EmbeddedFile {
    std::string_view path;     // relative to the project root, e.g. "corpus/analysis/stopwords-en.txt"
    std::string_view content;  // the file's bytes
    std::string_view sha256;   // hex digest of the content
    // The web assets (embed_files ... COMPRESSED) also carry their content compressed at
    // build time, gzip at level 9 and brotli at quality 11, which the server sends as they
    // are (issue 15); both are empty for the other files.
    std::string_view gzip;
    std::string_view brotli;
};

/// The analysis data (stop-word lists) the text analyser is built from.
std::span<const EmbeddedFile> analysis_data_files();

/// Finds a file among `files` by its project-relative path; throws DataError if absent.
std::string_view embedded_content(std::span<const EmbeddedFile> files, std::string_view path);

/// The lines of an embedded word list: trimmed, without blank lines and '#' comments.
std::vector<std::string_view> embedded_lines(std::span<const EmbeddedFile> files, std::string_view path);

}  // namespace techbridge
