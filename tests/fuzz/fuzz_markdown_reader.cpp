// Fuzz target: a Markdown document with a front-matter header, read and validated.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "document_validation.h"
#include "markdown_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto content = techbridge::read_markdown_document("fuzz.md", text);
    for (const auto& record : content.records) (void)techbridge::parse_document(record.fields);
    return 0;
}
