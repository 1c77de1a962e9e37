#pragma once
// The HTTP server's connections while no worker answers them: new ones, idle kept-alive
// ones and those whose request is still arriving. One thread waits on all of them with
// poll(), and a connection goes to a worker only once its request has arrived in full: a
// slow or idle client holds no worker, and a request must arrive within a total deadline
// (a read timeout restarted by every byte would let one header line every few seconds
// keep a connection forever).
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "http_request_framing.h"

namespace techbridge {

struct ReceptionLimits {
    FramingLimits framing;
    /// A request's headers and body, from its first byte (from the accept for a new connection).
    std::chrono::milliseconds request_timeout{5000};
    /// Between two requests on a kept-alive connection.
    std::chrono::milliseconds idle_timeout{2000};
    /// After the last answer: reading and dropping what the client still sends.
    std::chrono::milliseconds linger_timeout{2000};
    /// Connections open at once; beyond, the waiting one nearest its deadline is closed.
    std::size_t max_connections = 512;
};

/// One client connection and what it sent that is not answered yet. Closes its socket.
struct HttpConnection {
    HttpConnection(int socket, FramingLimits limits, std::atomic<std::size_t>& open);
    ~HttpConnection();
    HttpConnection(const HttpConnection&) = delete;
    HttpConnection& operator=(const HttpConnection&) = delete;

    int socket;
    std::string received;    // from the start of the current request
    RequestFraming framing;  // of the current request
    std::size_t requests_answered = 0;
    bool continue_sent = false;  // "100 Continue" answered for the current request
    bool peer_closed = false;    // the client has sent its last byte
    bool lingering = false;      // answered for the last time; its input is dropped until it closes
    std::chrono::steady_clock::time_point deadline;

private:
    std::atomic<std::size_t>& open_;
};

class ConnectionReception {
public:
    /// Takes a connection whose request has fully arrived (called on the reception thread).
    using Answer = std::function<void(std::unique_ptr<HttpConnection>)>;

    ConnectionReception(ReceptionLimits limits, Answer answer);
    ~ConnectionReception();
    ConnectionReception(const ConnectionReception&) = delete;
    ConnectionReception& operator=(const ConnectionReception&) = delete;

    /// A socket just accepted.
    void admit(int socket);
    /// A connection back from a worker: waits for its next request (which may have begun).
    void resume(std::unique_ptr<HttpConnection> connection);
    /// A connection answered for the last time: its sending side is shut down and what the
    /// client still sends is read and dropped until it closes, so that closing with unread
    /// bytes does not reset the connection and lose the answer on its way.
    void close_after_answer(std::unique_ptr<HttpConnection> connection);
    /// Closes every connection waiting here; those handed in later are closed at once.
    void stop();

private:
    void hand_in(std::unique_ptr<HttpConnection> connection);
    void run();
    void wait_for_events(std::chrono::steady_clock::time_point now);
    void place(std::unique_ptr<HttpConnection> connection, std::chrono::steady_clock::time_point now);
    bool receive(HttpConnection& connection, std::chrono::steady_clock::time_point now);
    void refuse(std::unique_ptr<HttpConnection> connection, const FramingRefusal& refusal,
                std::chrono::steady_clock::time_point now);
    void linger(std::unique_ptr<HttpConnection> connection, std::chrono::steady_clock::time_point now);
    void make_room();

    ReceptionLimits limits_;
    Answer answer_;
    int wake_ = -1;  // an eventfd that interrupts poll() when connections are handed in
    std::atomic<std::size_t> open_{0};
    std::mutex mutex_;
    std::vector<std::unique_ptr<HttpConnection>> handed_in_;  // under mutex_
    bool stopped_ = false;                                    // under mutex_
    std::vector<std::unique_ptr<HttpConnection>> waiting_;    // the reception thread's
    std::vector<char> buffer_;                                // the reception thread's
    std::thread thread_;
};

}  // namespace techbridge
