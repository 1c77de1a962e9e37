#pragma once
// The httplib::Stream that one request is served through: httplib reads the request from
// the bytes already received for it and writes its answer to the connection's socket.
#include <chrono>
#include <string>
#include <string_view>

#include <httplib.h>

namespace techbridge {

class RequestStream final : public httplib::Stream {
public:
    /// `request` is exactly one request (headers and body): reading ends with it, so the
    /// bytes after it stay for the next request. Writing the answer may take `write_timeout`
    /// from its first byte; the socket is non-blocking.
    RequestStream(int socket, std::string_view request, std::chrono::milliseconds write_timeout)
        : socket_(socket), request_(request), write_timeout_(write_timeout) {}

    bool is_readable() const override { return read_ < request_.size(); }
    bool is_writable() const override;
    ssize_t read(char* destination, size_t size) override;
    ssize_t write(const char* source, size_t size) override;
    void get_remote_ip_and_port(std::string& ip, int& port) const override;
    void get_local_ip_and_port(std::string& ip, int& port) const override;
    int socket() const override { return socket_; }

private:
    /// Waits until the socket takes more bytes; false when the write deadline passed.
    bool wait_writable() const;

    int socket_;
    std::string_view request_;
    std::size_t read_ = 0;
    std::chrono::milliseconds write_timeout_;
    mutable std::chrono::steady_clock::time_point write_deadline_{};  // set by the first write
};

}  // namespace techbridge
