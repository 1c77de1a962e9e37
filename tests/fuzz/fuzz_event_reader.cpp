// Fuzz target: an expo event file; a refusal must be an InvalidInputError, nothing else.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "errors.h"
#include "expo_event.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)techbridge::read_expo_event("fuzz.json", std::string_view(reinterpret_cast<const char*>(data), size));
    } catch (const techbridge::InvalidInputError&) {
    }
    return 0;
}
