#include <doctest/doctest.h>

#include <optional>
#include <string>

#include <brotli/decode.h>
#include <httplib.h>
#include <zlib.h>

#include "asset_encoding.h"
#include "running_server.h"

using namespace techbridge;
using namespace techbridge::testing;

namespace {

std::string gunzip(const std::string& compressed) {
    z_stream stream{};
    REQUIRE(inflateInit2(&stream, 15 + 16) == Z_OK);  // gzip wrapper only
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
    stream.avail_in = static_cast<uInt>(compressed.size());
    std::string out;
    int status = Z_OK;
    while (status == Z_OK) {
        char buffer[16384];
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    inflateEnd(&stream);
    CHECK(status == Z_STREAM_END);
    return out;
}

std::string unbrotli(const std::string& compressed) {
    BrotliDecoderState* state = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
    std::size_t available_in = compressed.size();
    auto next_in = reinterpret_cast<const uint8_t*>(compressed.data());
    std::string out;
    BrotliDecoderResult result = BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT;
    while (result == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT) {
        uint8_t buffer[16384];
        std::size_t available_out = sizeof buffer;
        uint8_t* next_out = buffer;
        result = BrotliDecoderDecompressStream(state, &available_in, &next_in, &available_out, &next_out, nullptr);
        out.append(reinterpret_cast<char*>(buffer), sizeof buffer - available_out);
    }
    BrotliDecoderDestroyInstance(state);
    CHECK(result == BROTLI_DECODER_RESULT_SUCCESS);
    return out;
}

const EmbeddedFile& embedded(std::string_view path) {
    for (const auto& file : web_asset_files())
        if (file.path == path) return file;
    FAIL("no embedded asset " << path);  // throws: the test stops here
    return web_asset_files().front();
}

/// A client that leaves the body as the server sent it (httplib would decompress it).
httplib::Client raw_client(const RunningServer& server) {
    httplib::Client client = server.client();
    client.set_decompress(false);
    return client;
}

}  // namespace

TEST_CASE("asset encoding: the variant chosen for each Accept-Encoding header") {
    struct Case {
        std::optional<std::string> header;  // nullopt: no Accept-Encoding header at all
        AssetEncoding expected;
    };
    const Case cases[] = {
        {std::nullopt, AssetEncoding::identity},
        {"", AssetEncoding::identity},
        {"br", AssetEncoding::brotli},
        {"gzip", AssetEncoding::gzip},
        {"gzip, deflate, br", AssetEncoding::brotli},       // what browsers send: br over gzip
        {"gzip, deflate, br, zstd", AssetEncoding::brotli},
        {"deflate", AssetEncoding::identity},
        {"x-gzip", AssetEncoding::gzip},
        {"BR", AssetEncoding::brotli},
        {"GZip", AssetEncoding::gzip},
        {"gzip, br;q=0", AssetEncoding::gzip},
        {"br;q=0.5, gzip;q=0.8", AssetEncoding::gzip},      // the higher weight wins
        {"br;q=0.8, gzip;q=0.8", AssetEncoding::brotli},    // a tie goes to the smaller
        {"br;Q=0.001", AssetEncoding::brotli},              // the plain file was not asked for
        {"  gzip ; q = 0.5 ,  br ; q=0 ", AssetEncoding::gzip},
        {"*", AssetEncoding::brotli},
        {"*, br;q=0", AssetEncoding::gzip},
        {"*;q=0", AssetEncoding::identity},                 // nothing acceptable: the plain file
        {"identity;q=0", AssetEncoding::identity},
        {"identity;q=0, gzip", AssetEncoding::gzip},
        {"identity, gzip;q=0.5", AssetEncoding::identity},
        {"gzip;q=0, br;q=0", AssetEncoding::identity},
        {"gzip;q=0, br;q=0, identity;q=0", AssetEncoding::identity},
        {"br;q=abc, gzip", AssetEncoding::gzip},            // a malformed entry is ignored
        {"br;q=1.5, gzip;q=0.9", AssetEncoding::gzip},
        {"br;level=5", AssetEncoding::brotli},              // other parameters do not matter
        {",, gzip ,", AssetEncoding::gzip},
    };
    for (const auto& c : cases) {
        CAPTURE(c.header.value_or("(absent)"));
        CHECK(choose_asset_encoding(c.header.value_or(""), c.header.has_value()) == c.expected);
    }
}

TEST_CASE("asset encoding: a variant the asset lacks is never chosen") {
    CHECK(choose_asset_encoding("br", true, {.gzip = true, .brotli = false}) == AssetEncoding::identity);
    CHECK(choose_asset_encoding("br, gzip", true, {.gzip = true, .brotli = false}) == AssetEncoding::gzip);
    CHECK(choose_asset_encoding("gzip, br", true, {.gzip = false, .brotli = false}) == AssetEncoding::identity);
}

TEST_CASE("asset encoding: If-None-Match lists, weak tags and * match") {
    CHECK(etag_matches("\"abc-br\"", "\"abc-br\""));
    CHECK(etag_matches("\"x\", W/\"abc-br\"", "\"abc-br\""));
    CHECK(etag_matches("*", "\"abc\""));
    CHECK_FALSE(etag_matches("", "\"abc\""));
    CHECK_FALSE(etag_matches("\"abc\"", "\"abc-br\""));
}

TEST_CASE("asset encoding: every web asset carries gzip and brotli variants of its exact bytes") {
    REQUIRE(web_asset_files().size() > 0);
    for (const auto& file : web_asset_files()) {
        CAPTURE(file.path);
        REQUIRE_FALSE(file.gzip.empty());
        REQUIRE_FALSE(file.brotli.empty());
        CHECK(file.brotli.size() < file.content.size());
        CHECK(gunzip(std::string(file.gzip)) == file.content);
        CHECK(unbrotli(std::string(file.brotli)) == file.content);
    }
}

TEST_CASE("asset encoding: the server sends app.js as brotli, gzip or plain, never compressed twice") {
    RunningServer server;
    auto client = raw_client(server);
    const EmbeddedFile& app = embedded("web/assets/app.js");
    const std::string original(app.content);

    const auto brotli = client.Get("/static/app.js", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(brotli);
    CHECK(brotli->status == 200);
    CHECK(brotli->get_header_value("Content-Encoding") == "br");
    CHECK(brotli->get_header_value("Vary") == "Accept-Encoding");
    CHECK(brotli->get_header_value("Content-Type").starts_with("text/javascript"));
    CHECK(brotli->body == app.brotli);
    CHECK(unbrotli(brotli->body) == original);

    const auto gzip = client.Get("/static/app.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gzip);
    CHECK(gzip->status == 200);
    CHECK(gzip->get_header_value("Content-Encoding") == "gzip");
    CHECK(gunzip(gzip->body) == original);

    const auto plain = client.Get("/static/app.js");
    REQUIRE(plain);
    CHECK(plain->status == 200);
    CHECK_FALSE(plain->has_header("Content-Encoding"));
    CHECK(plain->body == original);

    // Refusing both codings must not let httplib compress the plain file on its own.
    const auto refused = client.Get("/static/app.js", {{"Accept-Encoding", "gzip;q=0, br;q=0"}});
    REQUIRE(refused);
    CHECK_FALSE(refused->has_header("Content-Encoding"));
    CHECK(refused->body == original);
}

TEST_CASE("asset encoding: each variant has its own ETag and answers 304 to it") {
    RunningServer server;
    auto client = raw_client(server);
    const auto first = client.Get("/static/app.js", {{"Accept-Encoding", "br"}});
    REQUIRE(first);
    const std::string br_tag = first->get_header_value("ETag");
    CHECK(br_tag.ends_with("-br\""));
    CHECK(br_tag == asset_etag(embedded("web/assets/app.js"), AssetEncoding::brotli));

    const auto again = client.Get("/static/app.js", {{"Accept-Encoding", "br"}, {"If-None-Match", br_tag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(again->get_header_value("ETag") == br_tag);

    // The brotli variant's tag does not stand for the gzip bytes.
    const auto gzip = client.Get("/static/app.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", br_tag}});
    REQUIRE(gzip);
    CHECK(gzip->status == 200);
    const std::string gz_tag = gzip->get_header_value("ETag");
    CHECK(gz_tag.ends_with("-gz\""));
    const auto gzip_again = client.Get("/static/app.js", {{"Accept-Encoding", "gzip"}, {"If-None-Match", gz_tag}});
    REQUIRE(gzip_again);
    CHECK(gzip_again->status == 304);

    const auto plain = client.Get("/static/app.js");
    REQUIRE(plain);
    const std::string plain_tag = plain->get_header_value("ETag");
    CHECK(plain_tag != br_tag);
    const auto plain_again = client.Get("/static/app.js", {{"If-None-Match", plain_tag}});
    REQUIRE(plain_again);
    CHECK(plain_again->status == 304);
}
