#pragma once
// Which Host header values the server answers. A page on another site can make its own
// name resolve to 127.0.0.1 (DNS rebinding) and then read a loopback server as its own
// origin; its requests still carry its name in Host. So a server bound to loopback answers
// only loopback's names and the names the operator allowed (--allow-host); a server bound
// to another address answers every name, as the operator chose to serve a network.
#include <string>
#include <string_view>
#include <vector>

namespace techbridge {

class HostCheck {
public:
    /// `bound_host`: the address the server listens on; `allowed`: further names (no port).
    HostCheck(std::string_view bound_host, const std::vector<std::string>& allowed);

    /// True when a request with this Host header value is answered. A request without
    /// Host (HTTP/1.0) is: browsers always send one.
    bool admits(std::string_view host_header) const;
    /// False when every name is admitted (not bound to loopback).
    bool checks() const { return checks_; }

private:
    bool checks_;
    std::vector<std::string> allowed_;  // lower case
};

}  // namespace techbridge
