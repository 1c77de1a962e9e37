// Time per request for a web asset (app.js by default) from a running `techbridge serve`,
// asked for brotli, gzip and no compression in turn, one keep-alive connection, requests
// one after another, so each figure is the server's time to answer plus the loopback
// transfer. Compressing per request made the compressed ones 70-150 ms (issue 15); the
// variants made at build time should cost about what the plain file does.
//
//   build/bench/asset_serving [--port 8080] [--host 127.0.0.1] [--path /static/app.js] [--requests N]
//
// Prints per encoding: the Content-Encoding the server chose, the bytes sent, and the mean,
// median and 99th percentile of the time per request.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <string>
#include <vector>

#include <httplib.h>

using Clock = std::chrono::steady_clock;

namespace {

struct Settings {
    std::string host = "127.0.0.1";
    int port = 8080;
    std::string path = "/static/app.js";
    int requests = 100;
};

Settings parse_arguments(int argc, char** argv) {
    Settings settings;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--host")) settings.host = argv[i + 1];
        else if (!std::strcmp(argv[i], "--port")) settings.port = std::atoi(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--path")) settings.path = argv[i + 1];
        else if (!std::strcmp(argv[i], "--requests")) settings.requests = std::max(1, std::atoi(argv[i + 1]));
        else {
            std::fprintf(stderr, "asset_serving: unknown option %s (see the comment at the top of bench/asset_serving.cpp)\n", argv[i]);
            std::exit(2);
        }
    }
    return settings;
}

struct Measurement {
    std::string content_encoding;
    std::size_t bytes = 0;
    std::vector<double> milliseconds;

    double percentile(double p) const {
        std::vector<double> sorted = milliseconds;
        std::sort(sorted.begin(), sorted.end());
        return sorted[static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1))];
    }
    double mean() const {
        return std::accumulate(milliseconds.begin(), milliseconds.end(), 0.0) / static_cast<double>(milliseconds.size());
    }
};

/// `requests` GETs of the asset with `accept_encoding` (none when empty), after a few
/// unmeasured ones that open the connection and warm the server.
Measurement measure(const Settings& settings, const std::string& accept_encoding) {
    httplib::Client client(settings.host, settings.port);
    client.set_keep_alive(true);
    client.set_decompress(false);  // the server's time is measured, not the client's decoding
    client.set_read_timeout(30, 0);
    httplib::Headers headers;
    if (!accept_encoding.empty()) headers.emplace("Accept-Encoding", accept_encoding);
    Measurement measurement;
    for (int i = -3; i < settings.requests; ++i) {
        const auto start = Clock::now();
        const auto response = client.Get(settings.path, headers);
        const double elapsed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        if (!response || response->status != 200) {
            std::fprintf(stderr, "asset_serving: GET http://%s:%d%s failed (%s): start `techbridge serve` or pass its --port\n",
                         settings.host.c_str(), settings.port, settings.path.c_str(),
                         response ? std::to_string(response->status).c_str() : httplib::to_string(response.error()).c_str());
            std::exit(1);
        }
        if (i < 0) continue;
        measurement.content_encoding = response->get_header_value("Content-Encoding");
        measurement.bytes = response->body.size();
        measurement.milliseconds.push_back(elapsed);
    }
    return measurement;
}

}  // namespace

int main(int argc, char** argv) {
    const Settings settings = parse_arguments(argc, argv);
    std::printf("GET http://%s:%d%s, %d requests per encoding, one connection\n", settings.host.c_str(), settings.port,
                settings.path.c_str(), settings.requests);
    std::printf("%-16s %-17s %8s %10s %10s %10s\n", "Accept-Encoding", "Content-Encoding", "bytes", "mean ms", "p50 ms",
                "p99 ms");
    for (const std::string accept : {"br", "gzip", ""}) {
        const Measurement measurement = measure(settings, accept);
        std::printf("%-16s %-17s %8zu %10.3f %10.3f %10.3f\n", accept.empty() ? "(none)" : accept.c_str(),
                    measurement.content_encoding.empty() ? "(none)" : measurement.content_encoding.c_str(),
                    measurement.bytes, measurement.mean(), measurement.percentile(0.5), measurement.percentile(0.99));
    }
}
