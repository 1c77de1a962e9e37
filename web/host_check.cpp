#include "host_check.h"

#include <algorithm>
#include <cctype>

#include <arpa/inet.h>

namespace techbridge {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_port(std::string_view text) {
    return !text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// An address in 127.0.0.0/8, written as four decimal numbers.
bool is_loopback_ipv4(std::string_view name) {
    in_addr address{};
    return ::inet_pton(AF_INET, std::string(name).c_str(), &address) == 1 && (ntohl(address.s_addr) >> 24) == 127;
}

bool is_loopback_name(std::string_view name) {
    return name == "localhost" || name == "[::1]" || name == "::1" || is_loopback_ipv4(name);
}

/// The name in a Host value without its port ("[::1]:8080" → "[::1]"); empty when the
/// value is not a name with an optional port.
std::string host_name(std::string_view value) {
    std::string_view name = value;
    if (value.starts_with('[')) {
        const std::size_t close = value.find(']');
        if (close == std::string_view::npos) return {};
        name = value.substr(0, close + 1);
        const std::string_view rest = value.substr(close + 1);
        if (!rest.empty() && !(rest.front() == ':' && is_port(rest.substr(1)))) return {};
    } else if (const std::size_t colon = value.find(':'); colon != std::string_view::npos) {
        if (!is_port(value.substr(colon + 1))) return {};
        name = value.substr(0, colon);
    }
    return lower(name);
}

}  // namespace

HostCheck::HostCheck(std::string_view bound_host, const std::vector<std::string>& allowed)
    : checks_(is_loopback_name(lower(bound_host))) {
    for (const auto& name : allowed) allowed_.push_back(lower(name));
}

bool HostCheck::admits(std::string_view host_header) const {
    if (!checks_ || host_header.empty()) return true;
    const std::string name = host_name(host_header);
    if (name.empty()) return false;
    return is_loopback_name(name) || std::find(allowed_.begin(), allowed_.end(), name) != allowed_.end();
}

}  // namespace techbridge
