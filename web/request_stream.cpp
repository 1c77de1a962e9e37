#include "request_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace techbridge {

namespace {

void describe_address(const sockaddr_storage& address, std::string& ip, int& port) {
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET) {
        const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
        ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
        port = ntohs(v4.sin_port);
    } else if (address.ss_family == AF_INET6) {
        const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
        ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
        port = ntohs(v6.sin6_port);
    }
    ip = text;
}

}  // namespace

bool RequestStream::is_writable() const { return wait_writable(); }

ssize_t RequestStream::read(char* destination, size_t size) {
    const std::size_t taken = std::min(size, request_.size() - read_);
    std::memcpy(destination, request_.data() + read_, taken);
    read_ += taken;
    return static_cast<ssize_t>(taken);
}

ssize_t RequestStream::write(const char* source, size_t size) {
    if (write_deadline_ == std::chrono::steady_clock::time_point{})
        write_deadline_ = std::chrono::steady_clock::now() + write_timeout_;
    while (true) {
        const ssize_t sent = ::send(socket_, source, size, MSG_NOSIGNAL);
        if (sent >= 0) return sent;
        if (errno == EINTR) continue;
        if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_writable()) return -1;
    }
}

bool RequestStream::wait_writable() const {
    const auto now = std::chrono::steady_clock::now();
    if (write_deadline_ == std::chrono::steady_clock::time_point{}) write_deadline_ = now + write_timeout_;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(write_deadline_ - now).count();
    if (left <= 0) return false;
    pollfd ready{socket_, POLLOUT, 0};
    return ::poll(&ready, 1, static_cast<int>(left)) > 0 && (ready.revents & (POLLERR | POLLHUP)) == 0;
}

void RequestStream::get_remote_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) describe_address(address, ip, port);
}

void RequestStream::get_local_ip_and_port(std::string& ip, int& port) const {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length) == 0) describe_address(address, ip, port);
}

}  // namespace techbridge
