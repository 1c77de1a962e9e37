// Fuzz target: the bytes a client sends, as one write and as many small ones. Framing must
// not crash, must decide the same whichever way the bytes arrive (a disagreement is what
// request smuggling feeds on), and a complete request must end within what was received.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http_request_framing.h"

namespace {

techbridge::FramingLimits small_limits() {
    techbridge::FramingLimits limits;
    limits.max_header_bytes = 4096;
    limits.max_body_bytes = 8192;
    return limits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t step = 1 + data[0] % 16;  // the size of each arriving piece
    const std::string_view received(reinterpret_cast<const char*>(data) + 1, size - 1);

    techbridge::RequestFraming whole(small_limits());
    const auto at_once = whole.examine(received);

    techbridge::RequestFraming pieces(small_limits());
    auto in_pieces = techbridge::RequestFraming::State::incomplete;
    for (std::size_t end = std::min(step, received.size());; end = std::min(end + step, received.size())) {
        in_pieces = pieces.examine(received.substr(0, end));
        if (in_pieces != techbridge::RequestFraming::State::incomplete || end == received.size()) break;
    }
    if (at_once != in_pieces) std::abort();
    if (at_once == techbridge::RequestFraming::State::complete &&
        (whole.length() > received.size() || whole.length() != pieces.length()))
        std::abort();
    if (at_once == techbridge::RequestFraming::State::refused &&
        (whole.refusal().status != pieces.refusal().status || whole.refusal().status < 400))
        std::abort();
    return 0;
}
