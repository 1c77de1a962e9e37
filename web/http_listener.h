#pragma once
// httplib's server with its own handling of connections (issue 13). httplib gives each
// connection a worker thread from accept to close and reads with a timeout that every byte
// restarts, so slow or idle clients can hold every worker; it reads chunked bodies without
// a limit; and it drops requests pipelined behind another (each request gets a new read
// buffer). Here a reception thread holds the connections until a request has fully
// arrived within a total deadline (connection_reception.h), and only then a worker answers
// it through httplib's request processing, from the bytes received (request_stream.h).
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

#include <httplib.h>

#include "connection_reception.h"

namespace techbridge {

class ConnectionWorkers;

struct HttpLimits {
    ReceptionLimits reception;
    std::size_t workers = 16;                      // requests answered at once
    std::size_t max_requests_per_connection = 100;  // then the connection is closed
    std::chrono::milliseconds write_timeout{5000};  // writing one answer
    /// Connections the kernel completes before they are accepted (httplib listens with 5:
    /// a burst of connections beyond it waits a second for the SYN to be sent again).
    int listen_backlog = 511;
    /// How long a worker that answered waits for the same client's next request before it
    /// hands the connection back: a client that sends it at once (most keep-alive clients
    /// under load) is then answered without a trip through the reception thread.
    std::chrono::milliseconds wait_for_next_request{2};
};

class HttpListener : public httplib::Server {
public:
    explicit HttpListener(HttpLimits limits);
    ~HttpListener() override;

    /// Called with every request after httplib has read its headers, before routing.
    void set_request_preparation(std::function<void(httplib::Request&)> prepare) { prepare_ = std::move(prepare); }

private:
    /// httplib's accept loop hands each socket here (a private virtual of httplib::Server).
    bool process_and_close_socket(socket_t socket) override;
    void start_serving();
    void stop_serving();
    /// On a worker: answers the connection's complete requests, in the order they came.
    void answer(std::unique_ptr<HttpConnection> connection);
    bool answer_one(HttpConnection& connection, bool& close_after);
    /// Waits wait_for_next_request for the client's next request; true when it came in full.
    bool next_request_arrived(HttpConnection& connection) const;

    HttpLimits limits_;
    std::function<void(httplib::Request&)> prepare_;
    std::unique_ptr<ConnectionReception> reception_;
    std::unique_ptr<ConnectionWorkers> workers_;
};

}  // namespace techbridge
