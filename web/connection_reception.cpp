#include "connection_reception.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "errors.h"

namespace techbridge {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t read_size = 64u << 10;
constexpr std::size_t read_per_turn = 256u << 10;  // so that one fast sender does not hold the others up

const char* reason(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 408: return "Request Timeout";
        case 413: return "Payload Too Large";
        case 415: return "Unsupported Media Type";
        case 431: return "Request Header Fields Too Large";
        case 501: return "Not Implemented";
        default: return "Error";
    }
}

/// Writes what fits into the socket's buffer now: the answers sent from here are small,
/// and a client that does not read them loses nothing it would have read.
void send_now(int socket, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t sent = ::send(socket, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (sent < 0 && errno == EINTR) continue;
        if (sent <= 0) return;
        bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
}

/// The API's JSON error as a whole response that closes the connection.
std::string error_response(const FramingRefusal& refusal) {
    const std::string body = nlohmann::json{{"error", {{"code", refusal.code}, {"message", refusal.message}}}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    return "HTTP/1.1 " + std::to_string(refusal.status) + " " + reason(refusal.status) +
           "\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\n"
           "Connection: close\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n\r\n" + body;
}

void begin_lingering(HttpConnection& connection, Clock::time_point deadline) {
    ::shutdown(connection.socket, SHUT_WR);
    connection.lingering = true;
    connection.received.clear();
    connection.deadline = deadline;
}

}  // namespace

HttpConnection::HttpConnection(int socket, FramingLimits limits, std::atomic<std::size_t>& open)
    : socket(socket), framing(limits), open_(open) {
    ++open_;
}

HttpConnection::~HttpConnection() {
    ::close(socket);
    --open_;
}

ConnectionReception::ConnectionReception(ReceptionLimits limits, Answer answer)
    : limits_(limits), answer_(std::move(answer)), buffer_(read_size) {
    wake_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wake_ < 0) throw Error("cannot create the event the HTTP server waits on");
    thread_ = std::thread([this] { run(); });
}

ConnectionReception::~ConnectionReception() {
    stop();
    ::close(wake_);
}

void ConnectionReception::admit(int socket) {
    ::fcntl(socket, F_SETFL, ::fcntl(socket, F_GETFL) | O_NONBLOCK);
    const int yes = 1;
    // Headers and body leave in separate writes: without this, Nagle waits for the
    // client's delayed acknowledgement (about 40 ms) before sending the body.
    ::setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    auto connection = std::make_unique<HttpConnection>(socket, limits_.framing, open_);
    connection->deadline = Clock::now() + limits_.request_timeout;
    hand_in(std::move(connection));
}

void ConnectionReception::resume(std::unique_ptr<HttpConnection> connection) {
    connection->deadline =
        Clock::now() + (connection->received.empty() ? limits_.idle_timeout : limits_.request_timeout);
    hand_in(std::move(connection));
}

void ConnectionReception::close_after_answer(std::unique_ptr<HttpConnection> connection) {
    begin_lingering(*connection, Clock::now() + limits_.linger_timeout);
    hand_in(std::move(connection));
}

void ConnectionReception::stop() {
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return;
        stopped_ = true;
        handed_in_.clear();
    }
    const std::uint64_t one = 1;
    (void)!::write(wake_, &one, sizeof one);
    thread_.join();
    waiting_.clear();
}

void ConnectionReception::hand_in(std::unique_ptr<HttpConnection> connection) {
    {
        std::lock_guard lock(mutex_);
        if (stopped_) return;  // closed by the destructor
        handed_in_.push_back(std::move(connection));
    }
    const std::uint64_t one = 1;
    (void)!::write(wake_, &one, sizeof one);
}

void ConnectionReception::run() {
    while (true) {
        std::vector<std::unique_ptr<HttpConnection>> arrived;
        {
            std::lock_guard lock(mutex_);
            if (stopped_) return;
            arrived.swap(handed_in_);
        }
        const auto now = Clock::now();
        for (auto& connection : arrived) place(std::move(connection), now);
        wait_for_events(now);
    }
}

