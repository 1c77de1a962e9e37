#include "http_request_framing.h"

#include <algorithm>
#include <cctype>

namespace techbridge {

namespace {

constexpr std::string_view line_end = "\r\n";
constexpr std::size_t max_chunk_size_line = 1024;  // hex digits and extensions

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trim_blanks(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

/// A character of an HTTP token (RFC 9110 5.6.2), as header names are made of.
bool is_token_character(unsigned char c) {
    return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

/// The offset of a line break that is not CR LF, or npos.
std::size_t find_bare_line_break(std::string_view block) {
    for (std::size_t i = 0; i < block.size(); ++i) {
        if (block[i] == '\n' && (i == 0 || block[i - 1] != '\r')) return i;
        if (block[i] == '\r' && (i + 1 == block.size() || block[i + 1] != '\n')) return i;
    }
    return std::string_view::npos;
}

/// A chunk size line's size (hex digits, then nothing or ";extension"), or -1.
std::int64_t chunk_size(std::string_view line) {
    std::size_t digits = 0;
    std::int64_t size = 0;
    while (digits < line.size() && std::isxdigit(static_cast<unsigned char>(line[digits]))) {
        if (digits == 15) return -1;  // more than any limit could allow
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(line[digits])));
        size = size * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
        ++digits;
    }
    if (digits == 0 || (digits < line.size() && line[digits] != ';')) return -1;
    return size;
}

}  // namespace

RequestFraming::State RequestFraming::examine(std::string_view received) {
    if (state_ != State::incomplete) return state_;
    if (headers_end_ == 0 && examine_headers(received) != State::incomplete) return state_;
    if (headers_end_ == 0) return state_;
    if (chunked_) return examine_chunks(received);
    if (received.size() - headers_end_ >= content_length_) {
        end_ = headers_end_ + static_cast<std::size_t>(content_length_);
        state_ = State::complete;
    }
    return state_;
}

RequestFraming::State RequestFraming::examine_headers(std::string_view received) {
    const std::size_t blank = received.find("\r\n\r\n", scanned_ < 3 ? 0 : scanned_ - 3);
    if (blank == std::string_view::npos) {
        scanned_ = received.size();
        if (received.size() > limits_.max_header_bytes)
            return refuse(431, "headers_too_large",
                          "the request line and headers are longer than " + std::to_string(limits_.max_header_bytes) + " bytes");
        return state_;
    }
    if (blank + 4 > limits_.max_header_bytes)
        return refuse(431, "headers_too_large",
                      "the request line and headers are longer than " + std::to_string(limits_.max_header_bytes) + " bytes");
    headers_end_ = blank + 4;
    return read_header_fields(received.substr(0, blank + 2));
}

RequestFraming::State RequestFraming::read_header_fields(std::string_view block) {
    if (find_bare_line_break(block) != std::string_view::npos)
        return refuse(400, "bad_request", "a line of the request ends without CR LF; end every line with CR LF");
    if (block.find('\0') != std::string_view::npos)
        return refuse(400, "bad_request", "the request line or a header holds a NUL byte");
    std::size_t line_start = block.find(line_end);
    if (line_start == 0) return refuse(400, "bad_request", "the request starts with an empty line");
    bool has_length = false;
    for (line_start += line_end.size(); line_start < block.size();) {
        const std::size_t line_stop = block.find(line_end, line_start);
        if (read_header_field(block.substr(line_start, line_stop - line_start), chunked_, has_length) != State::incomplete)
            return state_;
        line_start = line_stop + line_end.size();
    }
    if (chunked_ && has_length)
        return refuse(400, "bad_request", "the request has both Content-Length and Transfer-Encoding; send one of them");
    if (content_length_ > limits_.max_body_bytes) return too_large();
    chunk_position_ = headers_end_;
    return state_;
}

RequestFraming::State RequestFraming::read_header_field(std::string_view line, bool& chunked, bool& has_length) {
    if (line.front() == ' ' || line.front() == '\t')
        return refuse(400, "bad_request", "a header line starts with a space (folded lines are not accepted)");
    const std::size_t colon = line.find(':');
    const std::string_view name = line.substr(0, colon);
    if (colon == std::string_view::npos || name.empty() ||
        !std::all_of(name.begin(), name.end(), [](char c) { return is_token_character(static_cast<unsigned char>(c)); }))
        return refuse(400, "bad_request", "a header line is not \"Name: value\" with a name of letters, digits and -");
    const std::string key = lower(name);
    const std::string_view value = trim_blanks(line.substr(colon + 1));
    if (key == "content-length") {
        if (has_length) return refuse(400, "bad_request", "the request has two Content-Length headers");
        if (value.empty() || value.size() > 18 ||
            !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return refuse(400, "bad_request", "Content-Length must be a number of bytes, got \"" + std::string(value) + "\"");
        has_length = true;
        content_length_ = std::stoull(std::string(value));
    } else if (key == "transfer-encoding") {
        if (chunked) return refuse(400, "bad_request", "the request has two Transfer-Encoding headers");
        if (lower(value) != "chunked")
            return refuse(501, "not_implemented",
                          "Transfer-Encoding \"" + std::string(value) + "\" is not supported; send chunked or a Content-Length");
        chunked = true;
    } else if (key == "content-encoding") {
        // httplib would inflate a compressed body without a limit on what it inflates to.
        if (lower(value) != "identity")
            return refuse(415, "unsupported_encoding",
                          "Content-Encoding \"" + std::string(value) + "\" is not accepted; send the body uncompressed");
    } else if (key == "expect") {
        expects_continue_ = lower(value) == "100-continue";
    }
    return state_;
}

RequestFraming::State RequestFraming::examine_chunks(std::string_view received) {
    std::size_t position = chunk_position_;
    const std::size_t allowed_raw = limits_.max_body_bytes + limits_.max_body_bytes / 2 + (16u << 10);
    while (state_ == State::incomplete) {
        if (position - headers_end_ > allowed_raw) return too_large();  // a huge number of tiny chunks
        if (chunk_part_ == ChunkPart::size_line) {
            const std::size_t stop = received.find(line_end, position);
            if (stop == std::string_view::npos) {
                if (received.size() - position > max_chunk_size_line)
                    return refuse(400, "bad_request", "a chunk size line is longer than 1024 bytes");
                break;
            }
            const std::int64_t size = chunk_size(received.substr(position, stop - position));
            if (size < 0) return refuse(400, "bad_request", "a chunk size is not a hexadecimal number");
            body_bytes_ += static_cast<std::uint64_t>(size);
            if (body_bytes_ > limits_.max_body_bytes) return too_large();
            position = stop + line_end.size();
            chunk_remaining_ = static_cast<std::uint64_t>(size);
            chunk_part_ = size == 0 ? ChunkPart::last_line : ChunkPart::data;
        } else if (chunk_part_ == ChunkPart::data) {
            const std::size_t taken = static_cast<std::size_t>(std::min<std::uint64_t>(chunk_remaining_, received.size() - position));
            position += taken;
            chunk_remaining_ -= taken;
            if (chunk_remaining_ > 0) break;
            chunk_part_ = ChunkPart::data_end;
        } else {
            if (received.size() - position < line_end.size()) break;
            if (received.substr(position, line_end.size()) != line_end)
                return refuse(400, "bad_request",
                              chunk_part_ == ChunkPart::data_end ? "a chunk is longer than its size says"
                                                                 : "trailer fields after the last chunk are not accepted");
            position += line_end.size();
            if (chunk_part_ == ChunkPart::last_line) {
                end_ = position;
                state_ = State::complete;
            }
            chunk_part_ = ChunkPart::size_line;
        }
    }
    chunk_position_ = position;
    return state_;
}

RequestFraming::State RequestFraming::refuse(int status, std::string code, std::string message) {
    refusal_ = {status, std::move(code), std::move(message)};
    state_ = State::refused;
    return state_;
}

RequestFraming::State RequestFraming::too_large() {
    return refuse(413, "too_large",
                  "the request body is larger than " + std::to_string(limits_.max_body_bytes) +
                      " bytes, the server's limit (techbridge serve --max-body)");
}

}  // namespace techbridge
