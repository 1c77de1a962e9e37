// Build tool: writes the gzip (level 9) and brotli (quality 11) variants of one web asset,
// so the server sends them ready-made instead of compressing on every request (issue 15).
//   compress_asset INPUT GZIP_OUTPUT BROTLI_OUTPUT
// The outputs depend only on the input's bytes (the gzip header carries no time or name),
// so a rebuild of unchanged assets produces identical files.
#include <brotli/encode.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>

namespace {

std::string read_file(const std::string& path) {
    std::ifstream input(path, std::ios::binary);
    if (!input) throw std::runtime_error("cannot read " + path + ": check that the asset exists");
    return {std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream output(path, std::ios::binary | std::ios::trunc);
    output.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!output.flush()) throw std::runtime_error("cannot write " + path + ": check that its directory exists and is writable");
}

std::string gzip(const std::string& input) {
    z_stream stream{};
    // 15 + 16: the largest window, with a gzip header and trailer instead of zlib's.
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("zlib could not start a gzip stream");
    std::string output(deflateBound(&stream, input.size()), '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = static_cast<uInt>(input.size());
    stream.next_out = reinterpret_cast<Bytef*>(output.data());
    stream.avail_out = static_cast<uInt>(output.size());
    const int status = deflate(&stream, Z_FINISH);
    output.resize(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END) throw std::runtime_error("zlib could not compress the asset");
    return output;
}

std::string brotli(const std::string& input) {
    std::size_t size = BrotliEncoderMaxCompressedSize(input.size());
    if (size == 0) throw std::runtime_error("the asset is too large for brotli");
    std::string output(size, '\0');
    if (!BrotliEncoderCompress(BROTLI_MAX_QUALITY, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, input.size(),
                               reinterpret_cast<const uint8_t*>(input.data()), &size,
                               reinterpret_cast<uint8_t*>(output.data())))
        throw std::runtime_error("brotli could not compress the asset");
    output.resize(size);
    return output;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: compress_asset INPUT GZIP_OUTPUT BROTLI_OUTPUT\n";
        return 2;
    }
    try {
        const std::string input = read_file(argv[1]);
        write_file(argv[2], gzip(input));
        write_file(argv[3], brotli(input));
    } catch (const std::exception& error) {
        std::cerr << "compress_asset: " << argv[1] << ": " << error.what() << '\n';
        return 1;
    }
}
