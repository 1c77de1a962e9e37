#pragma once
// Reads a document written as Markdown under a small front-matter header.
#include <string>
#include <string_view>

#include "source_record.h"

namespace techbridge {

/// Parses `content` (the whole file at `path`):
///
///     ---
///     id: off-ru-001
///     kind: offer
///     title: ...
///     sectors: lasers-photonics, oil-gas
///     ---
///     Body text...
///
/// One `key: value` per header line (the value is the rest of the line; `#` starts a
/// comment line); everything after the closing `---` is the body. Gives one record, or
/// the problems that prevent reading it, each with its line.
SourceFileContent read_markdown_document(const std::string& path, std::string_view content);

}  // namespace techbridge
