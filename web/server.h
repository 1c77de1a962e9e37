#pragma once
// The embedded HTTP server: the web page and the JSON API (docs/api.md). It translates
// requests into calls of the use cases (service/) and holds no logic of its own.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storage_paths.h"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace techbridge {

class AccessToken;
struct MatchRequest;
struct ServiceContext;
class HttpListener;
struct ServerState;

struct ServerOptions {
    StoragePaths paths;
    std::string host = "127.0.0.1";  // loopback unless told otherwise
    /// Host names a loopback server answers besides loopback's own (--allow-host).
    std::vector<std::string> allowed_hosts;
    int port = 8080;                 // 0 picks a free port
    /// Requests answered at once. A connection holds a thread only while its request, fully
    /// arrived, is answered: idle and slow connections wait without one.
    std::size_t threads = 16;
    std::size_t max_body_bytes = 1u << 20;  // however the body is framed (length or chunks)
    int keep_alive_seconds = 2;             // an idle kept-alive connection is closed after
    /// A request's headers and body must arrive within this, from its first byte (or from
    /// the connection's opening); writing an answer may take as long.
    int read_timeout_seconds = 5;
    /// Connections open at once; beyond, the waiting one nearest its deadline is closed.
    std::size_t max_connections = 512;
    /// Search results kept for repeated requests; unset: corpus/search.json's result_cache_entries.
    std::optional<std::size_t> cached_searches;
    /// Serve web/assets from this folder instead of the copies built in (development).
    std::string assets_dir;
    /// Store nothing: imports are refused, the store is opened read-only (so a read-only
    /// database directory can be served) and no indexing work is started.
    bool read_only = false;
};

class Server {
public:
    /// `context`: the knowledge and settings every request is answered with.
    Server(ServerOptions options, AccessToken token, const ServiceContext& context);
    ~Server();

    /// Binds the socket; returns the port (useful with port 0). Throws Error when the
    /// address is taken or invalid.
    int bind();
    /// Serves until stop(); call after bind().
    void serve();
    void stop();

private:
    void install_safety();
    void install_pages();
    void install_routes();

    // One handler per route: each parses the request into a use case's request, calls it
    // and writes its result (service/); errors are typed and answered by install_safety.
    using Request = httplib::Request;
    using Response = httplib::Response;
    void handle_health(const Request& request, Response& response);
    void handle_meta(const Request& request, Response& response);
    void handle_search(const Request& request, Response& response);
    void handle_document(const Request& request, Response& response);
    void handle_match_stored(const Request& request, Response& response);
    void handle_match_text(const Request& request, Response& response);
    void handle_landscape(const Request& request, Response& response);
    void handle_concepts(const Request& request, Response& response);
    void handle_import(const Request& request, Response& response);
    void handle_expo_plan(const Request& request, Response& response);
    void answer_match(const MatchRequest& match, const Request& request, Response& response);

    ServerOptions options_;
    std::unique_ptr<ServerState> state_;
    std::unique_ptr<HttpListener> http_;
};

}  // namespace techbridge
