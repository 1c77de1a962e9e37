#pragma once
// Serving the embedded web assets in the variant a client accepts: brotli, gzip or plain,
// all made at build time (cmake/compress_asset.cpp), so no request pays for compression
// (issue 15: compressing app.js took 70-150 ms per request, sending it 0.5 ms).
#include <span>
#include <string>
#include <string_view>

#include <httplib.h>

#include "embedded_file.h"

namespace techbridge {

/// The page's files built in, each with its compressed variants (web/CMakeLists.txt).
std::span<const EmbeddedFile> web_asset_files();

enum class AssetEncoding { identity, gzip, brotli };

/// Which variants of an asset exist; a missing one is never chosen.
struct AvailableEncodings {
    bool gzip = true;
    bool brotli = true;
};

/// The variant to send for a request's Accept-Encoding header (RFC 9110, 12.5.3). Codings
/// are compared without regard to case, "x-gzip" counts as gzip, "*" stands for every
/// coding the header does not name, and q=0 refuses a coding. The highest q wins; on a
/// tie the smaller variant: brotli, then gzip, then the plain file. Without the header
/// (`present` false) the plain file is sent, as clients that say nothing expect; when the
/// header refuses everything, the plain file too (the RFC allows it instead of a 406).
/// An entry with a malformed q-value is ignored.
AssetEncoding choose_asset_encoding(std::string_view accept_encoding, bool present = true,
                                    AvailableEncodings available = {});

/// The Content-Encoding token of `encoding`: "br", "gzip", or "" for the plain file.
std::string_view content_encoding_token(AssetEncoding encoding);

/// The ETag of one variant of `file`: its SHA-256 prefix, with "-br" or "-gz" for the
/// compressed ones, as the variants are different bytes.
std::string asset_etag(const EmbeddedFile& file, AssetEncoding encoding);

/// Whether an If-None-Match header names `etag` (a list, weak tags or "*" included).
bool etag_matches(std::string_view if_none_match, std::string_view etag);

/// Answers a request for the embedded `file` of type `content_type`: the variant
/// Accept-Encoding asks for, with its ETag, or 304 when If-None-Match names it. The bytes
/// are handed to httplib as a content provider of known length, which httplib sends as
/// they are: it compresses only bodies set with set_content (and chunked providers).
void serve_embedded_asset(const EmbeddedFile& file, const std::string& content_type, const httplib::Request& request,
                          httplib::Response& response);

}  // namespace techbridge
