// Hardening tests (issue 13): each reproduces a finding and fails without its fix.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <sys/socket.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "access_token.h"
#include "errors.h"
#include "http_request_framing.h"
#include "process_support.h"
#include "running_server.h"

using namespace techbridge;
using namespace techbridge::testing;
using namespace std::chrono_literals;

namespace {

/// Sends all of `data`; false when the server closed the connection first.
bool send_all(int fd, std::string_view data) {
    while (!data.empty()) {
        const ssize_t sent = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (sent <= 0) return false;
        data.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
}

/// Everything the server sends until it closes the connection or `patience` has passed.
std::string receive_until_closed(int fd, std::chrono::milliseconds patience) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    std::string received;
    char buffer[16384];
    while (true) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left <= 0ms) break;
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) break;
        const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
        if (got <= 0) break;
        received.append(buffer, static_cast<std::size_t>(got));
    }
    return received;
}

struct RawResponse {
    int status = 0;
    std::string headers;
    std::string body;
};

/// The responses in `stream`, one after the other, each framed by its Content-Length.
std::vector<RawResponse> split_responses(std::string_view stream) {
    std::vector<RawResponse> responses;
    while (stream.starts_with("HTTP/1.1 ")) {
        const std::size_t end_of_headers = stream.find("\r\n\r\n");
        if (end_of_headers == std::string_view::npos) break;
        RawResponse response;
        response.status = std::atoi(std::string(stream.substr(9, 3)).c_str());
        response.headers = std::string(stream.substr(0, end_of_headers));
        std::size_t length = 0;
        const std::size_t field = response.headers.find("Content-Length: ");
        if (field != std::string::npos) length = std::strtoul(response.headers.c_str() + field + 16, nullptr, 10);
        const std::size_t start = end_of_headers + 4;
        response.body = std::string(stream.substr(start, length));
        responses.push_back(std::move(response));
        stream.remove_prefix(std::min(stream.size(), start + length));
    }
    return responses;
}

/// The process's peak resident memory in KiB since the last reset_peak_memory().
long peak_memory_kib() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with("VmHWM:")) return std::atol(line.c_str() + 6);
    return -1;
}

bool reset_peak_memory() {
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear.flush());
}

/// Clients that start a request and then send one header line every four seconds, so
/// that a read timeout restarted by every byte (five seconds) never fires. A connection
/// the server cuts off is opened again at once: the pressure stays at `count` sockets.
class SlowClients {
public:
    SlowClients(int port, std::size_t count) : port_(port), sockets_(count, -1) {
        for (int& fd : sockets_) fd = open_one();
        thread_ = std::thread([this] { trickle(); });
    }
    ~SlowClients() {
        stopping_ = true;
        thread_.join();
        for (const int fd : sockets_)
            if (fd >= 0) ::close(fd);
    }
    std::size_t reopened() const { return reopened_; }

private:
    int open_one() const {
        const int fd = connect_loopback(port_);
        if (fd >= 0) send_all(fd, "GET /api/search?q=slow HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        return fd;
    }
    void trickle() {
        auto next_line = std::chrono::steady_clock::now() + 4s;
        int line = 0;
        while (!stopping_) {
            std::this_thread::sleep_for(100ms);
            for (int& fd : sockets_) {
                char ignored[512];
                const ssize_t got = fd < 0 ? 0 : ::recv(fd, ignored, sizeof ignored, MSG_DONTWAIT);
                if (got >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {  // answered or cut off
                    if (fd >= 0) ::close(fd);
                    fd = open_one();
                    ++reopened_;
                }
            }
            if (std::chrono::steady_clock::now() < next_line) continue;
            next_line += 4s;
            const std::string header = "X-Slow-" + std::to_string(++line) + ": 1\r\n";
            for (const int fd : sockets_)
                if (fd >= 0) send_all(fd, header);
        }
    }

    int port_;
    std::vector<int> sockets_;
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> reopened_{0};
    std::thread thread_;
};

/// Five /api/health probes two seconds apart while `slow` sockets trickle; returns how long
/// each took in milliseconds (10,000 for one that got no answer within two seconds).
std::vector<long> probe_health_among_slow_clients(std::size_t slow) {
    RunningServer server;
    REQUIRE(server.client().Get("/api/health"));  // the first loads the dictionaries
    SlowClients clients(server.port(), slow);
    std::vector<long> took;
    for (int probe = 0; probe < 5; ++probe) {
        std::this_thread::sleep_for(probe == 0 ? 500ms : 2s);
        httplib::Client client("127.0.0.1", server.port());
        client.set_connection_timeout(2, 0);
        client.set_read_timeout(2, 0);
        const auto start = std::chrono::steady_clock::now();
        const auto response = client.Get("/api/health");
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        took.push_back(response && response->status == 200 ? elapsed.count() : 10000);
    }
    MESSAGE("health with ", slow, " slow sockets (ms): ", took[0], " ", took[1], " ", took[2], " ", took[3], " ",
            took[4], "; slow sockets reopened after a cut-off: ", clients.reopened());
    return took;
}

/// A loopback port nothing listens on just now.
int free_loopback_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    ::close(fd);
    return ntohs(address.sin_port);
}

/// The items one per line, so that a failed comparison shows them.
template <typename Items>
std::string listed(const Items& items) {
    std::ostringstream out;
    for (const auto& item : items) out << item << '\n';
    return out.str();
}

std::string jsonl_line(const std::string& id, const std::string& body) {
    return nlohmann::json{{"id", id}, {"kind", "offer"}, {"lang", "ru"}, {"title", "Лазерная наплавка " + id}, {"body", body}}
               .dump() +
           "\n";
}

}  // namespace

