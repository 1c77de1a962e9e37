#include "facet_counter.h"

#include <algorithm>
#include <string_view>

#include "index_layout.h"

namespace techbridge {

void FacetCounter::operator()(const Xapian::Document& document, double) {
    const std::string lines = document.get_value(index_layout::facets_slot);
    std::string_view rest(lines);
    while (!rest.empty()) {
        const std::size_t end = rest.find(index_layout::facet_separator);
        const std::string_view line = rest.substr(0, end);
        if (!line.empty()) {
            auto it = lines_.find(line);
            if (it == lines_.end()) it = lines_.emplace(std::string(line), 0).first;
            ++it->second;
        }
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
    }
}

FacetCounts FacetCounter::counts() const {
    FacetCounts out;
    for (const auto& [line, count] : lines_) {
        const std::size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        out[line.substr(0, colon)].emplace_back(line.substr(colon + 1), count);
    }
    for (auto& [facet, values] : out) {
        std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    }
    return out;
}

}  // namespace techbridge
