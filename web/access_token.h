#pragma once
// The secret that every write request must carry (Authorization: Bearer TOKEN).
#include <string>
#include <string_view>

#include "storage_paths.h"

namespace techbridge {

class AccessToken {
public:
    /// TECHBRIDGE_TOKEN when set; otherwise the token kept in DIR/token, created with a
    /// random value (readable by the owner only) the first time.
    static AccessToken for_database(const StoragePaths& paths);
    explicit AccessToken(std::string secret) : secret_(std::move(secret)) {}

    /// True when an Authorization header value is "Bearer " and this token.
    bool admits(std::string_view authorization) const;
    const std::string& secret() const { return secret_; }
    /// Where the token came from, for the start-up message.
    const std::string& origin() const { return origin_; }

private:
    std::string secret_;
    std::string origin_;
};

}  // namespace techbridge