TEST_CASE("http hardening: a chunked body longer than --max-body is refused with 413 before it is buffered") {
    RunningServer server;  // bodies up to 64 KiB
    const int fd = connect_loopback(server.port());
    REQUIRE(fd >= 0);
    REQUIRE(reset_peak_memory());
    const long peak_before = peak_memory_kib();
    const std::string chunk(64 << 10, 'x');
    bool all_sent = send_all(fd, "POST /api/match HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                 "Transfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 512 && all_sent; ++i)  // 32 MiB
        all_sent = send_all(fd, "10000\r\n" + chunk + "\r\n");
    if (all_sent) send_all(fd, "0\r\n\r\n");
    const auto responses = split_responses(receive_until_closed(fd, 10s));
    const long peak_growth_kib = peak_memory_kib() - peak_before;
    ::close(fd);
    REQUIRE(responses.size() == 1);
    CHECK(responses[0].status == 413);
    CHECK(nlohmann::json::parse(responses[0].body)["error"]["code"] == "too_large");
    MESSAGE("peak memory growth while 32 MiB were sent: ", peak_growth_kib, " KiB");
    CHECK(peak_growth_kib < 8 * 1024);
    CHECK(server.client().Get("/api/health")->status == 200);
}

TEST_CASE("http hardening: a body without a length is empty, not read until the client closes") {
    RunningServer server;
    const int fd = connect_loopback(server.port());
    REQUIRE(fd >= 0);
    // No Content-Length, no Transfer-Encoding: by HTTP/1.1 the body is empty, and the next
    // bytes are the next request.
    REQUIRE(send_all(fd, "POST /api/match HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                         "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    const auto responses = split_responses(receive_until_closed(fd, 5s));
    ::close(fd);
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].status == 400);
    CHECK(responses[1].status == 200);
}

