#include "asset_encoding.h"

#include <optional>

namespace techbridge {

namespace {

constexpr std::string_view blanks = " \t";

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

std::string lower_case(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// A qvalue as RFC 9110 writes it: "0", "0.5", "1", "1.000" (at most three decimals,
/// never above 1); nullopt for anything else.
std::optional<double> parse_qvalue(std::string_view text) {
    if (text.empty() || (text[0] != '0' && text[0] != '1')) return std::nullopt;
    if (text.size() == 1) return text[0] - '0';
    if (text[1] != '.' || text.size() > 5) return std::nullopt;
    double value = text[0] - '0';
    double scale = 0.1;
    for (const char c : text.substr(2)) {
        if (c < '0' || c > '9' || (text[0] == '1' && c != '0')) return std::nullopt;
        value += (c - '0') * scale;
        scale /= 10;
    }
    return value;
}

/// The weight of one entry's parameters ("q=0.5", any case, spaces allowed around "="):
/// 1 without q, nullopt when q is malformed. Other parameters are ignored.
std::optional<double> entry_weight(std::string_view parameters) {
    while (!parameters.empty()) {
        const auto end = parameters.find(';');
        const std::string_view parameter = parameters.substr(0, end);
        parameters = end == std::string_view::npos ? std::string_view{} : parameters.substr(end + 1);
        const auto equals = parameter.find('=');
        if (equals == std::string_view::npos || lower_case(trim(parameter.substr(0, equals))) != "q") continue;
        return parse_qvalue(trim(parameter.substr(equals + 1)));
    }
    return 1.0;
}

/// The weights a header gives the codings served here; unnamed ones stay nullopt.
struct Weights {
    std::optional<double> identity, gzip, brotli, any;

    void set(const std::string& coding, double weight) {
        if (coding == "identity") identity = weight;
        else if (coding == "gzip" || coding == "x-gzip") gzip = weight;
        else if (coding == "br") brotli = weight;
        else if (coding == "*") any = weight;
    }
};

Weights parse_accept_encoding(std::string_view header) {
    Weights weights;
    while (!header.empty()) {
        const auto end = header.find(',');
        const std::string_view entry = header.substr(0, end);
        header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
        const auto semicolon = entry.find(';');
        const std::string coding = lower_case(trim(entry.substr(0, semicolon)));
        if (coding.empty()) continue;
        const auto weight =
            entry_weight(semicolon == std::string_view::npos ? std::string_view{} : entry.substr(semicolon + 1));
        if (weight) weights.set(coding, *weight);
    }
    return weights;
}

/// The weight of a compressed coding: as named, else as "*", else refused.
double coding_weight(const std::optional<double>& named, const Weights& weights) {
    return named.value_or(weights.any.value_or(0.0));
}

/// The plain file is acceptable unless refused, by name or by "*;q=0"; when the header
/// does not name it, it ranks below every coding the client asked for (a client sending
/// "gzip;q=0.5" alone wants gzip, not the plain file it did not mention).
double identity_weight(const Weights& weights) {
    if (weights.identity) return *weights.identity;
    if (weights.any) return *weights.any == 0 ? 0.0 : *weights.any * 0.999;
    return 0.0001;
}

}  // namespace

AssetEncoding choose_asset_encoding(std::string_view accept_encoding, bool present, AvailableEncodings available) {
    if (!present) return AssetEncoding::identity;
    const Weights weights = parse_accept_encoding(accept_encoding);
    AssetEncoding best = AssetEncoding::identity;
    double best_weight = identity_weight(weights);
    // A coding replaces the plain file only with a strictly higher weight, and gzip
    // replaces brotli the same way: ties go to the smaller variant.
    const double brotli = available.brotli ? coding_weight(weights.brotli, weights) : 0.0;
    const double gzip = available.gzip ? coding_weight(weights.gzip, weights) : 0.0;
    if (gzip > 0 && gzip >= best_weight) {
        best = AssetEncoding::gzip;
        best_weight = gzip;
    }
    if (brotli > 0 && brotli >= best_weight) best = AssetEncoding::brotli;
    return best;
}

std::string_view content_encoding_token(AssetEncoding encoding) {
    switch (encoding) {
        case AssetEncoding::brotli: return "br";
        case AssetEncoding::gzip: return "gzip";
        case AssetEncoding::identity: break;
    }
    return "";
}

std::string asset_etag(const EmbeddedFile& file, AssetEncoding encoding) {
    std::string etag(1, '"');
    etag.append(file.sha256.substr(0, 16));
    if (encoding == AssetEncoding::brotli) etag.append("-br");
    if (encoding == AssetEncoding::gzip) etag.append("-gz");
    etag.push_back('"');
    return etag;
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    while (!if_none_match.empty()) {
        const auto end = if_none_match.find(',');
        std::string_view candidate = trim(if_none_match.substr(0, end));
        if_none_match = end == std::string_view::npos ? std::string_view{} : if_none_match.substr(end + 1);
        // If-None-Match compares weakly (RFC 9110, 13.1.2): W/"x" names the same as "x".
        if (candidate.starts_with("W/")) candidate.remove_prefix(2);
        if (candidate == "*" || candidate == etag) return true;
    }
    return false;
}

namespace {

/// All Accept-Encoding headers of the request as one list, as RFC 9110 reads repeated fields.
std::string accept_encoding_of(const httplib::Request& request) {
    std::string joined;
    for (std::size_t i = 0; i < request.get_header_value_count("Accept-Encoding"); ++i) {
        if (i > 0) joined.push_back(',');
        joined.append(request.get_header_value("Accept-Encoding", i));
    }
    return joined;
}

std::string_view variant_bytes(const EmbeddedFile& file, AssetEncoding encoding) {
    if (encoding == AssetEncoding::brotli) return file.brotli;
    if (encoding == AssetEncoding::gzip) return file.gzip;
    return file.content;
}

/// Hands httplib the embedded bytes without a copy. A provider of known length is written
/// as it is; set_content would have httplib compress the body again per request.
void send_bytes(httplib::Response& response, std::string_view bytes, const std::string& content_type) {
    if (bytes.empty()) {
        response.set_content(std::string(), content_type);  // an empty body is never compressed
        return;
    }
    response.set_content_provider(bytes.size(), content_type,
                                  [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                      return sink.write(bytes.data() + offset, length);
                                  });
}

}  // namespace

void serve_embedded_asset(const EmbeddedFile& file, const std::string& content_type, const httplib::Request& request,
                          httplib::Response& response) {
    const AssetEncoding encoding =
        choose_asset_encoding(accept_encoding_of(request), request.has_header("Accept-Encoding"),
                              {.gzip = !file.gzip.empty(), .brotli = !file.brotli.empty()});
    const std::string etag = asset_etag(file, encoding);
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", "no-cache");
    // Caches must keep the variants apart: the same URL answers with different bytes.
    response.set_header("Vary", "Accept-Encoding");
    if (etag_matches(request.get_header_value("If-None-Match"), etag)) {
        response.status = 304;
        return;
    }
    if (encoding != AssetEncoding::identity)
        response.set_header("Content-Encoding", std::string(content_encoding_token(encoding)));
    send_bytes(response, variant_bytes(file, encoding), content_type);
}

}  // namespace techbridge
