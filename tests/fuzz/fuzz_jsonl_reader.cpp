// Fuzz target: a JSON Lines file read and every record validated as a document.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "document_validation.h"
#include "jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream input(std::string(reinterpret_cast<const char*>(data), size));
    const auto content = techbridge::read_json_lines("fuzz.jsonl", input);
    for (const auto& record : content.records) (void)techbridge::parse_document(record.fields);
    return 0;
}
