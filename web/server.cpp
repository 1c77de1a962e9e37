#include "server.h"

#include <fstream>
#include <mutex>
#include <sstream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "access_token.h"
#include "ascii_text.h"
#include "asset_encoding.h"
#include "concept_listing.h"
#include "document_import.h"
#include "document_view.h"
#include "document_validation.h"
#include "embedded_file.h"
#include "errors.h"
#include "event_planning.h"
#include "expo_event.h"
#include "expo_planning.h"
#include "general_dictionary.h"
#include "host_check.h"
#include "http_listener.h"
#include "ingestion.h"
#include "landscape_view.h"
#include "match_csv.h"
#include "match_json.h"
#include "plan_report.h"
#include "matcher.h"
#include "request_parameters.h"
#include "search_json.h"
#include "service_context.h"
#include "service_meta.h"
#include "utf8.h"
#include "searcher.h"
#include "startup_indexing.h"
#include "worker_pool.h"

namespace techbridge {

std::span<const EmbeddedFile> web_asset_files();

namespace {

using nlohmann::json;

constexpr const char* security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// The answer to a write request without the right token.
class Unauthorized : public Error {
public:
    using Error::Error;
};

void send_json(httplib::Response& response, int status, const json& body) {
    response.status = status;
    response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& response, int status, const std::string& code, const std::string& message) {
    send_json(response, status, {{"error", {{"code", code}, {"message", message}}}});
}

/// With the remedy the error names, for a page to offer what it can do about it.
void send_error(httplib::Response& response, int status, const std::string& code, const Error& error) {
    json body = {{"error", {{"code", code}, {"message", error.what()}}}};
    if (error.remedy() != Remedy::none) body["error"]["remedy"] = to_string(error.remedy());
    send_json(response, status, body);
}

const char* content_type(std::string_view path) {
    if (path.ends_with(".html")) return "text/html; charset=utf-8";
    if (path.ends_with(".js") || path.ends_with(".mjs")) return "text/javascript; charset=utf-8";
    if (path.ends_with(".css")) return "text/css; charset=utf-8";
    if (path.ends_with(".svg")) return "image/svg+xml";
    if (path.ends_with(".json")) return "application/json; charset=utf-8";
    return "application/octet-stream";
}

/// The interface language a browser asks for in Accept-Language ("ru-RU,ru;q=0.9,en;q=0.8"):
/// the one of zh, ru, en with the highest weight, English when none is named.
std::string interface_language(const std::string& header) {
    std::string best = "en";
    double best_weight = -1;
    std::istringstream entries(header);
    std::string entry;
    while (std::getline(entries, entry, ',')) {
        const std::size_t semicolon = entry.find(';');
        std::string tag(trim(entry.substr(0, semicolon)));
        const std::string primary = lower_ascii(tag.substr(0, tag.find('-')));
        double weight = 1;
        if (semicolon != std::string::npos) {
            const std::string parameter(trim(entry.substr(semicolon + 1)));
            if (parameter.starts_with("q=")) weight = std::strtod(parameter.c_str() + 2, nullptr);
        }
        if ((primary == "zh" || primary == "ru" || primary == "en") && weight > best_weight) {
            best = primary;
            best_weight = weight;
        }
    }
    return best;
}

MatchRequest match_request(const httplib::Request& request) {
    MatchRequest match;
    match.filters = filters_from_query(request);
    match.target = match.filters.kind;
    match.filters.kind.reset();
    match.id = text_parameter(request, "id", 64);
    if (match.id.empty()) throw BadRequest("invalid_parameter", "id: give the id of a stored document");
    match.limit = number_parameter(request, "limit", 10, 1, 100);
    return match;
}

MatchRequest finder_request(const nlohmann::json& body) {
    MatchRequest match;
    match.filters = filters_from_json(body);
    const auto text = json_text_field(body, "text", 64u << 10);
    if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos)
        throw BadRequest("invalid_parameter", "text: paste the need or the offer to find partners for");
    match.text = *text;
    const std::string kind = json_text_field(body, "kind", 16).value_or("demand");
    const auto parsed = parse_document_kind(kind);
    if (!parsed || *parsed == DocumentKind::knowledge)
        throw BadRequest("invalid_parameter", "kind: use demand (the text is a need) or offer, got \"" + kind + "\"");
    match.kind = *parsed;
    match.limit = static_cast<std::size_t>(json_number_field(body, "limit", 1, 100).value_or(10));
    return match;
}

HttpLimits http_limits(const ServerOptions& options) {
    HttpLimits limits;
    limits.workers = std::max<std::size_t>(1, options.threads);
    limits.write_timeout = std::chrono::seconds(options.read_timeout_seconds);
    limits.reception.framing.max_body_bytes = options.max_body_bytes;
    limits.reception.request_timeout = std::chrono::seconds(options.read_timeout_seconds);
    limits.reception.idle_timeout = std::chrono::seconds(options.keep_alive_seconds);
    limits.reception.linger_timeout = std::chrono::seconds(options.keep_alive_seconds);
    limits.reception.max_connections = options.max_connections;
    return limits;
}

/// The participant an agenda is asked for (format ics or html).
bool starts_with_lower_case(std::string_view value, std::string_view prefix) {
    return lower_ascii(value).starts_with(prefix);
}

}  // namespace

