#include "server.h"

#include <charconv>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "embedded_file.h"
#include "errors.h"
#include "search_json.h"
#include "searcher_pool.h"
#include "utf8.h"

namespace techbridge {

std::span<const EmbeddedFile> web_asset_files();

namespace {

using nlohmann::json;

constexpr const char* security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// A request the client got wrong, answered with 400 and a message naming the parameter.
class BadRequest : public Error {
public:
    BadRequest(std::string code, const std::string& message) : Error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

void send_json(httplib::Response& response, int status, const json& body) {
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message) {
    send_json(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

std::string text_parameter(const httplib::Request& request, const char* name, std::size_t max_bytes = 2048) {
    if (!request.has_param(name)) return {};
    std::string value = request.get_param_value(name);
    if (find_invalid_utf8(value)) throw BadRequest("invalid_parameter", std::string(name) + ": not valid UTF-8");
    if (value.size() > max_bytes)
        throw BadRequest("invalid_parameter", std::string(name) + ": longer than " + std::to_string(max_bytes) + " bytes");
    return value;
}

std::size_t number_parameter(const httplib::Request& request, const char* name, std::size_t fallback,
                             std::size_t max) {
    const std::string text = text_parameter(request, name, 16);
    if (text.empty()) return fallback;
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value > max)
        throw BadRequest("invalid_parameter", std::string(name) + ": expected a whole number from 0 to " +
                                                  std::to_string(max) + ", got \"" + text + "\"");
    return value;
}

SearchRequest search_request(const httplib::Request& request) {
    SearchRequest search;
    search.query = text_parameter(request, "q");
    if (const std::string kind = text_parameter(request, "kind"); !kind.empty()) {
        search.filters.kind = parse_document_kind(kind);
        if (!search.filters.kind)
            throw BadRequest("invalid_parameter", "kind: use offer, demand or knowledge, got \"" + kind + "\"");
    }
    if (const std::string lang = text_parameter(request, "lang"); !lang.empty()) {
        search.filters.lang = parse_language(lang);
        if (!search.filters.lang) throw BadRequest("invalid_parameter", "lang: use zh, ru or en, got \"" + lang + "\"");
    }
    search.filters.sector = text_parameter(request, "sector", 64);
    search.filters.region = text_parameter(request, "region", 64);
    search.limit = number_parameter(request, "limit", 10, 100);
    search.offset = number_parameter(request, "offset", 0, 10000);
    return search;
}

}  // namespace

Server::Server(ServerOptions options)
    : options_(std::move(options)),
      searchers_(std::make_unique<SearcherPool>(options_.paths)),
      http_(std::make_unique<httplib::Server>()) {
    const std::size_t threads = std::max<std::size_t>(1, options_.threads);
    http_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    http_->set_keep_alive_timeout(options_.keep_alive_seconds);
    http_->set_keep_alive_max_count(100);
    http_->set_read_timeout(options_.read_timeout_seconds, 0);
    http_->set_write_timeout(options_.read_timeout_seconds, 0);
    http_->set_payload_max_length(options_.max_body_bytes);
    install_routes();
}

Server::~Server() = default;

void Server::install_routes() {
    http_->set_post_routing_handler([](const httplib::Request&, httplib::Response& response) {
        response.set_header("Content-Security-Policy", security_policy);
        response.set_header("X-Content-Type-Options", "nosniff");
        response.set_header("Referrer-Policy", "no-referrer");
        response.set_header("X-Frame-Options", "DENY");
    });
    http_->set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const BadRequest& error) {
            send_error(response, 400, error.code(), error.what());
        } catch (const InvalidInputError& error) {
            send_error(response, 400, "invalid_parameter", error.what());
        } catch (const IndexError& error) {
            send_error(response, 503, "index_unavailable", error.what());
        } catch (const std::exception& error) {
            send_error(response, 500, "internal", error.what());
        } catch (...) {
            send_error(response, 500, "internal", "unexpected failure");
        }
    });
    http_->set_error_handler([](const httplib::Request& request, httplib::Response& response) {
        if (!response.body.empty()) return;
        const int status = response.status;
        if (status == 404) send_error(response, 404, "not_found", "no such page or endpoint: " + request.path);
        else if (status == 413) send_error(response, 413, "too_large", "the request body is too large");
        else send_error(response, status, "http_" + std::to_string(status), "the request could not be served (HTTP " + std::to_string(status) + ")");
    });

    const auto assets = web_asset_files();
    auto serve_asset = [assets](const std::string& path, const char* type) {
        return [assets, path, type](const httplib::Request& request, httplib::Response& response) {
            for (const auto& file : assets) {
                if (file.path != path) continue;
                std::string etag(1, '"');
                etag.append(file.sha256.substr(0, 16)).push_back('"');
                response.set_header("ETag", etag);
                response.set_header("Cache-Control", "no-cache");
                if (request.get_header_value("If-None-Match") == etag) {
                    response.status = 304;
                    return;
                }
                response.set_content(std::string(file.content), type);
                return;
            }
            send_error(response, 404, "not_found", "asset missing from this build: " + path);
        };
    };
    http_->Get("/", serve_asset("web/assets/index.html", "text/html; charset=utf-8"));
    http_->Get("/static/app.js", serve_asset("web/assets/app.js", "text/javascript; charset=utf-8"));
    http_->Get("/static/style.css", serve_asset("web/assets/style.css", "text/css; charset=utf-8"));

    http_->Get("/api/health", [](const httplib::Request&, httplib::Response& response) {
        send_json(response, 200, {{"status", "ok"}});
    });
    http_->Get("/api/search", [this](const httplib::Request& request, httplib::Response& response) {
        const SearchRequest search = search_request(request);
        auto searcher = searchers_->borrow();
        send_json(response, 200, to_json(searcher->search(search)));
    });
}

int Server::bind() {
    int port = options_.port;
    if (port == 0) {
        port = http_->bind_to_any_port(options_.host);
    } else if (!http_->bind_to_port(options_.host, port)) {
        port = -1;
    }
    if (port < 0) {
        throw Error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                    " (address in use or not valid); choose another with --host/--port");
    }
    return port;
}

void Server::serve() { http_->listen_after_bind(); }

void Server::stop() { http_->stop(); }

}  // namespace techbridge
