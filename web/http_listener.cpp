#include "http_listener.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include <poll.h>
#include <sys/socket.h>

#include "request_stream.h"

namespace techbridge {

/// The threads that answer complete requests, each connection at a time.
class ConnectionWorkers {
public:
    using Work = std::function<void(std::unique_ptr<HttpConnection>)>;

    ConnectionWorkers(std::size_t count, Work work) : work_(std::move(work)) {
        for (std::size_t i = 0; i < count; ++i) threads_.emplace_back([this] { run(); });
    }
    ~ConnectionWorkers() { stop(); }

    void add(std::unique_ptr<HttpConnection> connection) {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;  // closed here
            queue_.push_back(std::move(connection));
        }
        ready_.notify_one();
    }
    /// Lets the requests being answered finish, closes the connections still queued.
    void stop() {
        {
            std::lock_guard lock(mutex_);
            if (stopping_) return;
            stopping_ = true;
            queue_.clear();
        }
        ready_.notify_all();
        for (auto& thread : threads_) thread.join();
    }

private:
    void run() {
        while (true) {
            std::unique_ptr<HttpConnection> connection;
            {
                std::unique_lock lock(mutex_);
                ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
                if (stopping_) return;
                connection = std::move(queue_.front());
                queue_.pop_front();
            }
            work_(std::move(connection));
        }
    }

    Work work_;
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::unique_ptr<HttpConnection>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

namespace {

/// httplib's accept loop enqueues a call of process_and_close_socket for each socket;
/// that only hands the socket to the reception, so it runs at once on the accepting thread.
class HandOverAtOnce : public httplib::TaskQueue {
public:
    explicit HandOverAtOnce(std::function<void()> on_shutdown) : on_shutdown_(std::move(on_shutdown)) {}
    void enqueue(std::function<void()> job) override { job(); }
    void shutdown() override { on_shutdown_(); }

private:
    std::function<void()> on_shutdown_;
};

}  // namespace

HttpListener::HttpListener(HttpLimits limits) : limits_(limits) {
    new_task_queue = [this] {
        start_serving();
        return new HandOverAtOnce([this] { stop_serving(); });
    };
    // httplib sets SO_REUSEPORT, with which a second server binds the same port and the
    // kernel shares the connections out between them; SO_REUSEADDR alone only lets a
    // restarted server bind while old connections linger in TIME_WAIT.
    set_socket_options([](socket_t socket) {
        const int yes = 1;
        ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    // httplib's own limits stay as a second line behind the reception's.
    set_payload_max_length(limits.reception.framing.max_body_bytes);
    set_keep_alive_max_count(limits.max_requests_per_connection);
    set_keep_alive_timeout(std::chrono::duration_cast<std::chrono::seconds>(limits.reception.idle_timeout).count());
}

HttpListener::~HttpListener() { stop_serving(); }

bool HttpListener::process_and_close_socket(socket_t socket) {
    reception_->admit(socket);
    return true;
}

void HttpListener::start_serving() {
    ::listen(svr_sock_, limits_.listen_backlog);  // on a listening socket, this sets its backlog anew
    workers_ = std::make_unique<ConnectionWorkers>(
        std::max<std::size_t>(1, limits_.workers),
        [this](std::unique_ptr<HttpConnection> connection) { answer(std::move(connection)); });
    reception_ = std::make_unique<ConnectionReception>(
        limits_.reception, [this](std::unique_ptr<HttpConnection> connection) { workers_->add(std::move(connection)); });
}

void HttpListener::stop_serving() {
    // The reception first: workers finishing an answer hand their connection back to it.
    if (reception_) reception_->stop();
    if (workers_) workers_->stop();
    workers_.reset();
    reception_.reset();
}

void HttpListener::answer(std::unique_ptr<HttpConnection> connection) {
    do {
        bool close_after = false;
        if (!answer_one(*connection, close_after)) return;  // the answer could not be sent: closed
        if (close_after) {
            reception_->close_after_answer(std::move(connection));
            return;
        }
    } while (connection->framing.examine(connection->received) == RequestFraming::State::complete ||
             next_request_arrived(*connection));
    if (connection->peer_closed) return;  // nothing more will come
    reception_->resume(std::move(connection));
}

bool HttpListener::next_request_arrived(HttpConnection& connection) const {
    if (!connection.received.empty() || limits_.wait_for_next_request.count() <= 0) return false;
    pollfd ready{connection.socket, POLLIN, 0};
    if (::poll(&ready, 1, static_cast<int>(limits_.wait_for_next_request.count())) <= 0) return false;
    char buffer[16384];
    const ssize_t got = ::recv(connection.socket, buffer, sizeof buffer, 0);
    if (got == 0) connection.peer_closed = true;
    if (got <= 0) return false;
    connection.received.assign(buffer, static_cast<std::size_t>(got));
    return connection.framing.examine(connection.received) == RequestFraming::State::complete;
}

bool HttpListener::answer_one(HttpConnection& connection, bool& close_after) {
    const std::size_t length = connection.framing.length();
    const bool last = ++connection.requests_answered >= limits_.max_requests_per_connection;
    bool close_requested = false;
    bool answered = false;
    try {
        RequestStream stream(connection.socket, std::string_view(connection.received).substr(0, length),
                             limits_.write_timeout);
        answered = process_request(stream, last, close_requested, [this](httplib::Request& request) {
            // The reception answered "100 Continue" before the body came; httplib would again.
            request.headers.erase("Expect");
            if (prepare_) prepare_(request);
        });
    } catch (...) {
        answered = false;  // httplib catches what handlers throw; anything else ends the connection
    }
    // Whatever httplib read of it, the request ends where its framing said.
    connection.received.erase(0, length);
    connection.framing.reset();
    connection.continue_sent = false;
    close_after = last || close_requested;
    return answered;
}

}  // namespace techbridge
