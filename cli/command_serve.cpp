#include <csignal>
#include <cstdio>
#include <iostream>
#include <random>

#include "arguments.h"
#include "commands.h"
#include "dictionaries.h"
#include "general_dictionary.h"
#include "search_index.h"
#include "access_token.h"
#include "server.h"
#include "service_context.h"
#include "store_access.h"

namespace techbridge::cli {

namespace {

const CommandSpec serve_spec{
    "serve",
    "usage: techbridge serve --db DIR [--host 127.0.0.1] [--port 8080] [--threads N]\n"
    "                        [--max-body BYTES] [--allow-host NAME]... [--assets-dir DIR]\n"
    "                        [--cached-searches N] [--read-only]\n"
    "\n"
    "Serves the web interface and the JSON API (docs/api.md). Listens on 127.0.0.1 unless\n"
    "--host says otherwise. Imports need the access token: TECHBRIDGE_TOKEN, or the one\n"
    "kept in DIR/token (made at the first start and printed).\n"
    "\n"
    "  --threads N       requests answered at once (default 16); idle and slow\n"
    "                    connections wait without a thread, and a request must arrive\n"
    "                    in full within 5 s\n"
    "  --max-body BYTES  the largest request body, e.g. an uploaded file (default 1048576)\n"
    "  --allow-host NAME on a loopback address, answer requests for NAME too (say the\n"
    "                    name of a proxy in front); others than 127.0.0.1, localhost and\n"
    "                    [::1] get 421. Repeatable. Not checked on other addresses\n"
    "  --cached-searches N  search results kept for repeated requests (default from\n"
    "                    corpus/search.json; 0 turns the cache off)\n"
    "  --index LOCS      the index split into shards: folders or tcp://host:port of\n"
    "                    xapian-tcpsrv, comma-separated (documents still come from --db)\n"
    "  --assets-dir DIR  serve the page's files from DIR (e.g. web/assets) instead of the\n"
    "                    copies built in, for working on the page\n"
    "  --read-only       store nothing: imports are refused (checking a file still works);\n"
    "                    DIR may be a read-only folder\n",
    {"db", "host", "port", "threads", "max-body", "allow-host", "assets-dir", "index", "cached-searches"},
    {"read-only"}};

/// The --allow-host names: host names as a browser sends them in Host, without a port.
std::vector<std::string> allowed_host_names(const Arguments& args) {
    std::vector<std::string> names = args.values("allow-host");
    for (const auto& name : names)
        if (name.empty() || name.find_first_of(":/ @") != std::string::npos)
            throw UsageError("--allow-host takes a host name without port or path, such as techbridge.example.org; got \"" +
                             name + "\"");
    return names;
}

Server* running_server = nullptr;

/// The token of a read-only server: TECHBRIDGE_TOKEN or DIR/token as usual, or, when DIR is
/// read-only and has none this process may read, one made for this run (expo planning needs one).
AccessToken read_only_token(const StoragePaths& paths) {
    try {
        return AccessToken::for_database(paths);
    } catch (const Error&) {
        std::random_device random;
        std::string secret;
        for (int i = 0; i < 8; ++i) {
            char part[9];
            std::snprintf(part, sizeof part, "%08x", random());
            secret += part;
        }
        return AccessToken(secret);
    }
}

extern "C" void stop_on_signal(int) {
    if (running_server) running_server->stop();
}

}  // namespace

int run_serve(int argc, char** argv) {
    const auto parsed = Arguments::parse_or_help(serve_spec, argc, argv);
    if (!parsed) return exit_ok;
    const Arguments& args = *parsed;
    if (!args.positional().empty()) throw UsageError("unexpected argument \"" + args.positional().front() + "\"");
    ServerOptions options;
    options.paths = storage_paths(args);
    options.host = args.value("host").value_or("127.0.0.1");
    options.port = static_cast<int>(args.number("port", 8080, 0, 65535));
    options.threads = static_cast<std::size_t>(args.number("threads", 16, 1, 256));
    options.max_body_bytes = static_cast<std::size_t>(args.number("max-body", 1 << 20, 1024, 256 << 20));
    options.allowed_hosts = allowed_host_names(args);
    options.assets_dir = args.value("assets-dir").value_or("");
    if (args.value("cached-searches"))
        options.cached_searches = static_cast<std::size_t>(args.number("cached-searches", 0, 0, 1000000));
    options.read_only = args.flag("read-only");
    open_index_for_reading(options.paths);  // fail now, with advice, rather than on the first search

    AccessToken token = options.read_only ? read_only_token(options.paths) : AccessToken::for_database(options.paths);
    const std::string token_origin = token.origin();
    const std::string secret = token.secret();
    Server server(options, std::move(token), ServiceContext::builtin());
    const int port = server.bind();
    running_server = &server;
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    std::cout << "dictionaries: " << Dictionaries::installed().general().status() << '\n';
    const char* token_use = options.read_only ? "access token for expo planning: " : "access token for imports: ";
    if (token_origin == "TECHBRIDGE_TOKEN") std::cout << token_use << "from TECHBRIDGE_TOKEN\n";
    else if (token_origin.empty()) std::cout << token_use << secret << "  (for this run only: " << options.paths.root.string() << " is read-only)\n";
    else std::cout << token_use << secret << "  (kept in " << token_origin << ")\n";
    if (options.read_only) std::cout << "read-only: imports are refused\n";
    std::cout << "TechBridge is serving http://" << options.host << ":" << port << "/  (Ctrl-C stops it)" << std::endl;
    server.serve();
    running_server = nullptr;
    return exit_ok;
}

}  // namespace techbridge::cli
