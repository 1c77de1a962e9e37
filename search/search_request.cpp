#include "search_request.h"

#include <array>
#include <utility>

namespace techbridge {
namespace {

constexpr std::array<std::pair<SearchOrder, std::string_view>, 3> order_names = {{
    {SearchOrder::relevance, "relevance"},
    {SearchOrder::trl, "trl"},
    {SearchOrder::published, "published"},
}};

}  // namespace

std::string_view to_string(SearchOrder order) {
    for (const auto& [value, name] : order_names)
        if (value == order) return name;
    return "relevance";
}

std::optional<SearchOrder> parse_search_order(std::string_view text) {
    for (const auto& [value, name] : order_names)
        if (name == text) return value;
    return std::nullopt;
}

}  // namespace techbridge