TEST_CASE("http hardening: ambiguous framing is refused (Content-Length with chunked, two lengths, bare line feeds)") {
    RunningServer server;
    const std::vector<std::pair<std::string, int>> cases = {
        {"Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
        {"Content-Length: 4\r\nContent-Length: 40\r\n\r\nabcd", 400},
        {"Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
        {"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501},
        {"Content-Length: -1\r\n\r\n", 400},
        {"Content-Length: 0x10\r\n\r\n", 400},
        {"X-Note: a\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400},
        {"Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n", 400},
        {"X-Note: a\r\n folded\r\n\r\n", 400},
        {"Transfer-Encoding: chunked\r\n\r\n-5\r\nabcde\r\n0\r\n\r\n", 400},
        {"Transfer-Encoding: chunked\r\n\r\n0x5\r\nabcde\r\n0\r\n\r\n", 400},
        {"Transfer-Encoding: chunked\r\n\r\n3\r\nabcde\r\n0\r\n\r\n", 400},
        {"Transfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n\r\n", 400},
        {"Content-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}", 415},
    };
    std::vector<std::string> answers, expected;
    for (const auto& [headers, status] : cases) {
        const int fd = connect_loopback(server.port());
        REQUIRE(fd >= 0);
        send_all(fd, "POST /api/match HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers);
        const auto responses = split_responses(receive_until_closed(fd, 5s));
        ::close(fd);
        const std::string shown = headers.substr(0, headers.find("\r\n\r\n"));
        answers.push_back(shown + " -> " + (responses.size() == 1 ? std::to_string(responses[0].status)
                                                                  : std::to_string(responses.size()) + " answers"));
        expected.push_back(shown + " -> " + std::to_string(status));
    }
    CHECK(listed(answers) == listed(expected));
}

TEST_CASE("http hardening: a request's framing is found the same whether its bytes come at once or one by one") {
    const std::string chunked = "POST /api/match HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                "d\r\n{\"text\": \"\xe6\xbf\x80\r\n7;note=1\r\n\xe5\x85\x89\"}  \r\n0\r\n\r\n";
    const std::string with_length = "POST /api/import?format=jsonl HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 12\r\n\r\n"
                                    "{\"id\":\"\xd1\x8f\"}\n";
    const std::string next = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    std::vector<std::string> lengths;
    for (const std::string& request : {chunked, with_length}) {
        const std::string stream = request + next;  // the next, pipelined request follows
        RequestFraming at_once(FramingLimits{});
        const auto whole = at_once.examine(stream);
        RequestFraming by_byte(FramingLimits{});
        std::size_t completed_at = 0;
        for (std::size_t size = 1; size <= stream.size() && completed_at == 0; ++size)
            if (by_byte.examine(std::string_view(stream).substr(0, size)) == RequestFraming::State::complete) completed_at = size;
        lengths.push_back(std::to_string(whole == RequestFraming::State::complete) + " " + std::to_string(at_once.length()) +
                          " " + std::to_string(by_byte.length()) + " " + std::to_string(completed_at));
    }
    CHECK(listed(lengths) == listed(std::vector<std::string>{
                                 "1 " + std::to_string(chunked.size()) + " " + std::to_string(chunked.size()) + " " +
                                     std::to_string(chunked.size()),
                                 "1 " + std::to_string(with_length.size()) + " " + std::to_string(with_length.size()) + " " +
                                     std::to_string(with_length.size())}));

    RequestFraming limited(FramingLimits{1024, 10});
    CHECK(limited.examine(chunked) == RequestFraming::State::refused);
    CHECK(limited.refusal().status == 413);
}

TEST_CASE("http hardening: a compressed body is refused rather than inflated without a limit") {
    RunningServer server;  // bodies up to 64 KiB
    std::string compressed;
    {
        httplib::detail::gzip_compressor gzip;
        const std::string text(1 << 20, 'a');
        bool ok = gzip.compress("{\"text\": \"", 10, false, [&](const char* data, std::size_t size) {
            compressed.append(data, size);
            return true;
        });
        for (int i = 0; i < 48 && ok; ++i)  // 48 MiB once inflated
            ok = gzip.compress(text.data(), text.size(), false, [&](const char* data, std::size_t size) {
                compressed.append(data, size);
                return true;
            });
        REQUIRE(ok);
        REQUIRE(gzip.compress("\"}", 2, true, [&](const char* data, std::size_t size) {
            compressed.append(data, size);
            return true;
        }));
    }
    REQUIRE(compressed.size() < (64u << 10));
    REQUIRE(reset_peak_memory());
    const long peak_before = peak_memory_kib();
    const auto response = server.client().Post("/api/match", {{"Content-Encoding", "gzip"}}, compressed, "application/json");
    const long peak_growth_kib = peak_memory_kib() - peak_before;
    REQUIRE(response);
    CHECK(response->status == 415);
    CHECK(nlohmann::json::parse(response->body)["error"]["message"].get<std::string>().find("uncompressed") !=
          std::string::npos);
    MESSAGE("peak memory growth for a body inflating to 48 MiB: ", peak_growth_kib, " KiB");
    CHECK(peak_growth_kib < 8 * 1024);
}

TEST_CASE("http hardening: many overlapping ranges of an asset get the asset once, not a multiplied answer") {
    RunningServer server;
    auto client = server.client();
    const auto plain = client.Get("/static/app.js");
    REQUIRE(plain);
    REQUIRE(plain->status == 200);
    std::string ranges = "bytes=0-";
    for (int i = 1; i < 1800; ++i) ranges += ",0-";
    const auto ranged = client.Get("/static/app.js", {{"Range", ranges}});
    REQUIRE(ranged);
    CHECK(ranged->status == 200);
    CHECK(ranged->body.size() == plain->body.size());
    const auto api = client.Get("/api/meta", {{"Range", "bytes=0-9,5-20"}});
    REQUIRE(api);
    CHECK(api->status == 200);
    CHECK(nlohmann::json::parse(api->body)["languages"].size() == 3);
}

TEST_CASE("http hardening: three pipelined requests in one write get three answers in order") {
    RunningServer server;
    const int fd = connect_loopback(server.port());
    REQUIRE(fd >= 0);
    REQUIRE(send_all(fd,
                     "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                     "GET /api/documents/t-off-ru-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                     "GET /api/documents/no-such-document HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    const auto responses = split_responses(receive_until_closed(fd, 5s));
    ::close(fd);
    REQUIRE(responses.size() == 3);
    CHECK(responses[0].status == 200);
    CHECK(nlohmann::json::parse(responses[0].body)["status"] == "ok");
    CHECK(responses[1].status == 200);
    CHECK(nlohmann::json::parse(responses[1].body)["document"]["title"] ==
          "Лазерная сварка толстолистовых хладостойких сталей");
    CHECK(responses[2].status == 404);
    CHECK(nlohmann::json::parse(responses[2].body)["error"]["message"].get<std::string>().find("no-such-document") !=
          std::string::npos);
}

TEST_CASE("http hardening: a pipelined POST and the GET after it are both answered") {
    RunningServer server;
    const int fd = connect_loopback(server.port());
    REQUIRE(fd >= 0);
    const std::string need = R"({"text": "激光焊接 厚钢板", "kind": "demand", "limit": 2})";
    REQUIRE(send_all(fd, "POST /api/match HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                             std::to_string(need.size()) + "\r\n\r\n" + need +
                             "GET /api/documents/t-off-ru-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    const auto responses = split_responses(receive_until_closed(fd, 5s));
    ::close(fd);
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].status == 200);
    CHECK(nlohmann::json::parse(responses[0].body)["id"].is_null());
    CHECK(responses[1].status == 200);
}

TEST_CASE("http hardening: a second server on a port in use is refused") {
    TempDir dir;
    RunningServer first;
    ServerOptions options;
    options.paths = first.paths();
    options.port = first.port();
    Server second(options, AccessToken(RunningServer::token), ServiceContext::builtin());
    CHECK_THROWS_WITH_AS(second.bind(), doctest::Contains("address in use"), Error);
    const auto health = first.client().Get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}

TEST_CASE("http hardening: a form-encoded upload is read as the file; controls come only from the URL") {
    RunningServer server([](ServerOptions& options) { options.max_body_bytes = 1 << 20; });
    auto client = server.client();
    const std::string file = jsonl_line("form-ru-1", "Наплавка лопаток турбин &confirm=1& порошками никеля.");
    const auto checked = client.Post("/api/import?format=jsonl&filename=form.jsonl", RunningServer::authorized(), file,
                                     "application/x-www-form-urlencoded");
    REQUIRE(checked);
    REQUIRE(checked->status == 200);
    const auto report = nlohmann::json::parse(checked->body);
    CHECK(report["confirmed"] == false);
    CHECK(report["valid"] == 1);
    CHECK(report["stored"] == 0);
    CHECK(client.Get("/api/documents/form-ru-1")->status == 404);

    std::string large;
    std::size_t lines = 0;
    for (; large.size() < (100 << 10); ++lines)
        large += jsonl_line("form-ru-" + std::to_string(lines),
                            "Лазерная наплавка изношенных лопаток паровых турбин, партия " + std::to_string(lines) + ".");
    const auto big = client.Post("/api/import?format=jsonl&filename=big.jsonl", RunningServer::authorized(), large,
                                 "application/x-www-form-urlencoded");
    REQUIRE(big);
    CHECK(big->status == 200);
    CHECK(nlohmann::json::parse(big->body)["valid"] == lines);

    const auto multipart = client.Post("/api/import?format=jsonl&filename=form.jsonl", RunningServer::authorized(), file,
                                       "multipart/form-data; boundary=x");
    REQUIRE(multipart);
    CHECK(multipart->status == 200);
    CHECK(nlohmann::json::parse(multipart->body)["valid"] == 1);
}

TEST_CASE("http hardening: every field of a partner-finder body is checked for its type") {
    RunningServer server;
    auto client = server.client();
    const std::string text = R"("text": "Нужна лазерная сварка толстых стальных листов")";
    struct Case {
        std::string body;
        int status;
        std::string field;
    };
    const std::vector<Case> cases = {
        {"{" + text + R"(, "kind": "offer", "limit": 3, "trl_min": 5, "lang": "ru"})", 200, ""},
        {"{" + text + R"(, "kind": null})", 400, "kind"},
        {"{" + text + R"(, "kind": 5})", 400, "kind"},
        {"{" + text + R"(, "kind": ["offer"]})", 400, "kind"},
        {R"({"text": 5})", 400, "text"},
        {R"({"text": null})", 400, "text"},
        {R"({"text": ["激光焊接"]})", 400, "text"},
        {"{" + text + R"(, "limit": "10"})", 400, "limit"},
        {"{" + text + R"(, "limit": 1.5})", 400, "limit"},
        {"{" + text + R"(, "limit": null})", 400, "limit"},
        {"{" + text + R"(, "sector": ["lasers-photonics"]})", 400, "sector"},
        {"{" + text + R"(, "region": {"id": "RU-TOM"}})", 400, "region"},
        {"{" + text + R"(, "lang": false})", 400, "lang"},
        {"{" + text + R"(, "trl_min": true})", 400, "trl_min"},
        {"{" + text + R"(, "trl_max": 4.5})", 400, "trl_max"},
        {"{" + text + R"(, "cooperation": null})", 400, "cooperation"},
    };
    std::vector<std::string> answers, expected;
    for (const auto& entry : cases) {
        const auto response = client.Post("/api/match", entry.body, "application/json");
        std::string answer = response ? std::to_string(response->status) : "no answer";
        if (response && response->status != 200) {
            const auto error = nlohmann::json::parse(response->body, nullptr, false);
            const std::string message = error.is_discarded() ? response->body : error["error"]["message"].get<std::string>();
            answer += " " + message.substr(0, message.find(':'));
        }
        answers.push_back(answer);
        expected.push_back(std::to_string(entry.status) + (entry.field.empty() ? "" : " " + entry.field));
    }
    CHECK(listed(answers) == listed(expected));
}

TEST_CASE("http hardening: an expo plan body with fields of the wrong type gets 400, not 500") {
    RunningServer server;
    auto client = server.client();
    const std::vector<std::string> bodies = {
        R"({"slots": null, "tables": [], "participants": []})",
        R"({"slots": [{"id": 5, "start": "2027-06-15T09:00", "end": "2027-06-15T09:30"}], "tables": [{"id": "T1"}], "participants": []})",
        R"({"slots": [], "tables": [{"id": "T1"}], "participants": [{"id": "a", "languages": "zh"}]})",
        R"({"slots": [], "tables": [{"id": "T1"}], "participants": [{"id": "a", "documents": [1, 2]}]})",
        R"([1, 2, 3])",
    };
    std::vector<int> statuses;
    for (const auto& body : bodies) {
        const auto response = client.Post("/api/expo/plan", RunningServer::authorized(), body, "application/json");
        statuses.push_back(response ? response->status : -1);
    }
    CHECK(listed(statuses) == listed(std::vector<int>(bodies.size(), 400)));
}

TEST_CASE("http hardening: an access token shorter than 16 characters is refused with advice") {
    CHECK_THROWS_WITH_AS(AccessToken("x"), doctest::Contains("at least 16"), InvalidInputError);
    CHECK_THROWS_AS(AccessToken("fifteen-chars-x"), InvalidInputError);
    CHECK(AccessToken("sixteen-chars-xx").admits("Bearer sixteen-chars-xx"));

    TempDir dir;
    const StoragePaths paths{dir / "db"};
    std::filesystem::create_directories(paths.root);
    ::setenv("TECHBRIDGE_TOKEN", "x", 1);
    CHECK_THROWS_WITH_AS(AccessToken::for_database(paths), doctest::Contains("TECHBRIDGE_TOKEN"), InvalidInputError);
    ::unsetenv("TECHBRIDGE_TOKEN");
    dir.write("db/token", "short\n");
    CHECK_THROWS_WITH_AS(AccessToken::for_database(paths), doctest::Contains("token"), InvalidInputError);
}

TEST_CASE("http hardening: a loopback server answers only Host names of loopback and those allowed") {
    RunningServer server([](ServerOptions& options) { options.allowed_hosts = {"techbridge.example"}; });
    auto client = server.client();
    const std::string port = std::to_string(server.port());
    const std::vector<std::pair<std::string, int>> cases = {
        {"127.0.0.1", 200},
        {"127.0.0.1:" + port, 200},
        {"localhost", 200},
        {"LocalHost:" + port, 200},
        {"[::1]", 200},
        {"[::1]:" + port, 200},
        {"techbridge.example", 200},
        {"TechBridge.example:8080", 200},
        {"evil.example", 421},
        {"evil.example:" + port, 421},
        {"127.0.0.1.evil.example", 421},
        {"localhost.evil.example:" + port, 421},
        {"techbridge.example.evil.example", 421},
        {"[::1].evil.example", 421},
        {"127.0.0.1:" + port + "@evil.example", 421},
    };
    std::vector<std::string> answers, expected;
    for (const auto& [host, status] : cases) {
        const auto response = client.Get("/api/health", {{"Host", host}});
        answers.push_back(host + " " + std::to_string(response ? response->status : -1));
        expected.push_back(host + " " + std::to_string(status));
    }
    CHECK(listed(answers) == listed(expected));
    const auto refused = client.Get("/api/search?q=x", {{"Host", "evil.example"}});
    REQUIRE(refused);
    CHECK(nlohmann::json::parse(refused->body)["error"]["message"].get<std::string>().find("--allow-host") !=
          std::string::npos);
}

TEST_CASE("http hardening: techbridge serve --allow-host, given twice, answers both names and refuses others") {
    TempDir dir;
    const StoragePaths paths{dir / "db"};
    Ingestion(paths, {}, KnowledgeBase::builtin()).run({write_fixture_collection(dir)});
    const int port = free_loopback_port();
    ::setenv("TECHBRIDGE_TOKEN", RunningServer::token, 1);
    const pid_t pid = spawn_silently({TECHBRIDGE_BINARY, "serve", "--db", paths.root.string(), "--port", std::to_string(port),
                                      "--allow-host", "a.example", "--allow-host", "B.example"});
    ::unsetenv("TECHBRIDGE_TOKEN");
    REQUIRE(pid > 0);
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(10, 0);
    bool up = false;
    for (int attempt = 0; attempt < 100 && !up; ++attempt) {
        std::this_thread::sleep_for(200ms);
        up = static_cast<bool>(client.Get("/api/health"));
    }
    std::vector<std::string> answers;
    for (const std::string& host : std::vector<std::string>{"a.example", "b.example:" + std::to_string(port), "c.example", "localhost"}) {
        const auto response = client.Get("/api/health", {{"Host", host}});
        answers.push_back(host + " " + std::to_string(response ? response->status : -1));
    }
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(up);
    CHECK(listed(answers) == listed(std::vector<std::string>{"a.example 200", "b.example:" + std::to_string(port) + " 200",
                                                             "c.example 421", "localhost 200"}));
}

TEST_CASE("http hardening: a server bound to all addresses does not check the Host name") {
    RunningServer server([](ServerOptions& options) { options.host = "0.0.0.0"; });
    const auto response = server.client().Get("/api/health", {{"Host", "techbridge.lan:8080"}});
    REQUIRE(response);
    CHECK(response->status == 200);
}

TEST_SUITE("slow") {
    TEST_CASE("http hardening: health keeps answering among 16 slow connections (as many as the workers)") {
        const auto took = probe_health_among_slow_clients(16);
        CHECK(*std::max_element(took.begin(), took.end()) < 1000);
    }

    TEST_CASE("http hardening: health keeps answering among 100 slow connections") {
        const auto took = probe_health_among_slow_clients(100);
        CHECK(*std::max_element(took.begin(), took.end()) < 1000);
    }
}