/// What the handlers share: pooled readers, the token, the landscape cache, the writer lock.
struct ServerState {
    ServerState(const ServerOptions& options, AccessToken access, const ServiceContext& context)
        : context(context),
          read_only(options.read_only),
          // Opened now, so that a store missing at the start is reported now, an old one is
          // migrated before any reader opens it, and its file stays pinned for store_problem().
          served_store(options.paths.store_file(), read_only ? StoreAccess::read_only : StoreAccess::existing),
          token(std::move(access)),
          search_results(options.cached_searches.value_or(
              static_cast<std::size_t>(context.knowledge.search().result_cache_entries))),
          searchers([paths = options.paths, this] {
              return std::make_unique<Searcher>(paths, this->context.knowledge, this->context.dictionaries, &search_results);
          }),
          matchers([paths = options.paths, this] {
              return std::make_unique<Matcher>(paths, this->context.matching_data());
          }),
          stores([paths = options.paths] {
              return std::make_unique<DocumentStore>(paths.store_file(), StoreAccess::read_only);
          }),
          landscape(options.paths, context.matching_data()),
          startup_indexing(read_only ? nullptr : std::make_unique<StartupIndexing>(options.paths, context.knowledge)) {}

    const ServiceContext context;
    const bool read_only;  // --read-only: imports are refused
    DocumentStore served_store;  // the store the server started with; used only to watch its file
    AccessToken token;
    SearchResultCache search_results;
    WorkerPool<Searcher> searchers;
    WorkerPool<Matcher> matchers;
    WorkerPool<DocumentStore> stores;

    LandscapeView landscape;

    std::mutex writer;   // one import at a time
    std::mutex planner;  // one expo plan at a time
    /// What interrupted imports left, indexed in the background; none when read-only. Last,
    /// so that it stops before the rest goes.
    std::unique_ptr<StartupIndexing> startup_indexing;

    /// Imports wait for the start-up indexing, which holds the writer lock: a short while, as
    /// when nothing was left to index (milliseconds), then they are told to come back.
    void require_startup_indexing_done() const {
        constexpr std::chrono::milliseconds longest_wait{3000};
        if (!startup_indexing || startup_indexing->wait_until_done(longest_wait)) return;
        const StartupIndexingProgress progress = startup_indexing->progress();
        throw BusyError("the server is indexing " + std::to_string(progress.pending + progress.done) +
                        " document(s) that an interrupted import stored (" + std::to_string(progress.done) +
                        " done); try again when /api/health shows the indexing finished");
    }

    /// Why nothing may be stored: the store file was deleted or replaced since the server
    /// started (readers still read the file they opened, while an import would write to
    /// whatever the path names now). Empty while it is in place.
    std::string store_problem() const {
        if (served_store.file_in_place()) return {};
        const std::string file = served_store.file().string();
        if (!std::filesystem::exists(file)) {
            return "the document store " + file + " was deleted while the server was running: searches still read "
                   "the copy the server has open, but nothing is stored. Put the file back (restore it from a "
                   "backup) and restart the server";
        }
        return "the document store " + file + " was replaced by another file while the server was running: "
               "searches still read the one the server opened, and nothing is stored. Restart the server "
               "to use the file now in place";
    }

    /// Before storing: the server may store, its store file is in place, and what an
    /// interrupted import left is indexed.
    void require_writable() const {
        if (read_only)
            throw ReadOnlyError("this server was started with --read-only and stores nothing; check the file without "
                                "confirm=1, or restart techbridge serve without --read-only to import it");
        if (const std::string problem = store_problem(); !problem.empty()) throw StoreUnavailableError(problem);
        require_startup_indexing_done();
    }

    void require_token(const httplib::Request& request) const {
        if (!token.admits(request.get_header_value("Authorization")))
            throw Unauthorized("this action needs the access token: send it as \"Authorization: Bearer TOKEN\" "
                               "(printed by techbridge serve, or TECHBRIDGE_TOKEN)");
    }
};

