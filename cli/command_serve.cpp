#include <csignal>
#include <iostream>

#include "arguments.h"
#include "commands.h"
#include "general_dictionary.h"
#include "search_index.h"
#include "server.h"

namespace techbridge::cli {

namespace {

const CommandSpec serve_spec{
    "serve",
    "usage: techbridge serve --db DIR [--host 127.0.0.1] [--port 8080] [--threads N]\n"
    "\n"
    "Serves the web interface and the JSON API (GET /api/search?q=...). Listens on\n"
    "127.0.0.1 unless --host says otherwise.\n",
    {"db", "host", "port", "threads"},
    {}};

Server* running_server = nullptr;

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
    options.paths = StoragePaths{args.required("db")};
    options.host = args.value("host").value_or("127.0.0.1");
    options.port = static_cast<int>(args.number("port", 8080, 0, 65535));
    options.threads = static_cast<std::size_t>(args.number("threads", 4, 1, 256));
    open_index_for_reading(options.paths.index_dir());  // fail now, with advice, rather than on the first search

    Server server(options);
    const int port = server.bind();
    running_server = &server;
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    std::cout << "dictionaries: " << GeneralDictionary::shared().status() << '\n';
    std::cout << "TechBridge is serving http://" << options.host << ":" << port << "/  (Ctrl-C stops it)" << std::endl;
    server.serve();
    running_server = nullptr;
    return exit_ok;
}

}  // namespace techbridge::cli
