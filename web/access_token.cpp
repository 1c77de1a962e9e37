#include "access_token.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include <fcntl.h>
#include <unistd.h>

#include "ascii_text.h"
#include "errors.h"

namespace techbridge {

namespace fs = std::filesystem;

namespace {

std::string random_secret() {
    std::random_device source;  // the kernel's random source on Linux
    constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 32; ++i) {
        const unsigned byte = source() & 0xffu;
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0xfu]);
    }
    return out;
}

}  // namespace

AccessToken::AccessToken(std::string secret, const std::string& described) : secret_(std::move(secret)) {
    if (secret_.size() < minimum_length)
        throw InvalidInputError(described + " is " + std::to_string(secret_.size()) + " characters long; use at least " +
                                std::to_string(minimum_length) + " (for example the output of: openssl rand -hex 16)");
}

AccessToken AccessToken::for_database(const StoragePaths& paths) {
    if (const char* from_environment = std::getenv("TECHBRIDGE_TOKEN"); from_environment && *from_environment) {
        AccessToken token{from_environment, "TECHBRIDGE_TOKEN"};
        token.origin_ = "TECHBRIDGE_TOKEN";
        return token;
    }
    const fs::path file = paths.root / "token";
    if (std::ifstream input{file}) {
        std::string secret;
        std::getline(input, secret);
        secret = std::string(trim(secret));
        if (!secret.empty()) {
            AccessToken token{secret, "the token kept in " + file.string()};
            token.origin_ = file.string();
            return token;
        }
    }
    AccessToken token{random_secret()};
    // Created readable by the owner only from the start, not narrowed afterwards.
    const int descriptor = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (descriptor < 0) throw Error("cannot write the access token to " + file.string());
    const std::string line = token.secret_ + "\n";
    const bool written = ::write(descriptor, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(descriptor);
    if (!written) throw Error("cannot write the access token to " + file.string());
    token.origin_ = file.string() + " (new)";
    return token;
}

bool AccessToken::admits(std::string_view authorization) const {
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() != scheme.size() + secret_.size() || !authorization.starts_with(scheme)) return false;
    // Compare every byte whatever the first difference, so timing tells nothing.
    unsigned char difference = 0;
    for (std::size_t i = 0; i < secret_.size(); ++i)
        difference |= static_cast<unsigned char>(authorization[scheme.size() + i] ^ secret_[i]);
    return difference == 0;
}

}  // namespace techbridge