Server::Server(ServerOptions options, AccessToken token, const ServiceContext& context)
    : options_(std::move(options)),
      state_(std::make_unique<ServerState>(options_, std::move(token), context)),
      http_(std::make_unique<HttpListener>(http_limits(options_))) {
    install_safety();
    install_pages();
    install_routes();
}

Server::~Server() = default;

void Server::install_safety() {
    http_->set_request_preparation([](httplib::Request& request) {
        // Range is not served: the assets are small and the answers are made per request,
        // and a list of overlapping ranges would multiply an answer (issue 13: 1,800 ranges of
        // app.js made 133 MB).
        request.ranges.clear();
        // Every body is read as it was sent, a file or JSON: httplib would parse a
        // form-encoded body into parameters (a file's text could then say confirm=1) and
        // refuse one over 8 KB. Controls come only from the URL's query.
        const std::string type = request.get_header_value("Content-Type");
        if (starts_with_lower_case(type, "application/x-www-form-urlencoded") ||
            starts_with_lower_case(type, "multipart/form-data"))
            request.headers.erase("Content-Type");
    });
    const HostCheck hosts(options_.host, options_.allowed_hosts);
    http_->set_pre_routing_handler([hosts](const httplib::Request& request, httplib::Response& response) {
        const std::string host = request.get_header_value("Host");
        if (hosts.admits(host)) return httplib::Server::HandlerResponse::Unhandled;
        send_error(response, 421, "unknown_host",
                   "this server answers for 127.0.0.1 and localhost, not for \"" + host +
                       "\"; to serve it under that name, start it with --allow-host NAME");
        return httplib::Server::HandlerResponse::Handled;
    });
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
        } catch (const Unauthorized& error) {
            response.set_header("WWW-Authenticate", "Bearer");
            send_error(response, 401, "unauthorized", error.what());
        } catch (const NotFoundError& error) {
            send_error(response, 404, "not_found", error.what());
        } catch (const InvalidBodyError& error) {
            send_error(response, 400, "invalid_body", error.what());
        } catch (const InvalidInputError& error) {
            send_error(response, 400, "invalid_parameter", error.what());
        } catch (const ReadOnlyError& error) {
            send_error(response, 403, "read_only", error.what());
        } catch (const StoreUnavailableError& error) {
            send_error(response, 503, "store_unavailable", error.what());
        } catch (const IndexError& error) {
            send_error(response, 503, "index_unavailable", error);
        } catch (const StoreError& error) {
            send_error(response, 503, "store_unavailable", error);
        } catch (const BusyError& error) {
            send_error(response, 409, "busy", error.what());
        } catch (const Xapian::DatabaseLockError&) {
            send_error(response, 409, "busy", "another import is writing to the index; try again when it has finished");
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
}

void Server::install_pages() {
    const auto assets = web_asset_files();
    const std::string from_disk = options_.assets_dir;
    auto serve_asset = [assets, from_disk](const std::string& name, const httplib::Request& request,
                                           httplib::Response& response) {
        if (!from_disk.empty()) {
            std::ifstream input(from_disk + "/" + name, std::ios::binary);
            if (input && name.find("..") == std::string::npos) {
                std::ostringstream content;
                content << input.rdbuf();
                response.set_header("Cache-Control", "no-store");
                response.set_content(content.str(), content_type(name));
                return;
            }
        }
        const std::string path = "web/assets/" + name;
        for (const auto& file : assets) {
            if (file.path != path) continue;
            // The variant compressed at build time, or the plain file (asset_encoding.h).
            serve_embedded_asset(file, content_type(path), request, response);
            return;
        }
        send_error(response, 404, "not_found", "no such file: /static/" + name);
    };
    http_->Get("/", [serve_asset](const httplib::Request& request, httplib::Response& response) {
        serve_asset("index.html", request, response);
    });
    // Only names in the build's asset list are served, so "../" leads nowhere.
    http_->Get(R"(/static/([A-Za-z0-9._-]+))", [serve_asset](const httplib::Request& request, httplib::Response& response) {
        serve_asset(request.matches[1].str(), request, response);
    });
}

void Server::install_routes() {
    // Each route answers through its handler; `this` outlives the listener (see ~Server).
    auto route = [this](void (Server::*handler)(const Request&, Response&)) {
        return [this, handler](const Request& request, Response& response) { (this->*handler)(request, response); };
    };
    http_->Get("/api/health", route(&Server::handle_health));
    http_->Get("/api/meta", route(&Server::handle_meta));
    http_->Get("/api/search", route(&Server::handle_search));
    http_->Get(R"(/api/documents/([^/]+))", route(&Server::handle_document));
    http_->Get("/api/match", route(&Server::handle_match_stored));
    http_->Post("/api/match", route(&Server::handle_match_text));
    http_->Get("/api/landscape", route(&Server::handle_landscape));
    http_->Get("/api/concepts", route(&Server::handle_concepts));
    http_->Post("/api/import", route(&Server::handle_import));
    http_->Post("/api/expo/plan", route(&Server::handle_expo_plan));
}