void ConnectionReception::wait_for_events(Clock::time_point now) {
    std::vector<pollfd> polled{{wake_, POLLIN, 0}};
    auto earliest = now + std::chrono::seconds(1);
    for (const auto& connection : waiting_) {
        polled.push_back({connection->socket, POLLIN, 0});
        earliest = std::min(earliest, connection->deadline);
    }
    const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(earliest - now).count() + 1;
    ::poll(polled.data(), polled.size(), static_cast<int>(std::max<long long>(timeout, 0)));
    if (polled[0].revents & POLLIN) {
        std::uint64_t count = 0;
        (void)!::read(wake_, &count, sizeof count);
    }
    now = Clock::now();
    std::vector<std::unique_ptr<HttpConnection>> examined;
    for (std::size_t i = 0; i < waiting_.size(); ++i) {
        auto& connection = waiting_[i];
        if (polled[i + 1].revents != 0) {
            if (!receive(*connection, now)) {
                connection.reset();
                continue;
            }
            if (!connection->lingering) {
                examined.push_back(std::move(connection));
                continue;
            }
        }
        if (now < connection->deadline) continue;
        if (!connection->lingering && !connection->received.empty())
            send_now(connection->socket,
                     error_response({408, "timeout",
                                     "the request did not arrive in full within " +
                                         std::to_string(limits_.request_timeout.count()) + " ms"}));
        connection.reset();
    }
    std::erase(waiting_, nullptr);
    for (auto& connection : examined) place(std::move(connection), now);
}

void ConnectionReception::place(std::unique_ptr<HttpConnection> connection, Clock::time_point now) {
    if (!connection->lingering) {
        switch (connection->framing.examine(connection->received)) {
            case RequestFraming::State::complete:
                answer_(std::move(connection));
                return;
            case RequestFraming::State::refused: {
                const FramingRefusal refusal = connection->framing.refusal();
                refuse(std::move(connection), refusal, now);
                return;
            }
            case RequestFraming::State::incomplete:
                if (connection->peer_closed) return;  // it will not be completed
                if (connection->framing.awaits_continue() && !connection->continue_sent) {
                    send_now(connection->socket, "HTTP/1.1 100 Continue\r\n\r\n");
                    connection->continue_sent = true;
                }
        }
    }
    make_room();
    waiting_.push_back(std::move(connection));
}

bool ConnectionReception::receive(HttpConnection& connection, Clock::time_point now) {
    std::size_t taken = 0;
    while (taken < read_per_turn) {
        const ssize_t got = ::recv(connection.socket, buffer_.data(), buffer_.size(), 0);
        if (got == 0) {
            connection.peer_closed = true;
            return !connection.lingering &&
                   connection.framing.examine(connection.received) == RequestFraming::State::complete;
        }
        if (got < 0) return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        taken += static_cast<std::size_t>(got);
        if (connection.lingering) continue;
        if (connection.received.empty() && connection.requests_answered > 0)
            connection.deadline = now + limits_.request_timeout;  // the next request has begun
        connection.received.append(buffer_.data(), static_cast<std::size_t>(got));
        // Not beyond a complete request: the rest waits in the socket until it is answered.
        if (connection.framing.examine(connection.received) != RequestFraming::State::incomplete) return true;
    }
    return true;
}

void ConnectionReception::refuse(std::unique_ptr<HttpConnection> connection, const FramingRefusal& refusal,
                                 Clock::time_point now) {
    send_now(connection->socket, error_response(refusal));
    linger(std::move(connection), now);
}

void ConnectionReception::linger(std::unique_ptr<HttpConnection> connection, Clock::time_point now) {
    begin_lingering(*connection, now + limits_.linger_timeout);
    make_room();
    waiting_.push_back(std::move(connection));
}

void ConnectionReception::make_room() {
    if (open_ <= limits_.max_connections || waiting_.empty()) return;
    // The one nearest its deadline would be cut off soonest anyway.
    const auto nearest = std::min_element(waiting_.begin(), waiting_.end(),
                                          [](const auto& a, const auto& b) { return a->deadline < b->deadline; });
    waiting_.erase(nearest);
}

}  // namespace techbridge
