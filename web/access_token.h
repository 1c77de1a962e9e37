#pragma once
// The secret that every write request must carry (Authorization: Bearer TOKEN).
#include <cstddef>
#include <string>
#include <string_view>

#include "storage_paths.h"

namespace techbridge {

class AccessToken {
public:
    /// TECHBRIDGE_TOKEN when set; otherwise the token kept in DIR/token, created with a
    /// random value (readable by the owner only) the first time.
    static AccessToken for_database(const StoragePaths& paths);
    /// Throws InvalidInputError when `secret` is shorter than minimum_length.
    explicit AccessToken(std::string secret) : AccessToken(std::move(secret), "the access token") {}

    /// Shorter secrets can be guessed by trying: 16 characters of hex are 64 bits.
    static constexpr std::size_t minimum_length = 16;

    /// True when an Authorization header value is "Bearer " and this token.
    bool admits(std::string_view authorization) const;
    const std::string& secret() const { return secret_; }
    /// Where the token came from, for the start-up message.
    const std::string& origin() const { return origin_; }

private:
    /// `described` names where the secret came from, for the message when it is too short.
    AccessToken(std::string secret, const std::string& described);

    std::string secret_;
    std::string origin_;
};

}  // namespace techbridge