void Server::handle_health(const Request&, Response& response) {
    HealthReport health;
    health.store_problem = state_->store_problem();
    health.dictionaries = state_->context.dictionaries.general().status();
    if (health.store_problem.empty()) {
        health.documents = state_->stores.borrow()->document_count();
        if (state_->startup_indexing) health.indexing = state_->startup_indexing->progress();
    }
    send_json(response, health.store_problem.empty() ? 200 : 503, to_json(health));
}

void Server::handle_meta(const Request& request, Response& response) {
    send_json(response, 200, meta_json(state_->context.knowledge, interface_language(request.get_header_value("Accept-Language"))));
}

void Server::handle_search(const Request& request, Response& response) {
    SearchRequest search;
    search.query = text_parameter(request, "q");
    search.filters = filters_from_query(request);
    search.limit = number_parameter(request, "limit", 10, 0, 100);
    search.offset = number_parameter(request, "offset", 0, 0, 10000);
    search.order = order_parameter(request);
    send_json(response, 200, to_json(state_->searchers.borrow()->search(search)));
}

void Server::handle_document(const Request& request, Response& response) {
    const DocumentView view = show_document(*state_->stores.borrow(), request.matches[1].str());
    send_json(response, 200, to_json(view, state_->context.knowledge));
}

void Server::handle_match_stored(const Request& request, Response& response) {
    answer_match(match_request(request), request, response);
}

void Server::handle_match_text(const Request& request, Response& response) {
    answer_match(finder_request(json_body(request)), request, response);
}

void Server::answer_match(const MatchRequest& match, const Request& request, Response& response) {
    const MatchResult result = state_->matchers.borrow()->match(match);
    if (text_parameter(request, "format", 8) == "csv") {
        std::ostringstream csv;
        write_match_csv_header(csv);
        write_match_csv_rows(csv, result);
        response.set_header("Content-Disposition",
                            "attachment; filename=\"matches-" + (match.id.empty() ? std::string("text") : match.id) + ".csv\"");
        response.set_content(csv.str(), "text/csv; charset=utf-8");
        return;
    }
    send_json(response, 200, to_json(result, state_->context.knowledge));
}

void Server::handle_landscape(const Request&, Response& response) {
    const std::int64_t run = state_->stores.borrow()->latest_run_id();
    send_json(response, 200, state_->landscape.current(run));
}

void Server::handle_concepts(const Request& request, Response& response) {
    ConceptQuery query;
    query.sector = text_parameter(request, "sector", 64);
    query.text = text_parameter(request, "q", 256);
    const auto documents = state_->stores.borrow()->concept_document_counts();
    send_json(response, 200, to_json(list_concepts(state_->context.knowledge, documents, query)));
}

void Server::handle_import(const Request& request, Response& response) {
    state_->require_token(request);
    ImportRequest import;
    import.format = text_parameter(request, "format", 16);
    import.filename = text_parameter(request, "filename", 200);
    import.body = request.body;
    import.confirm = number_parameter(request, "confirm", 0, 0, 1) == 1;
    if (import.confirm) state_->require_writable();
    std::lock_guard lock(state_->writer);
    send_json(response, 200, to_json(import_documents(options_.paths, import, state_->context.knowledge)));
}

void Server::handle_expo_plan(const Request& request, Response& response) {
    // Planning writes nothing, but it is the organiser's action and costs seconds of CPU: token only.
    state_->require_token(request);
    const std::string format_name = text_parameter(request, "format", 8);
    const auto file_format = parse_plan_file_format(format_name);
    if (!format_name.empty() && format_name != "json" && !file_format)
        throw BadRequest("invalid_parameter", "format: use json, csv, ics or html, got \"" + format_name + "\"");
    const std::string participant = text_parameter(request, "participant", 64);
    PlannedEvent planned;
    {
        std::lock_guard lock(state_->planner);  // one plan at a time: it uses every core
        planned = plan_expo(options_.paths, state_->context, {"event", request.body});
    }
    if (!file_format) return send_json(response, 200, to_json(planned));
    const PlanFile file = plan_file(planned, *file_format, participant);
    response.set_header("Content-Disposition", "attachment; filename=\"" + file.name + "\"");
    response.set_content(file.content, file.content_type);
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
