#pragma once
// Where one HTTP/1.1 request ends in the bytes a connection has received, decided before
// the request reaches httplib: so that no body is buffered beyond its limit however it is
// framed, a request that never completes can be cut off by a deadline, and the bytes after
// a request (the next, pipelined one) are kept for it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace techbridge {

struct FramingLimits {
    std::size_t max_header_bytes = 64 << 10;  // the request line and the headers
    std::size_t max_body_bytes = 1 << 20;     // the body once decoded (--max-body)
};

/// A refusal to send instead of serving the request: the status, a code and a message
/// saying what to change, sent as the JSON error of the API.
struct FramingRefusal {
    int status = 0;
    std::string code;
    std::string message;
};

/// Reads the framing of the request at the start of a connection's received bytes, as
/// they arrive. Strict where httplib is lenient, so that the two never disagree on where
/// a request ends (request smuggling): a bare line feed, a header name with spaces, a
/// folded line, two lengths, a length with chunked, or a transfer or content coding other
/// than chunked is refused. Chunked bodies are decoded only as far as their sizes.
class RequestFraming {
public:
    enum class State { incomplete, complete, refused };

    explicit RequestFraming(FramingLimits limits) : limits_(limits) {}

    /// Examines `received`: the bytes from the start of this request, which only grow
    /// between calls until reset(). Work already done is not repeated.
    State examine(std::string_view received);
    /// Forgets the request, for the next one on the connection.
    void reset() { *this = RequestFraming(limits_); }

    /// When complete: the request's length in bytes, headers and body.
    std::size_t length() const { return end_; }
    /// The headers are complete, the body is not, and the client waits for
    /// "100 Continue" before sending it.
    bool awaits_continue() const { return state_ == State::incomplete && headers_end_ > 0 && expects_continue_; }
    /// When refused: what to answer.
    const FramingRefusal& refusal() const { return refusal_; }

private:
    State examine_headers(std::string_view received);
    State read_header_fields(std::string_view block);
    State read_header_field(std::string_view line, bool& chunked, bool& has_length);
    State examine_chunks(std::string_view received);
    State refuse(int status, std::string code, std::string message);
    State too_large();

    enum class ChunkPart { size_line, data, data_end, last_line };

    FramingLimits limits_;
    State state_ = State::incomplete;
    std::size_t scanned_ = 0;      // bytes searched for the end of the headers
    std::size_t headers_end_ = 0;  // just after the blank line; 0 until found
    bool expects_continue_ = false;
    bool chunked_ = false;
    std::uint64_t content_length_ = 0;
    ChunkPart chunk_part_ = ChunkPart::size_line;
    std::size_t chunk_position_ = 0;    // where the chunked body's next part starts
    std::uint64_t chunk_remaining_ = 0; // data bytes left in the current chunk
    std::uint64_t body_bytes_ = 0;      // decoded so far
    std::size_t end_ = 0;
    FramingRefusal refusal_;
};

}  // namespace techbridge
